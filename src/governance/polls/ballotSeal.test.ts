import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecrets } from '../../platform/secrets.ts';
import { countPoll } from './countPoll.ts';
import { openBallot, sealBallot } from './ballotSeal.ts';
import { withholdClassFigures } from './publishBallots.ts';

const key = randomBytes(32);
const ballot = { content: { choice: 'yes' }, voterClass: null, fingerprint: 'f'.repeat(64) };

describe('sealed ballots', () => {
  it('open with the key for their own poll only, and say nothing readable', () => {
    const sealed = sealBallot(key, 'coop-a', 'poll-1', ballot);
    expect(sealed.toString('latin1')).not.toContain('"choice":"yes"');
    expect(openBallot(key, 'coop-a', 'poll-1', sealed)).toEqual(ballot);
    // The same ballot sealed twice looks different: equal votes are not seen to be equal.
    expect(sealBallot(key, 'coop-a', 'poll-1', ballot).equals(sealed)).toBe(false);
    expect(() => openBallot(key, 'coop-a', 'poll-2', sealed)).toThrow();
    expect(() => openBallot(key, 'coop-b', 'poll-1', sealed)).toThrow();
    expect(() => openBallot(randomBytes(32), 'coop-a', 'poll-1', sealed)).toThrow();
    const altered = Buffer.from(sealed);
    altered[altered.length - 1]! ^= 1;
    expect(() => openBallot(key, 'coop-a', 'poll-1', altered)).toThrow();
  });

  it('keep their key in the data directory (or COOP_BALLOT_KEY), created once', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-secrets-'));
    try {
      const first = loadSecrets({ dataDir, COOP_BALLOT_KEY: undefined });
      expect(first.ballotKey).toHaveLength(32);
      expect(loadSecrets({ dataDir, COOP_BALLOT_KEY: undefined }).ballotKey).toEqual(
        first.ballotKey,
      );
      expect(fs.statSync(path.join(dataDir, 'ballot.key')).mode & 0o077).toBe(0);
      const given = randomBytes(32);
      expect(loadSecrets({ dataDir, COOP_BALLOT_KEY: given.toString('base64') }).ballotKey).toEqual(
        given,
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('class figures of a published result', () => {
  const poll = {
    method: 'yes-no' as const,
    threshold: 'simple' as const,
    seats: 1,
    options: [],
    quorumPercent: 0,
    classWeights: { hacker: 40, sponsor: 30, community: 30 },
    electorate: 20,
  };
  const ballots = [
    ...Array.from({ length: 6 }, () => ({
      voterClass: 'hacker',
      content: { choice: 'yes' as const },
    })),
    ...Array.from({ length: 5 }, () => ({
      voterClass: 'community',
      content: { choice: 'no' as const },
    })),
    { voterClass: 'sponsor', content: { choice: 'no' as const } },
  ];

  it('are withheld for a class with fewer ballots than the minimum', () => {
    const result = countPoll(poll, ballots);
    expect(result.totals.sponsor).toEqual({ yes: 0, no: 1, abstain: 0 });
    withholdClassFigures(result, 5, ballots);
    expect(Object.keys(result.totals).sort()).toEqual(['all', 'community', 'hacker']);
    expect(result.explanation.join('\n')).not.toMatch(/^sponsor: 0 yes/m);
    expect(result.explanation).toContain('sponsor: fewer than 5 ballots, its figures withheld.');
    // The facts go with their lines: no sponsor answers, a fact that they were withheld.
    expect(result.explanationFacts).toHaveLength(result.explanation.length);
    const facts = result.explanationFacts!;
    expect(facts.filter((f) => f.params.class === 'sponsor')).toEqual([
      { code: 'withheld', params: { class: 'sponsor', minimum: 5 } },
    ]);
  });

  it('are not published at all where the count is not class-balanced', () => {
    const result = countPoll({ ...poll, classWeights: null }, ballots);
    withholdClassFigures(result, null, ballots);
    expect(Object.keys(result.totals)).toEqual(['all']);
  });
});
