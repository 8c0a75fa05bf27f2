import fs from 'node:fs';
import path from 'node:path';
import { operatorActor } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import type { Db } from '../platform/db/database.ts';
import { registerRepository } from './commands/registerRepository.ts';
import { syncRepository } from './ingest/syncRepository.ts';
import { mirrorsDirOf } from './jobs.ts';
import { signoff, TestRepo, type Who } from './testing/gitRepo.ts';

/**
 * The demo's repository, built with git in the data directory: signed-off commits by the
 * hackers and community members, a merged contribution, a branch with an unsigned commit, one
 * fixed by a DCO remediation commit (allowed by its .github/dco.yml), and a merge; registered
 * and ingested, its authors linked to the demo members by their verified addresses.
 */
export async function fillDemoRepository(
  db: Db,
  coopId: string,
  dataDir: string,
  people: { hackers: Who[]; community: Who[] },
  clock: Clock,
): Promise<void> {
  const dir = path.join(dataDir, 'demo-repository');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const repo = new TestRepo({ dir });
  const [ada, bruno, chiara] = people.hackers as [Who, Who, Who];
  const [c1, c2, c3] = people.community as [Who, Who, Who];
  const day = (n: number) =>
    `2026-0${1 + Math.floor(n / 28)}-${String(1 + (n % 28)).padStart(2, '0')}T10:00:00+01:00`;
  repo.defaultWho = ada;
  repo.commit(`Start the co-op server\n\n${signoff(ada)}\n`, {
    file: '.github/dco.yml',
    content: 'allowRemediationCommits:\n  individual: true\n',
    at: day(0),
  });
  repo.commit(`Add the ledger\n\n${signoff(bruno)}\n`, {
    author: bruno,
    file: 'ledger.ts',
    at: day(2),
  });
  repo.commit(`Tally STV\n\nCo-authored-by: ${chiara.name} <${chiara.email}>\n${signoff(ada)}\n`, {
    file: 'tally.ts',
    at: day(4),
  });
  // A community member's patch, reviewed and merged.
  repo.git('checkout', '-q', '-b', 'fix-typo');
  repo.commit(
    `Fix a typo in the README\n\nReviewed-by: ${bruno.name} <${bruno.email}>\n${signoff(c1)}\n`,
    {
      author: c1,
      file: 'README.md',
      at: day(6),
    },
  );
  repo.git('checkout', '-q', 'main');
  repo.merge('fix-typo', "Merge branch 'fix-typo'", { at: day(9) });
  repo.commit(`Speed up the import\n\n${signoff(chiara)}\n`, {
    author: chiara,
    file: 'import.ts',
    at: day(12),
  });
  // Waiting: a commit without a sign-off.
  repo.git('checkout', '-q', '-b', 'docs-translation');
  repo.commit('Translate the docs to Italian\n', { author: c2, file: 'docs/it.md', at: day(20) });
  // Fixed by the author's remediation commit.
  repo.git('checkout', '-q', 'main');
  repo.git('checkout', '-q', '-b', 'faster-tests');
  const forgot = repo.commit('Run the tests in parallel\n', {
    author: c3,
    file: 'test.ts',
    at: day(22),
  });
  repo.commit(
    `DCO Remediation Commit for ${c3.name} <${c3.email}>\n\nI, ${c3.name} <${c3.email}>, hereby add my Signed-off-by to this commit: ${forgot}\n\n${signoff(c3)}\n`,
    { author: c3, file: 'test.ts', at: day(23) },
  );
  repo.git('checkout', '-q', 'main');
  const ctx = { db, actor: operatorActor(coopId), publicUrl: '', clock };
  const { id } = await runCommand(registerRepository, { name: 'coop-server', location: dir }, ctx);
  await syncRepository(ctx, id, { mirrorsDir: mirrorsDirOf(dataDir) });
}
