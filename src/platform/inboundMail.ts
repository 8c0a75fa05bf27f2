import EmailReplyParser from 'email-reply-parser';
import { simpleParser, type AddressObject } from 'mailparser';

/** A mail handed to the co-op by its mail server: who sent it, to which addresses, what is new in it. */
export interface InboundMail {
  from: string | null;
  /** Every address it was delivered to: To, Cc, Delivered-To and X-Original-To. */
  recipients: string[];
  subject: string;
  /** The reply's own words: the quoted mail and the signature taken off. */
  reply: string;
}

const addressesOf = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((a) => a.value)
    .map((a) => a.address ?? '')
    .filter((a) => a !== '');

/** Reads a raw RFC 5322 message (MIME, any charset) as mail clients write replies. */
export async function readInboundMail(raw: Buffer | string): Promise<InboundMail> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  // mailparser gives these headers as address objects (or strings, when it cannot parse them).
  const headerAddresses = ['delivered-to', 'x-original-to'].flatMap((name) => {
    const value = parsed.headers.get(name);
    return (Array.isArray(value) ? value : value ? [value] : []).flatMap((v) =>
      typeof v === 'object' && v && 'value' in v ? addressesOf(v as AddressObject) : [String(v)],
    );
  });
  const text = parsed.text ?? '';
  return {
    from: addressesOf(parsed.from)[0] ?? null,
    recipients: [...addressesOf(parsed.to), ...addressesOf(parsed.cc), ...headerAddresses],
    subject: parsed.subject ?? '',
    reply: new EmailReplyParser().parseReply(text.replace(/\r\n/g, '\n')).trim(),
  };
}

/**
 * The secret in the first recipient that fits `template` (`coop+{token}@example.org`): the
 * address's case is ignored, as mail systems may fold it.
 */
export function replyTokenIn(recipients: string[], template: string): string | null {
  const [before, after] = template.split('{token}') as [string, string];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escape(before)}([a-z0-9-]{8,100})${escape(after)}$`, 'i');
  for (const address of recipients) {
    const match = pattern.exec(address.trim());
    if (match) return match[1]!.toLowerCase();
  }
  return null;
}
