/**
 * `coop sla ...`: the declarations only; the calendar code is imported when a command runs.
 */
import type { Command } from 'commander';

export function registerSlaCommands(program: Command): void {
  const sla = program.command('sla').description('Service levels: deadlines and clocks');
  sla
    .command('deadline')
    .description(
      'Print when a target of N hours from a start runs out, on the wall clock or in business hours (the clocks use the same code)',
    )
    .requiredOption(
      '--from <iso8601>',
      'the start, e.g. 2026-03-27T16:00:00+01:00 (no offset: read in --time-zone)',
    )
    .requiredOption('--hours <n>', 'the target in hours (decimals allowed)')
    .option('--business <hours>', 'count business hours only, e.g. "Mon-Fri 09:00-17:00"')
    .option('--time-zone <zone>', 'IANA time zone of the hours and of the answer', 'UTC')
    .option('--holidays <country>', 'close the public holidays of COUNTRY[-REGION], e.g. DE-BY')
    .option('--closed <dates>', 'further closed days, comma-separated YYYY-MM-DD')
    .action(async (options: Record<string, string | undefined>, command: Command) => {
      const { runSlaDeadline } = await import('./commands/slaDeadline.ts');
      runSlaDeadline(options, command);
    });
}
