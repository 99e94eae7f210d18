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

  const type = reader.string(entry, 'type', '');
  const grants = reader.list(entry, 'accessPolicies', '') ?? [];
  // A plain loop: this runs for every entry, once per synth, before V8 has optimized it.
  const accessPolicies: GrantModel[] = [];
  for (let i = 0; i < grants.length; i++) {
    accessPolicies.push(normalizeGrant(reader, grants[i], `accessPolicies[${i}]`));
  }
  return {
    principal,
    type: type ?? AccessEntryType.STANDARD,
    username: reader.string(entry, 'username', ''),
    kubernetesGroups: reader.stringList(entry, 'kubernetesGroups', ''),
    accessPolicies,
    tags: reader.stringMap(entry, 'tags', ''),
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
  const scopeField = `${field}.accessScope`;
  const scope = reader.object(obj?.accessScope, scopeField, true);
  reader.unknownKeys(scope, SCOPE_KEYS, scopeField);
  reader.required(scope, 'type', scopeField);
  return {
    field,
    policy: reader.string(obj, 'policy', field),
    scopeType: reader.string(scope, 'type', scopeField),
    namespaces: reader.stringList(scope, 'namespaces', scopeField),
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
    // `for...in` over own keys is `Object.keys` without the array: this runs for three
    // objects of every entry at each synth.
    for (const key in obj) {
      if (!Object.prototype.hasOwnProperty.call(obj, key)) { continue; }
      // jsii and JSON parsers may pass explicit `undefined` for an absent optional prop.
      if (!known.includes(key) && obj[key] !== undefined) {
        this.unknown.push({ field: fieldOf(field, key), known });
      }
    }
  }

  public required(obj: Obj | undefined, key: string, field: FieldPath): void {
    if (obj && own(obj, key) === undefined) {
      this.malformed.push({ field: fieldOf(field, key), expected: 'a value', got: 'nothing' });
    }
  }

  // `string`, `list`, `stringList` and `stringMap` take the parent's path, as `required`
  // does, and spell the field's path only for a finding: they run for every field of every
  // entry at each synth, and findings are rare.

  /** `obj[key]` when it is a string or absent; anything else is recorded at `parent.key`. */
  public string(obj: Obj | undefined, key: string, parent: FieldPath): string | undefined {
    const value = obj ? own(obj, key) : undefined;
    if (value === undefined || typeof value === 'string') { return value; }
    this.malformed.push({ field: fieldOf(parent, key), expected: 'a string', got: describeValue(value) });
    return undefined;
  }

  /** `obj[key]` when it is a list or absent; anything else is recorded at `parent.key`. */
  public list(obj: Obj | undefined, key: string, parent: FieldPath): unknown[] | undefined {
    const value = obj ? own(obj, key) : undefined;
    if (value === undefined || Array.isArray(value)) { return value; }
    this.malformed.push({ field: fieldOf(parent, key), expected: 'a list', got: describeValue(value) });
    return undefined;
  }

  /** A copy of the strings of the list `obj[key]`; each item that is not one is recorded. */
  public stringList(obj: Obj | undefined, key: string, parent: FieldPath): string[] | undefined {
    const list = this.list(obj, key, parent);
    if (!list) { return undefined; }
    // A plain loop: this runs for every list of every entry, once per synth, before V8 has
    // optimized anything, and a callback costs more there than the work.
    const strings: string[] = [];
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (typeof item === 'string') {
        strings.push(item);
      } else {
        this.malformed.push({ field: `${fieldOf(parent, key)}[${i}]`, expected: 'a string', got: describeValue(item) });
      }
    }
    return strings;
  }

  /** The string values of the map `obj[key]`, as pairs; each value that is not one is recorded. */
  public stringMap(obj: Obj | undefined, key: string, parent: FieldPath): Array<[string, string]> | undefined {
    const value = obj ? own(obj, key) : undefined;
    if (value === undefined) { return undefined; }
    const field = fieldOf(parent, key);
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

/** The path of `key` inside `parent` (the key alone at the top). */
function fieldOf(parent: FieldPath, key: string): FieldPath {
  return parent ? `${parent}.${key}` : key;
}

/** An own property only: `constructor` or `__proto__` in input never reach the prototype. */
function own(obj: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}
