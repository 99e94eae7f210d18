// Rewrites the policy catalogue (src/private/policy-catalog.data.ts) from the output of
// `aws eks list-access-policies`, the list of every EKS access policy:
//
//   aws eks list-access-policies > policies.json
//   node scripts/update-policy-catalog.js policies.json
//   aws eks list-access-policies | node scripts/update-policy-catalog.js -
//
// Each policy already in the catalogue keeps its audience and rbacEquivalent (those come
// from the EKS user guide, not from the API); a new one is added with audience
// 'unspecified', to be set by hand from the user guide; one EKS no longer lists is dropped
// and named (--keep-missing keeps it: a list from one region or partition may lack a few).
// Only the lines between the `policies:begin` and `policies:end` markers are rewritten,
// sorted by name, one policy a line: the same input always gives the same file.
//
//   --catalog <file>   rewrite that file instead of src/private/policy-catalog.data.ts
//   --keep-missing     keep the policies the list does not name
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_CATALOG = path.join(ROOT, 'src', 'private', 'policy-catalog.data.ts');

/** The values of PolicyAudience (src/private/policy-catalog.ts); a test keeps the two equal. */
const AUDIENCES = [
  'customer',
  'service-linked-only',
  'capability-role',
  'eks-service-linked-role',
  'auto-mode-cluster-role',
  'auto-mode-node',
  'unspecified',
];

const BEGIN = '  // policies:begin';
const END = '  // policies:end';
/** The grammar of a policy name (src/private/policy-arn.ts, R18). */
const NAME = /^[A-Za-z][A-Za-z0-9]{0,127}$/;
const ARN = /^arn:aws[a-z-]*:eks::aws:cluster-access-policy\/([A-Za-z][A-Za-z0-9]{0,127})$/;
/** One catalogue line, exactly as `line()` writes it. */
const LINE = /^ {2}\{ name: '([A-Za-z][A-Za-z0-9]*)', audience: '([a-z-]+)'(?:, rbacEquivalent: '((?:[^'\\]|\\.)*)')? \},$/;

class InputError extends Error {}

/** A single-quoted TypeScript string literal. */
function quote(text) {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, '\\\'')}'`;
}

function unquote(body) {
  return body.replace(/\\(.)/g, '$1');
}

/** The catalogue line of a policy. */
function line(policy) {
  const equivalent = policy.rbacEquivalent === undefined ? '' : `, rbacEquivalent: ${quote(policy.rbacEquivalent)}`;
  return `  { name: ${quote(policy.name)}, audience: ${quote(policy.audience)}${equivalent} },`;
}

/** Code-unit order, the same on every machine (not locale order). */
function byName(a, b) {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The policy names in the output of `aws eks list-access-policies` (the EKS API's
 * ListAccessPolicies response: `{ accessPolicies: [{ name, arn }], nextToken? }`).
 * Throws an InputError naming `source` when the text is not that.
 */
function parseListOutput(text, source) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${source} is not JSON (${e.message}): give the output of "aws eks list-access-policies"`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !Array.isArray(data.accessPolicies)) {
    throw new InputError(`${source} is not the output of "aws eks list-access-policies": expected an object with an "accessPolicies" list`);
  }
  if (data.nextToken !== undefined && data.nextToken !== null) {
    // One page only: the policies of the other pages would be reported as removed.
    throw new InputError(`${source} holds one page of the list ("nextToken" is set): run "aws eks list-access-policies" without --max-items, so the CLI returns every page`);
  }
  if (data.accessPolicies.length === 0) {
    throw new InputError(`${source} lists no access policies: refusing to empty the catalogue`);
  }
  const names = new Set();
  data.accessPolicies.forEach((policy, i) => {
    const where = `${source}: accessPolicies[${i}]`;
    if (policy === null || typeof policy !== 'object' || Array.isArray(policy)) {
      throw new InputError(`${where} is not an object with a "name" and an "arn"`);
    }
    const fromArn = typeof policy.arn === 'string' ? ARN.exec(policy.arn) : null;
    if (policy.arn !== undefined && !fromArn) {
      throw new InputError(`${where}.arn is not an access policy ARN (arn:<partition>:eks::aws:cluster-access-policy/<Name>): ${JSON.stringify(policy.arn)}`);
    }
    const name = policy.name !== undefined ? policy.name : fromArn && fromArn[1];
    if (typeof name !== 'string' || !NAME.test(name)) {
      throw new InputError(`${where}.name is not a policy name (letters and digits): ${JSON.stringify(policy.name)}`);
    }
    if (fromArn && fromArn[1] !== name) {
      throw new InputError(`${where}: the name ${name} and the ARN's name ${fromArn[1]} differ`);
    }
    if (names.has(name)) {
      throw new InputError(`${where}: ${name} is listed twice`);
    }
    names.add(name);
  });
  return [...names];
}

/**
 * The catalogue file split around its policy lines, and the policies on them. Throws an
 * InputError naming the file and line when a line is not in the form `line()` writes:
 * a hand edit the script cannot read is refused, never guessed at.
 */
