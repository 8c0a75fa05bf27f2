import fs from 'node:fs';
import { receiveInboundMail } from '../../inboundMail.ts';
import { loadConfig } from '../../platform/config.ts';
import { withDatabase } from '../database.ts';

// sysexits.h, which mail servers read from a pipe: a bounce tells the sender why.
const exitStatus = { recorded: 0, refused: 65, 'unknown-address': 67, 'not-configured': 78 };

async function readStandardInput(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `coop mail receive [FILE]`: the exit status is what the mail server acts on. */
export async function receiveMail(file: string | undefined): Promise<number> {
  const config = loadConfig();
  const replyTo = config.MAIL_REPLY_TO;
  if (!replyTo) {
    console.error('MAIL_REPLY_TO is not set: this co-op reads no replies.');
    return exitStatus['not-configured'];
  }
  const raw = file ? fs.readFileSync(file) : await readStandardInput();
  const received = await withDatabase('mail receive', (database) =>
    receiveInboundMail(database.db, replyTo, config.publicUrl, raw),
  );
  (received.outcome === 'recorded' ? console.log : console.error)(received.message);
  return exitStatus[received.outcome];
}
