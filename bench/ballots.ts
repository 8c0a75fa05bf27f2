/**
 * The secret ballot benchmark (`node bench/ballots.ts`): what does keeping ballots secret cost?
 * A secret ballot is sealed when cast (AES-256-GCM under a key kept outside the database,
 * `src/governance/polls/ballotSeal.ts`) and opened, shuffled and published at the close. On a
 * fresh PGlite database holding BENCH_VOTERS (10,000) active members, one open yes/no poll and
 * one secret one each receive a vote from every member through the `castVote` command (what
 * `POST /api/polls/:id/votes` calls), alternating between the two polls so that the machine's
 * load falls on both alike; then both are closed. Printed: the time of each in all, the mean
 * time of the last 1,000 votes (the most ballots already cast), the close, and the ratios
 * secret / open. Goal: a secret vote costs at most twice an open one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setupCoop } from '../src/coop/commands/setupCoop.ts';
import { castVote } from '../src/governance/commands/castVote.ts';
import { createProposal } from '../src/governance/commands/createPoll.ts';
import { closePoll, openPoll } from '../src/governance/commands/pollLifecycle.ts';
import { memberships, people } from '../src/members/schema.ts';
import { operatorActor, type Actor } from '../src/platform/actor.ts';
import { runCommand } from '../src/platform/commands.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { loadSecrets } from '../src/platform/secrets.ts';

const voters = Number(process.env.BENCH_VOTERS ?? 10_000);
if (!Number.isInteger(voters) || voters < 100) throw new Error('BENCH_VOTERS: at least 100');
const log = (message: string) => console.error(`[bench] ${message}`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-bench-ballots-'));
const database = await openDatabase({ dataDir, holder: 'bench/ballots.ts' });
try {
  const { coop } = await setupCoop(database.db, {
    name: 'Bench Co-op',
    admin: { displayName: 'Bench', email: 'bench@example.org', password: 'bench password 1' },
  });
  log(`adding ${voters.toLocaleString('en')} community members…`);
  const ids = (
    await database.db
      .insert(people)
      .values(Array.from({ length: voters }, (_, i) => ({ coopId: coop.id, displayName: `M${i}` })))
      .returning({ id: people.id })
  ).map((p) => p.id);
  await database.db.insert(memberships).values(
    ids.map((personId) => ({
      coopId: coop.id,
      personId,
      memberClass: 'community' as const,
      status: 'active' as const,
    })),
  );
  const operator = {
    db: database.db,
    actor: operatorActor(coop.id),
    publicUrl: 'http://bench',
    secrets: loadSecrets({ dataDir, COOP_BALLOT_KEY: undefined }),
  };
  const member = (personId: string): Actor => ({
    coopId: coop.id,
    personId,
    displayName: null,
    isAdmin: false,
    membership: { memberClass: 'community', status: 'active', organizationId: null },
    officerRoles: [],
  });

  const createPoll = async (secret: boolean) => {
    const poll = await runCommand(
      createProposal,
      {
        title: secret ? 'Secret question' : 'Open question',
        method: 'yes-no',
        secret,
        opensAt: new Date(Date.now() - 1000).toISOString(),
        // The bylaws keep a general question open a week; it closes once all have voted.
        closesAt: new Date(Date.now() + 8 * 86_400_000).toISOString(),
      },
      operator,
    );
    await runCommand(openPoll, { pollId: poll.id }, operator);
    return poll.id;
  };
  const polls = { open: await createPoll(false), secret: await createPoll(true) };
  const times = { open: [] as number[], secret: [] as number[] };
  log(`${voters.toLocaleString('en')} members vote on both polls, alternating…`);
  for (const [i, personId] of ids.entries()) {
    for (const kind of ['open', 'secret'] as const) {
      const t0 = performance.now();
      await runCommand(
        castVote,
        { pollId: polls[kind], content: { choice: i % 3 === 0 ? 'no' : 'yes' } },
        { ...operator, actor: member(personId) },
      );
      times[kind].push(performance.now() - t0);
    }
    if ((i + 1) % 2000 === 0) log(`${(i + 1).toLocaleString('en')} voted`);
  }
  const close = async (pollId: string) => {
    const t0 = performance.now();
    await runCommand(closePoll, { pollId }, operator);
    return performance.now() - t0;
  };
  const closed = { open: await close(polls.open), secret: await close(polls.secret) };
  const summary = (kind: 'open' | 'secret') => ({
    total: times[kind].reduce((s, t) => s + t, 0),
    last: times[kind].slice(-1000).reduce((s, t) => s + t, 0) / Math.min(1000, voters),
    close: closed[kind],
  });
  const open = summary('open');
  const secret = summary('secret');
  const row = (name: string, r: ReturnType<typeof summary>) =>
    `  ${name.padEnd(7)} ${(r.total / 1000).toFixed(1).padStart(7)} s in all   ${r.last.toFixed(2).padStart(6)} ms per vote (last 1,000)   close ${(r.close / 1000).toFixed(2)} s`;
  console.log(
    [
      `Secret ballot benchmark (Node ${process.version}, PGlite): ${voters.toLocaleString('en')} votes on each poll`,
      row('open', open),
      row('secret', secret),
      `  secret / open: ${(secret.total / open.total).toFixed(2)} in all, ${(secret.last / open.last).toFixed(2)} per vote at the end (goal: at most 2)`,
      '',
    ].join('\n'),
  );
} finally {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
