import { useCallback } from 'react';
import type { z } from 'zod';
// The server's wording of validation issues, and its zod configuration (plain messages).
import { bodyIssues } from '../../../src/platform/http/problemMessages.ts';
import '../../../src/platform/validation.ts';
import { ApiError } from './api.ts';
import { useForm, type FormState } from './forms.tsx';
import { currentLocale } from './i18n.ts';
import { t } from './messages.ts';

/**
 * Checks a form's values with the route's own zod schema, before asking the server. A failure
 * is an ApiError shaped exactly like the server's 400 (same pointers, same words in the
 * member's language), so the form shows it the same way beside the same fields.
 */
export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  values: unknown,
  /** Field errors from the form's own checks of what the schema does not hold (a file, say). */
  also: Record<string, string> = {},
): z.output<S> {
  const result = schema.safeParse(values);
  const extra = Object.entries(also).map(([key, message]) => ({
    pointer: `/body/${key}`,
    message,
  }));
  if (result.success && extra.length === 0) return result.data;
  const errors = [
    ...extra,
    ...(result.success ? [] : bodyIssues(currentLocale(), result.error.issues)),
  ];
  throw new ApiError({
    type: 'about:blank',
    title: t('errors.invalidInput'),
    status: 400,
    detail: errors.map((e) => `${e.pointer}: ${e.message}`).join('; '),
    errors,
  });
}

export interface ZodFormState<S extends z.ZodType> extends FormState {
  /**
   * An onSubmit handler: the values are checked with the schema first; only valid input (as the
   * schema outputs it: trimmed, defaults filled) reaches `send`. Errors from either side land
   * in the same field errors.
   */
  submitValid: (
    /** The values to check; a promise where reading them takes time (a file's bytes). */
    values: () => unknown,
    send: (input: z.output<S>) => Promise<void>,
    also?: () => Record<string, string>,
  ) => ReturnType<FormState['submit']>;
}

/** useForm, driven by the schema the server's route validates with. */
export function useZodForm<S extends z.ZodType>(schema: S): ZodFormState<S> {
  const form = useForm();
  const { submit } = form;
  const submitValid = useCallback(
    (
      values: () => unknown,
      send: (input: z.output<S>) => Promise<void>,
      also?: () => Record<string, string>,
    ) => submit(async () => send(parseWithSchema(schema, await values(), also?.()))),
    [schema, submit],
  );
  return { ...form, submitValid };
}
