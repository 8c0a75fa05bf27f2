import type { z } from 'zod';
import type { FieldError, ProblemFact } from './errors.ts';
import { schemaWordsOf } from './http/validationMessages.ts';

/**
 * A schema's issue as a fact the web words in the reader's language (`input.*` codes in
 * web/src/app/problemMessages.ts), for field errors of input checked inside a command (an
 * import's lines, a ballot's content) rather than by a route's schema. A refinement names its
 * own code in its params: `.refine(ok, { message: '…', params: { code: 'ballot.twice' } })`.
 */
export function issueFact(issue: z.core.$ZodIssue): ProblemFact {
  switch (issue.code) {
    case 'custom': {
      const { code, schemaWords, ...params } = (issue.params ?? {}) as Record<string, unknown>;
      if (typeof code !== 'string') return { code: 'input.invalid', params: {} };
      // A schema's own words (validationMessages.ts) carry their figures as `vars`.
      const vars = (schemaWords as { vars?: Record<string, unknown> } | undefined)?.vars ?? {};
      return { code, params: figures({ ...vars, ...params }) };
    }
    case 'invalid_type':
      // validation.ts words a missing value "required"; the issue no longer holds the input.
      if (issue.message === 'required') return { code: 'input.required', params: {} };
      if (issue.expected === 'int') return { code: 'input.whole-number', params: {} };
      if (issue.expected === 'number') return { code: 'input.number', params: {} };
      return { code: 'input.invalid', params: {} };
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string')
        return n === 1
          ? { code: 'input.required', params: {} }
          : { code: 'input.too-short', params: { count: n } };
      if (issue.origin === 'array') return { code: 'input.too-few', params: { count: n } };
      return issue.inclusive === false
        ? { code: 'input.more-than', params: { n } }
        : { code: 'input.at-least', params: { n } };
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'input.too-long', params: { count: n } };
      if (issue.origin === 'array') return { code: 'input.too-many', params: { count: n } };
      return { code: 'input.at-most', params: { n } };
    }
    case 'invalid_value':
      return { code: 'input.one-of', params: { values: issue.values.map(String).join(', ') } };
    case 'unrecognized_keys':
      return {
        code: 'input.unknown-fields',
        params: { count: issue.keys.length, keys: issue.keys.join(', ') },
      };
    case 'invalid_format':
      return { code: 'input.format', params: { format: issue.format } };
    default:
      return { code: 'input.invalid', params: {} };
  }
}

/** Only strings and numbers travel as params. */
function figures(params: Record<string, unknown>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number',
    ),
  );
}

/**
 * A field error for an issue at `pointer`, its English message kept, its fact added with any
 * `more` figures (an import's line number).
 */
export function issueFieldError(
  pointer: string,
  issue: z.core.$ZodIssue,
  more: Record<string, string | number> = {},
): FieldError {
  const { code, params } = issueFact(issue);
  // A schema's own words (validationMessages.ts) say more than a generic `input.*` code, and the
  // problem handler already puts them in the reader's language: the message stands alone.
  const ownWords =
    ('params' in issue && (issue.params as { schemaWords?: unknown } | undefined)?.schemaWords) ||
    schemaWordsOf(issue.message) !== undefined;
  if (ownWords && code.startsWith('input.')) return { pointer, message: issue.message };
  return { pointer, message: issue.message, code, params: { ...params, ...more } };
}
