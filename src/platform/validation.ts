import type { z } from 'zod';
import { badRequest, type FieldError } from './errors.ts';

export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ pointer: toPointer(issue.path), message: issue.message }));
}

/** Validates input at a boundary that is not HTTP (CLI, imports, commands called directly). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const errors = fieldErrors(result.error);
    throw badRequest(
      errors.map((e) => `${e.pointer || '(input)'}: ${e.message}`).join('; '),
      errors,
    );
  }
  return result.data;
}
