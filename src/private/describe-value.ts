const MAX_SHOWN = 200;

/**
 * Says what a value is, briefly, for error messages about input of the wrong shape.
 * Never throws, whatever it is given.
 */
export function describeValue(value: unknown): string {
  if (value === null) { return 'null'; }
  if (Array.isArray(value)) { return `a list of ${value.length}`; }
  switch (typeof value) {
    case 'string': return `the string ${quote(value)}`;
    case 'number':
    case 'boolean':
    case 'bigint': return `the ${typeof value} ${String(value)}`;
    case 'undefined': return 'nothing';
    case 'object': return 'an object';
    default: return `a ${typeof value}`;
  }
}

/** Quotes a string for a message, shortened so that a huge value cannot flood the output. */
export function quote(text: string): string {
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}...(${text.length} chars)` : text;
  return JSON.stringify(shown);
}
