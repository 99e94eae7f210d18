import { AccessEntryType } from '../access-entry-type';
import { describeValue } from './describe-value';
import { EntryModel, FieldPath, GrantModel, MalformedField, PrincipalModel, UnknownField } from './model';

/** The keys an entry may have; anything else is reported, never ignored. */
export const ENTRY_KEYS = ['type', 'username', 'kubernetesGroups', 'accessPolicies', 'tags'];
const GRANT_KEYS = ['policy', 'accessScope'];
const SCOPE_KEYS = ['type', 'namespaces'];

/**
 * Turns one principal's access, as given (typed props, or anything parsed from JSON or
 * YAML), into the plain model. It never throws: every key it does not know and every
 * value of the wrong shape is kept in the model, for a rule to report.
 */
export function normalizeEntry(principal: PrincipalModel, access: unknown, source: string): EntryModel {
  const reader = new FieldReader();
  const entry = reader.object(access, '');
  reader.unknownKeys(entry, ENTRY_KEYS, '');

  const type = reader.string(entry, 'type', 'type');
  const grants = reader.list(entry, 'accessPolicies', 'accessPolicies') ?? [];
  return {
    principal,
    type: type ?? AccessEntryType.STANDARD,
    username: reader.string(entry, 'username', 'username'),
    kubernetesGroups: reader.stringList(entry, 'kubernetesGroups', 'kubernetesGroups'),
    accessPolicies: grants.map((grant, i) => normalizeGrant(reader, grant, `accessPolicies[${i}]`)),
    tags: reader.stringMap(entry, 'tags', 'tags'),
    unknownFields: reader.unknown,
    malformedFields: reader.malformed,
    source,
  };
}

function normalizeGrant(reader: FieldReader, grant: unknown, field: FieldPath): GrantModel {
  const obj = reader.object(grant, field);
  reader.unknownKeys(obj, GRANT_KEYS, field);
  reader.required(obj, 'policy', field);
  reader.required(obj, 'accessScope', field);
  const scope = reader.object(obj?.accessScope, `${field}.accessScope`, true);
  reader.unknownKeys(scope, SCOPE_KEYS, `${field}.accessScope`);
  reader.required(scope, 'type', `${field}.accessScope`);
  return {
    field,
    policy: reader.string(obj, 'policy', `${field}.policy`),
    scopeType: reader.string(scope, 'type', `${field}.accessScope.type`),
    namespaces: reader.stringList(scope, 'namespaces', `${field}.accessScope.namespaces`),
  };
}

type Obj = Record<string, unknown>;

/** Reads fields defensively and records what does not fit. */
export class FieldReader {
  public readonly unknown: UnknownField[] = [];
  public readonly malformed: MalformedField[] = [];

  /** The value as an object, or undefined (recorded as malformed) when it is not one. */
  public object(value: unknown, field: FieldPath, optional = false): Obj | undefined {
    if (value === undefined && optional) { return undefined; }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) { return value as Obj; }
    this.malformed.push({ field: field || '(entry)', expected: 'an object', got: describeValue(value) });
    return undefined;
  }

  public unknownKeys(obj: Obj | undefined, known: readonly string[], field: FieldPath): void {
    if (!obj) { return; }
    for (const key of Object.keys(obj)) {
      // jsii and JSON parsers may pass explicit `undefined` for an absent optional prop.
      if (!known.includes(key) && obj[key] !== undefined) {
        this.unknown.push({ field: field ? `${field}.${key}` : key, known });
      }
    }
  }

  public required(obj: Obj | undefined, key: string, field: FieldPath): void {
    if (obj && own(obj, key) === undefined) {
      this.malformed.push({ field: field ? `${field}.${key}` : key, expected: 'a value', got: 'nothing' });
    }
  }

  public string(obj: Obj | undefined, key: string, field: FieldPath): string | undefined {
    const value = obj ? own(obj, key) : undefined;
    if (value === undefined || typeof value === 'string') { return value; }
    this.malformed.push({ field, expected: 'a string', got: describeValue(value) });
    return undefined;
  }

  public list(obj: Obj | undefined, key: string, field: FieldPath): unknown[] | undefined {
    const value = obj ? own(obj, key) : undefined;
    if (value === undefined || Array.isArray(value)) { return value; }
    this.malformed.push({ field, expected: 'a list', got: describeValue(value) });
    return undefined;
  }

  public stringList(obj: Obj | undefined, key: string, field: FieldPath): string[] | undefined {
    const list = this.list(obj, key, field);
    if (!list) { return undefined; }
    // A plain loop: this runs for every list of every entry, once per synth, before V8 has
    // optimized anything, and a callback costs more there than the work.
    const strings: string[] = [];
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (typeof item === 'string') {
        strings.push(item);
      } else {
        this.malformed.push({ field: `${field}[${i}]`, expected: 'a string', got: describeValue(item) });
      }
    }
    return strings;
  }

  public stringMap(obj: Obj | undefined, key: string, field: FieldPath): Array<[string, string]> | undefined {
    const value = obj ? own(obj, key) : undefined;
    if (value === undefined) { return undefined; }
    const map = this.object(value, field);
    if (!map) { return undefined; }
    const pairs: Array<[string, string]> = [];
    for (const [k, v] of Object.entries(map)) {
      if (typeof v === 'string') {
        pairs.push([k, v]);
      } else {
        this.malformed.push({ field: `${field}.${k}`, expected: 'a string', got: describeValue(v) });
      }
    }
    return pairs;
  }
}

/** An own property only: `constructor` or `__proto__` in input never reach the prototype. */
function own(obj: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}