function parseCatalog(text, source) {
  const lines = text.split('\n');
  const begin = lines.indexOf(BEGIN);
  const end = lines.indexOf(END);
  if (begin < 0 || end < begin) {
    throw new InputError(`${source} has no "${BEGIN.trim()}" ... "${END.trim()}" markers around its policy lines`);
  }
  const policies = [];
  const seen = new Set();
  for (let i = begin + 1; i < end; i++) {
    const match = LINE.exec(lines[i]);
    if (!match) {
      throw new InputError(`${source}:${i + 1}: not a catalogue line ("{ name: '...', audience: '...', rbacEquivalent: '...' },", one policy a line): ${lines[i].trim()}`);
    }
    const [, name, audience, equivalent] = match;
    if (!AUDIENCES.includes(audience)) {
      throw new InputError(`${source}:${i + 1}: ${name} has the audience '${audience}', which is none of ${AUDIENCES.join(', ')}`);
    }
    if (seen.has(name)) {
      throw new InputError(`${source}:${i + 1}: ${name} is in the catalogue twice`);
    }
    seen.add(name);
    policies.push(equivalent === undefined ? { name, audience } : { name, audience, rbacEquivalent: unquote(equivalent) });
  }
  return { head: lines.slice(0, begin + 1), policies, tail: lines.slice(end) };
}

/**
 * The new catalogue of `listed` policy names over the `known` ones, and what changed.
 * Pure: the same names give the same result, whatever their order.
 */
function update(known, listed, { keepMissing = false } = {}) {
  const knownNames = new Set(known.map((p) => p.name));
  const listedNames = new Set(listed);
  const added = listed.filter((name) => !knownNames.has(name)).sort();
  const missing = known.filter((p) => !listedNames.has(p.name)).sort(byName);
  const policies = [
    ...known.filter((p) => listedNames.has(p.name) || keepMissing),
    ...added.map((name) => ({ name, audience: 'unspecified' })),
  ].sort(byName);
  return { policies, added, missing };
}

/** The catalogue file with these policies between its markers. */
function render(catalog, policies) {
  return [...catalog.head, ...policies.map(line), ...catalog.tail].join('\n');
}

function summary(shown, result, keepMissing, changed) {
  const out = [`${shown}: ${result.policies.length} policies (${result.added.length} added, ${result.missing.length} ${keepMissing ? 'not listed, kept' : 'removed'})`];
  if (result.added.length > 0) {
    out.push(`  added, audience 'unspecified' (set it from the EKS user guide, access-policy-reference): ${result.added.join(', ')}`);
  }
  if (result.missing.length > 0) {
    const names = result.missing.map((p) => `${p.name} (${p.audience})`).join(', ');
    out.push(keepMissing
      ? `  not listed by EKS, kept (--keep-missing): ${names}`
      : `  removed, not listed by EKS (a policy not in the catalogue is only a warning, EAM201): ${names}`);
  }
  out.push(changed ? `  wrote ${shown}` : '  no change');
  return out.join('\n');
}

function usage() {
  return 'usage: node scripts/update-policy-catalog.js [--catalog <file>] [--keep-missing] <list-access-policies.json | ->';
}

function main(args, io = { stdin: () => fs.readFileSync(0, 'utf8'), log: console.log, error: console.error }) {
  let catalogPath = DEFAULT_CATALOG;
  let keepMissing = false;
  const inputs = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--catalog' && i + 1 < args.length) {
      catalogPath = path.resolve(args[++i]);
    } else if (args[i] === '--keep-missing') {
      keepMissing = true;
    } else if (args[i] === '-' || !args[i].startsWith('-')) {
      inputs.push(args[i]);
    } else {
      io.error(usage());
      return 2;
    }
  }
  if (inputs.length > 1) {
    io.error(usage());
    return 2;
  }
  const input = inputs[0] ?? '-';
  const shownCatalog = path.relative(process.cwd(), catalogPath) || catalogPath;
  try {
    const source = input === '-' ? '(stdin)' : input;
    let text;
    try {
      text = input === '-' ? io.stdin() : fs.readFileSync(input, 'utf8');
    } catch (e) {
      throw new InputError(`cannot read ${source}: ${e.message}`);
    }
    const listed = parseListOutput(text, source);
    let catalogText;
    try {
      catalogText = fs.readFileSync(catalogPath, 'utf8');
    } catch (e) {
      throw new InputError(`cannot read the catalogue ${shownCatalog}: ${e.message}`);
    }
    const catalog = parseCatalog(catalogText, shownCatalog);
    const result = update(catalog.policies, listed, { keepMissing });
    const next = render(catalog, result.policies);
    const changed = next !== catalogText;
    if (changed) { fs.writeFileSync(catalogPath, next); }
    io.log(summary(shownCatalog, result, keepMissing, changed));
    return 0;
  } catch (e) {
    if (!(e instanceof InputError)) { throw e; }
    io.error(`update-policy-catalog: ${e.message}`);
    return 1;
  }
}

module.exports = { AUDIENCES, parseListOutput, parseCatalog, update, render, line };

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
