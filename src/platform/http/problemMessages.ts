import { z } from 'zod';
import type { FieldError } from '../errors.ts';
import type { Locale } from '../i18n/locales.ts';
import { catalogue } from '../i18n/messages.ts';
import { serverMessages } from '../i18n/translator.ts';
import { plainIssueMessage } from '../validation.ts';
import { schemaWordsIn } from './validationMessages.ts';

type Issue = Parameters<typeof plainIssueMessage>[0];
const requiredIssue = { code: 'invalid_type', expected: 'string', input: undefined } as Issue;

const en = {
  invalidInput: 'Invalid input',
  invalid: 'invalid',
  internal: 'Internal error',
  internalDetail: 'Something went wrong on our side; it has been logged.',
};
const de = {
  invalidInput: 'Ungültige Eingabe',
  invalid: 'ungültig',
  internal: 'Interner Fehler',
  internalDetail: 'Bei uns ist etwas schiefgegangen; der Fehler wurde protokolliert.',
};

export const problemCatalogue = catalogue('problems', { en, de });
export const problemText = serverMessages(problemCatalogue);

type LocaleError = (issue: never) => string | { message: string } | undefined | null;
const zodLocales: Record<Locale, LocaleError> = {
  en: z.locales.en().localeError as LocaleError,
  de: z.locales.de().localeError as LocaleError,
};

function say(map: LocaleError, issue: unknown): string | undefined {
  const said = map(issue as never);
  return typeof said === 'string' ? said : (said?.message ?? undefined);
}

/**
 * A validation message in the request's language. zod's own messages ("Too small: expected
 * string to have >=3 characters") have German twins; a schema's own words (a refinement's
 * message, a pattern's example) come from the schema words' catalogue (validationMessages.ts),
 * by the key a custom issue carries or by their English text.
 */
export function localizedIssue(
  locale: Locale,
  code: string,
  params: Record<string, unknown> | undefined,
  message: string | undefined,
): string {
  if (!message) return problemText(locale, 'invalid');
  if (locale === 'en') return message;
  // The issue no longer holds its input: whether it was missing shows in its English words.
  const missing = message === plainIssueMessage(requiredIssue, 'en');
  const input = missing ? undefined : 'given';
  const issue = { ...params, code, path: [], message, input } as unknown as Issue;
  const english = plainIssueMessage(issue, 'en') ?? say(zodLocales.en, issue);
  if (english !== message) return schemaWordsIn(locale, params, message) ?? message;
  return plainIssueMessage(issue, locale) ?? say(zodLocales[locale], issue) ?? message;
}

/**
 * A schema's issues as the problem handler words them for a request's body: the same pointer
 * ("/body/email") and the same localized message. The web app's forms check their input with
 * the route's own schema and show these, so a field error reads the same before and after a
 * round trip (formsShareSchemas.test.ts holds the two together).
 */
export function bodyIssues(
  locale: Locale,
  issues: readonly z.core.$ZodIssue[],
): { pointer: string; message: string }[] {
  return issues.map((issue) => {
    const { path, code, message, ...params } = issue;
    return {
      pointer: `/body/${path.join('/')}`.replace(/\/$/, ''),
      message: localizedIssue(locale, code, params, message),
    };
  });
}

/**
 * A command's field errors as the problem handler sends them to a reader of `locale`: a
 * schema's or a parser's own words in that language; other messages stay English, for the
 * client to word by their code. The web app's forms run some of a command's checks before
 * sending (a ballot by the poll's method) and word their refusal through this too.
 */
export function localizedFieldErrors(locale: Locale, errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) =>
    locale === 'en'
      ? e
      : { ...e, message: schemaWordsIn(locale, undefined, e.message) ?? e.message },
  );
}
