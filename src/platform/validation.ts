import { z } from 'zod';
import { badRequest, type FieldError } from './errors.ts';
import { badTextFields } from './text.ts';

const unit = (origin: string, n: number) =>
  origin === 'string'
    ? `${n} character${n === 1 ? '' : 's'}`
    : origin === 'array'
      ? `${n} item${n === 1 ? '' : 's'}`
      : String(n);

// Messages a person reads next to a form field: plain words instead of the library's wording.
// Messages written into a schema take precedence; anything not covered keeps zod's default.
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
    if (issue.code === 'invalid_type' && issue.input === null) return 'required';
    if (issue.code === 'too_small' && typeof issue.minimum === 'number') {
      if (issue.origin === 'string' && issue.minimum === 1) return 'required';
      if (issue.inclusive === false) return `more than ${issue.minimum}`;
      return issue.origin === 'string' || issue.origin === 'array'
        ? `at least ${unit(issue.origin, issue.minimum)}`
        : `at least ${issue.minimum}`;
    }
    if (issue.code === 'too_big' && typeof issue.maximum === 'number')
      return issue.origin === 'string' || issue.origin === 'array'
        ? `at most ${unit(issue.origin, issue.maximum)}`
        : `at most ${issue.maximum}`;
    if (issue.code === 'invalid_value' && Array.isArray(issue.values))
      return `one of ${issue.values.map(String).join(', ')}`;
    if (issue.code === 'unrecognized_keys')
      return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    return undefined;
  },
});

export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ pointer: toPointer(issue.path), message: issue.message }));
}

/** Validates input at a boundary that is not HTTP (CLI, imports, commands called directly). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  // The rule of every text input (see text.ts), for input that did not come over HTTP.
  const badText = badTextFields(input);
  const result = badText.length > 0 ? undefined : schema.safeParse(input);
  if (!result?.success) {
    const errors = result ? fieldErrors(result.error) : badText;
    throw badRequest(
      errors.map((e) => `${e.pointer || '(input)'}: ${e.message}`).join('; '),
      errors,
    );
  }
  return result.data;
}
