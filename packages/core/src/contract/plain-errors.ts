import type { z } from 'zod';
import { NBSP } from '../text/units.js';

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

const count = (n: number | bigint, one: string, many: string) =>
  `${n}${NBSP}${n === 1 || n === 1n ? one : many}`;

/**
 * zod's messages in words a person can act on, for every check that has no message of its own
 * ("Too big: expected number to be <=120" becomes "must be 120 or less"). Messages read as
 * predicates of the field, as the schemas' own do; the forms add the field's name and a full stop.
 * Install with `z.config({ customError: plainError })`, in the browser and on the server alike.
 */
export function plainError(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'too_big': {
      const { maximum, origin } = issue;
      if (origin === 'string') return `use at most ${count(maximum, 'character', 'characters')}`;
      if (origin === 'array' || origin === 'set') return `choose at most ${maximum}`;
      return issue.inclusive === false ? `must be less than ${maximum}` : `must be ${maximum} or less`;
    }
    case 'too_small': {
      const { minimum, origin } = issue;
      if (origin === 'string') {
        return minimum === 1
          ? 'must not be empty'
          : `use at least ${count(minimum, 'character', 'characters')}`;
      }
      if (origin === 'array' || origin === 'set') return `choose at least ${minimum}`;
      return issue.inclusive === false ? `must be more than ${minimum}` : `must be ${minimum} or more`;
    }
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing';
      if (issue.expected === 'int') return 'enter a whole number';
      if (issue.expected === 'number') return 'enter a number';
      if (issue.expected === 'boolean') return 'answer yes or no';
      if (issue.expected === 'string') return 'enter some text';
      return 'is not the right kind of answer';
    case 'not_multiple_of':
      return `use steps of ${issue.divisor}`;
    case 'invalid_value':
      return issue.values.length <= 6
        ? `choose one of: ${issue.values.map(String).join(', ')}`
        : 'choose one of the options offered';
    case 'invalid_format':
      if (issue.format === 'email') return 'enter an email address, such as name@example.org';
      if (issue.format === 'date') return 'enter a date as YYYY-MM-DD';
      return 'is not in the right form';
    case 'invalid_union':
      return 'is not one of the answers allowed';
    // Refinements carry their own words; unknown keys are named by the server's refusal.
    case 'custom':
    case 'unrecognized_keys':
    case 'invalid_key':
    case 'invalid_element':
      return undefined;
  }
}
