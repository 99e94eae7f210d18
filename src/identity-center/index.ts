export * from './permission-set-role';
