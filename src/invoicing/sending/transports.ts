import nodemailer from 'nodemailer';

/** A final invoice ready to go: its documents and the words that go with them. */
export interface InvoiceParcel {
  number: string;
  to: string[];
  subject: string;
  body: string;
  attachments: { fileName: string; contentType: string; content: Buffer }[];
}

/**
 * How an invoice reaches its buyer: the one seam for another way of sending. Mail is the only
 * one here. A Peppol access point would be a second transport taking the same parcel (its UBL
 * attachment is the Peppol BIS document, addressed by the parties' endpoint ids) and answering
 * `delivered` once the access point accepts it; none can be reached from this machine.
 */
export interface InvoiceTransport {
  /** `held`: nothing configured to send with; the parcel waits, readable on the invoice's page. */
  deliver(parcel: InvoiceParcel): Promise<'delivered' | 'held'>;
}

/** Through SMTP when SMTP_URL is set, as every other mail; held without it. */
export function mailTransport(smtpUrl: string | undefined, from: string): InvoiceTransport {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
  return {
    async deliver(parcel) {
      if (!transport) return 'held';
      await transport.sendMail({
        from,
        to: parcel.to,
        subject: parcel.subject,
        text: parcel.body,
        attachments: parcel.attachments.map((a) => ({
          filename: a.fileName,
          contentType: a.contentType,
          content: a.content,
        })),
      });
      return 'delivered';
    },
  };
}
