import { CfnElement, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { hexHash } from './short-hash';
import { isToken } from './tokens';

/** The logical id each entry was given when it was made (see `fixLogicalId`). */
const FIXED = new WeakMap<CfnElement, string>();

/**
 * Gives an element CDK's own default logical id, fixed now: CDK would otherwise derive it
 * from the construct path (an MD5 each time) at every resolve of the template, several
 * times per synth. The id is the one CDK would allocate, so no template changes.
 *
 * @returns the id
 */
export function fixLogicalId(element: CfnElement): string {
  const logicalId = defaultLogicalId(element);
  element.overrideLogicalId(logicalId);
  FIXED.set(element, logicalId);
  return logicalId;
}

/**
 * The logical id an element was given by `fixLogicalId`, if any. A later
 * `overrideLogicalId` is not seen here: check the template before trusting it.
 */
export function fixedLogicalId(element: CfnElement): string | undefined {
  return FIXED.get(element);
}

/**
 * The logical id the template gives an element made by `fixLogicalId`, when it is still
 * the one fixed then; undefined when it was overridden since (or the element was never
 * fixed, or this aws-cdk-lib keeps its override elsewhere): then only the template knows.
 */
export function unchangedLogicalId(element: CfnElement): string | undefined {
  const fixed = FIXED.get(element);
  // The field `overrideLogicalId` sets, in every aws-cdk-lib 2.x.
  const current = (element as unknown as { _logicalIdOverride?: unknown })._logicalIdOverride;
  return fixed !== undefined && current === fixed ? fixed : undefined;
}

/**
 * The id `stack.getLogicalId(element)` gives. Where that is certain, it is computed here
 * from the path of the element's parent, worked out once per parent: CDK walks the whole
 * path and builds a hash object for each element (25 ms for 3,000 entries; 9 ms this way).
 * Anything this does not cover (a stack that allocates ids its own way, a rename, a token
 * or a hidden id in the path, no MD5 in `crypto`) is asked of CDK itself.
 */
export function defaultLogicalId(element: CfnElement): string {
  const stack = element.stack;
  const parent = element.node.scope;
  const prefix = parent === undefined ? undefined : prefixOf(stack, parent);
  const id = element.node.id;
  if (prefix === undefined || !plainComponent(id) || md5Hex === undefined) {
    return stack.getLogicalId(element);
  }
  const human = prefix.last !== undefined && prefix.last.endsWith(id) ? prefix.human : prefix.human + alphanumeric(id);
  return human.slice(0, MAX_HUMAN_LENGTH) + md5Hex(`${prefix.path}/${id}`).slice(0, HASH_LENGTH).toUpperCase();
}

// The constants of aws-cdk-lib's `makeUniqueId` (core/lib/private/uniqueid), unchanged
// since 2.0: a change there would rename every resource of every CDK app.
const HIDDEN_ID = 'Default';
const HIDDEN_FROM_HUMAN_ID = 'Resource';
const HASH_LENGTH = 8;
const MAX_HUMAN_LENGTH = 240;

/**
 * What `makeUniqueId` makes of a parent's path components (from below the stack): their
 * `/`-joined text (hashed with the child's id), the human part, and the last component
 * kept by its de-duplication, which decides whether the child's id is added to the human
 * part. Stored as null for a parent the fast path does not apply to.
 */
interface PathPrefix {
  readonly path: string;
  readonly human: string;
  readonly last: string | undefined;
}

const PREFIXES = new WeakMap<IConstruct, PathPrefix | null>();

function prefixOf(stack: Stack, parent: IConstruct): PathPrefix | undefined {
  let prefix = PREFIXES.get(parent);
  if (prefix === undefined) {
    prefix = computePrefix(stack, parent);
    PREFIXES.set(parent, prefix);
  }
  // Checked each time: a rename may be registered after the first entry was made.
  return prefix === null || !allocatesLikeCdk(stack) ? undefined : prefix;
}

function computePrefix(stack: Stack, parent: IConstruct): PathPrefix | null {
  const scopes = parent.node.scopes;
  const stackIndex = scopes.indexOf(stack);
  // An element directly under its stack has a one-component path: CDK's own rule applies.
  if (stackIndex < 0 || stackIndex === scopes.length - 1) { return null; }
  const components = scopes.slice(stackIndex + 1).map((c) => c.node.id);
  if (!components.every(plainComponent)) { return null; }
  let human = '';
  let last: string | undefined;
  for (const component of components) {
    if (last !== undefined && last.endsWith(component)) { continue; }
    last = component;
    human += alphanumeric(component);
  }
  return { path: components.join('/'), human, last };
}

/**
 * A path component this fast path handles as `makeUniqueId` does: not the hidden
 * `Default` (left out of the path), not `Resource` (left out of the human part), no token.
 */
function plainComponent(id: string): boolean {
  return id !== HIDDEN_ID && id !== HIDDEN_FROM_HUMAN_ID && !isToken(id);
}

/**
 * True when the stack gives an element the id `makeUniqueId` makes of its path: it does not
 * override `allocateLogicalId` and has no rename registered (the field `renameLogicalId`
 * fills, in every aws-cdk-lib 2.x; anything else is not trusted).
 */
function allocatesLikeCdk(stack: Stack): boolean {
  const allocate = (stack as unknown as { allocateLogicalId?: unknown }).allocateLogicalId;
  if (allocate !== STACK_ALLOCATE) { return false; }
  const renames = (stack as unknown as { _logicalIds?: { renames?: unknown } })._logicalIds?.renames;
  if (typeof renames !== 'object' || renames === null) { return false; }
  for (const _ in renames) { return false; }
  return true;
}

const STACK_ALLOCATE = (Stack.prototype as unknown as { allocateLogicalId?: unknown }).allocateLogicalId;

function alphanumeric(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, '');
}

/** MD5 as hex, as aws-cdk-lib computes it; undefined where `crypto` has no MD5 (FIPS). */
const md5Hex = hexHash('md5');
