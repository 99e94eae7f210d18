import { readFileSync, statSync } from 'fs';
import { MAX_INPUT_BYTES } from '../private/yaml-source';

/**
 * Reads a file the CLI takes as text: at most `maxBytes` (5 MiB unless the input is of a
 * larger kind), no NUL byte (a binary file), valid UTF-8 (a leading byte-order mark is
 * dropped). The messages name the file; the caller adds what it expected there.
 */
export function readTextFile(path: string, maxBytes: number = MAX_INPUT_BYTES): string {
  const size = statSync(path).size;
  if (size > maxBytes) {
    throw new Error(`${path} has ${size} bytes, more than the ${maxBytes / 1024 / 1024} MiB the CLI reads`);
  }
  const bytes = readFileSync(path);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new Error(`${path} is a binary file (a NUL byte at offset ${nul})`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${path} is not UTF-8 text (a byte at offset ${firstInvalidByte(bytes)} is not UTF-8)`);
  }
}

/**
 * Where UTF-8 decoding first fails: the length of the longest prefix that decodes. A
 * streaming decode accepts a prefix that ends inside a character, so the search is monotonic.
 */
function firstInvalidByte(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}
