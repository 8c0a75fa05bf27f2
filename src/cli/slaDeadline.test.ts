import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/serverProcess.ts';

describe('coop sla deadline', () => {
  it.each([
    [
      [
        '--from',
        '2026-01-05T15:00:00',
        '--hours',
        '4',
        '--business',
        'Mon-Fri 09:00-17:00',
        '--time-zone',
        'Europe/Berlin',
        '--holidays',
        'DE-BY',
      ],
      '2026-01-07T11:00:00+01:00',
    ],
    [
      [
        '--from',
        '2026-03-06T16:00:00-05:00',
        '--hours',
        '3',
        '--business',
        'Mon-Fri 09:00-17:00',
        '--time-zone',
        'America/New_York',
        '--holidays',
        'US',
      ],
      '2026-03-09T11:00:00-04:00',
    ],
    [
      [
        '--from',
        '2026-12-23T16:00:00+01:00',
        '--hours',
        '3',
        '--business',
        'Mon-Fri 09:00-17:00',
        '--time-zone',
        'Europe/Berlin',
        '--holidays',
        'DE',
        '--closed',
        '2026-12-24,2026-12-31',
      ],
      '2026-12-28T11:00:00+01:00',
    ],
    [
      ['--from', '2026-03-28T12:00:00+01:00', '--hours', '24', '--time-zone', 'Europe/Berlin'],
      '2026-03-29T13:00:00+02:00',
    ],
    [['--from', '2026-01-05T15:00:00Z', '--hours', '6'], '2026-01-05T21:00:00Z'],
  ])('prints the deadline in the zone: %j', (args, expected) => {
    const result = runCli(['sla', 'deadline', ...args], {});
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${expected}\n`);
  });

  it.each([
    [['--from', 'yesterday', '--hours', '4'], /--from/],
    [['--from', '2026-01-05T15:00:00Z', '--hours', '-4'], /--hours/],
    [['--from', '2026-01-05T15:00:00Z', '--hours', '4', '--time-zone', 'Mars/Base'], /--time-zone/],
    [['--from', '2026-01-05T15:00:00Z', '--hours', '4', '--holidays', 'DE'], /add --business/],
    [
      ['--from', '2026-01-05T15:00:00Z', '--hours', '4', '--business', 'Mon-Fri 9-5'],
      /time of day/,
    ],
    [
      [
        '--from',
        '2026-01-05T15:00:00Z',
        '--hours',
        '4',
        '--business',
        'Mon 09:00-17:00',
        '--holidays',
        'DE-XX',
      ],
      /region/,
    ],
  ])('refuses %j with a message naming the fault', (args, message) => {
    const result = runCli(['sla', 'deadline', ...args], {});
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
  });
});
