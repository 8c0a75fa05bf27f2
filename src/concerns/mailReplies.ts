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
