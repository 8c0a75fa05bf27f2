import type { AppError } from '../platform/errors.ts';
import type { Locale } from '../platform/i18n/locales.ts';
import { concernsMail } from './mailMessages.ts';
import type { AnswerKind } from './schema.ts';

/**
 * The answer a reply gives: its first word says the kind (ACK or OK acknowledges, OBJECT or
 * WIDERSPRUCH objects, in the mail's two languages); the rest, or else the whole reply, is the
 * comment. A reply that names neither is a comment.
 */
const leading: [RegExp, AnswerKind][] = [
  [
    /^(ack|acknowledged?|ok|okay|noted|zur kenntnis(?: genommen)?|einverstanden)\b[\s:.,!-]*/i,
    'acknowledge',
  ],
  [/^(object(?:ion)?|we object|i object|widerspruch|einspruch)\b[\s:.,!-]*/i, 'object'],
];

export function answerFromReply(reply: string): { kind: AnswerKind; comment: string } {
  const text = reply.trim();
  for (const [pattern, kind] of leading) {
    const match = pattern.exec(text);
    if (match) return { kind, comment: text.slice(match[0].length).trim() };
  }
  return { kind: 'comment', comment: text };
}

/** The refusals of a reply its sender is told in their words, by the refusal's code. */
const replyRefusals = {
  'consultation.reply-empty': 'replyRefused.reply-empty',
  'consultation.comment-needed': 'replyRefused.comment-needed',
} as const;

/**
 * Why a reply was not recorded, as its sender reads it in the bounce: in their language (the
 * consultation mail's), by the refusal's code; for a language other than English the English
 * detail follows on a line of its own, for the operator who reads the mail server's log.
 */
export function replyRefusal(error: AppError, locale: Locale): string {
  const english = `${error.title}: ${error.message}`;
  const code = error.fact?.code;
  const key =
    code && code in replyRefusals ? replyRefusals[code as keyof typeof replyRefusals] : undefined;
  const said = key
    ? concernsMail(locale, key)
    : concernsMail(locale, 'replyRefused.other', { reason: error.message });
  return locale === 'en' ? said : `${said}\n(${english})`;
}
