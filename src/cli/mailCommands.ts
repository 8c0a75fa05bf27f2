/**
 * `coop mail ...`: the declarations only; the mail parser is imported when a command runs.
 */
import type { Command } from 'commander';

export function registerMailCommands(program: Command): void {
  const mail = program.command('mail').description('Mail the co-op receives');
  mail
    .command('receive')
    .description(
      'Read one mail (RFC 5322, from FILE or standard input) sent to a MAIL_REPLY_TO address, as a mail server pipes it: a reply to a consultation becomes its answer. Exits 0 when recorded, 67 for an address the co-op does not know, 65 for a reply it cannot record, 78 without MAIL_REPLY_TO',
    )
    .argument('[file]', 'the raw message; standard input when absent')
    .action(async (file: string | undefined) => {
      const { receiveMail } = await import('./commands/mailReceive.ts');
      process.exitCode = await receiveMail(file);
    });
}
