import { quote } from '../../private/describe-value';
import { isToken } from '../../private/tokens';
import { Rule, Severity, Violation } from '../rule';

const MAX_TAGS = 50;
const MAX_KEY = 128;
const MAX_VALUE = 256;

/**
 * R20: at most 50 tags; keys of 1 to 128 characters not starting with `aws:`; values of at
 * most 256. AWS counts Unicode characters, not UTF-16 units: an emoji is one character.
 */
export const EAM020: Rule = {
  id: 'EAM020',
  severity: Severity.ERROR,
  summary: `At most ${MAX_TAGS} \`tags\`; keys 1-${MAX_KEY} characters, not starting with \`aws:\`; values at most ${MAX_VALUE} characters.`,
  source: 'R20 — EKS API reference; CloudFormation schema; AWS tagging rules (`aws:` prefix reserved)',
  checkEntry: (entry) => {
    const tags = entry.tags ?? [];
    const violations: Violation[] = [];
    if (tags.length > MAX_TAGS) {
      violations.push({ field: 'tags', message: `has ${tags.length} tags; an entry takes at most ${MAX_TAGS}`, fix: 'remove tags, or move shared ones to the stack' });
    }
    for (const [key, value] of tags) {
      const field = `tags.${key}`;
      // A token is unknown until deploy, but the literal half of a tag is still checked.
      if (!isToken(key)) {
        const length = characters(key);
        if (length === 0 || length > MAX_KEY) {
          violations.push({ field, message: `the key is ${length} characters long; keys have 1 to ${MAX_KEY}`, fix: 'shorten or name the key' });
        } else if (key.toLowerCase().startsWith('aws:')) {
          violations.push({ field, message: `${quote(key)} starts with "aws:", which AWS reserves`, fix: 'choose a key without the "aws:" prefix' });
        }
      }
      // A string has no more characters than UTF-16 units, so only a long one is counted.
      const valueLength = !isToken(value) && value.length > MAX_VALUE ? characters(value) : 0;
      if (valueLength > MAX_VALUE) {
        violations.push({ field, message: `the value is ${valueLength} characters long; values have at most ${MAX_VALUE}`, fix: 'shorten the value' });
      }
    }
    return violations;
  },
};

/** The number of Unicode characters (code points) of a string: a surrogate pair is one. */
function characters(text: string): number {
  // A string iterates by code point; a lone surrogate is one.
  return [...text].length;
}
