export * from './access-entry-type';
export * from './access-manager';
export * from './access-scope';
export * from './authentication-mode';
export * from './policy';
export * from './principal-access';
