import { stringify } from 'yaml';
import { AccessEntryType } from '../access-entry-type';
import { AccessScopeType } from '../access-scope';
import { EksAccessPolicy } from '../policy';
import { PrincipalAccess } from '../principal-access';

/** The formats `migrate` prints a map in. */
export const MAP_FORMATS = ['yaml', 'json', 'ts'];

const SCHEMA = './node_modules/eks-access-manager/schema/access-map.schema.json';

/** A map as a map file (YAML or JSON), or as a TypeScript `principals` snippet. */
export function formatMap(principals: Record<string, PrincipalAccess>, format: string): string {
  switch (format) {
    case 'json': return JSON.stringify({ $schema: SCHEMA, principals }, undefined, 2) + '\n';
    case 'ts': return typescriptSnippet(principals);
    default: return `# yaml-language-server: $schema=${SCHEMA}\n${stringify({ principals })}`;
  }
}

const POLICY_CONSTANTS = new Map(
  Object.entries(EksAccessPolicy).map(([constant, name]) => [name as string, `EksAccessPolicy.${constant}`]),
);
const ENTRY_TYPES = new Map(Object.entries(AccessEntryType).map(([k, v]) => [v as string, `AccessEntryType.${k}`]));
const SCOPE_TYPES = new Map(Object.entries(AccessScopeType).map(([k, v]) => [v as string, `AccessScopeType.${k}`]));

/** `principals: { ... },` with the library's enums and policy constants, ready to paste. */
function typescriptSnippet(principals: Record<string, PrincipalAccess>): string {
  const lines = [
    "// import { AccessEntryType, AccessScopeType, EksAccessPolicy } from 'eks-access-manager';",
    `principals: ${literal(principals, [], '')},`,
  ];
  return lines.join('\n') + '\n';
}

function literal(value: unknown, path: readonly string[], indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) { return '[]'; }
    return `[\n${value.map((v) => `${inner}${literal(v, [...path, '[]'], inner)},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) { return '{}'; }
    return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${literal(v, [...path, k], inner)},`).join('\n')}\n${indent}}`;
  }
  if (typeof value === 'string') {
    const field = path.slice(-2).join('.');
    const constant = path.length === 2 && path[1] === 'type' ? ENTRY_TYPES.get(value)
      : field === '[].policy' ? POLICY_CONSTANTS.get(value)
        : field === 'accessScope.type' ? SCOPE_TYPES.get(value) : undefined;
    return constant ?? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  }
  return String(value);
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name.replace(/'/g, "\\'")}'`;
}
