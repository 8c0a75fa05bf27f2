import fs from 'node:fs';
import path from 'node:path';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { runCommand, type CommandContext } from '../../platform/commands.ts';
import { systemClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { notFound } from '../../platform/errors.ts';
import { finishSync } from '../commands/finishSync.ts';
import { storeCommits } from '../commands/storeCommits.ts';
import { botMatcher } from '../dco/botPatterns.ts';
import type { DcoConfig } from '../dco/checkDco.ts';
import {
  checkCommits,
  checkDcoInRepository,
  dcoConfigOf,
  memberMatcher,
  toDcoCommit,
} from '../dco/checkRange.ts';
import { readCommits, streamCommits, type GitCommit } from '../git/readCommits.ts';
import { defaultBranchOf, isAncestor, listRefs, objectExists } from '../git/repositoryFacts.ts';
import { runGit } from '../git/runGit.ts';
import { memberEmails } from '../queries.ts';
import { repositories } from '../schema.ts';
import { toCommitBatch } from './commitRows.ts';
import { integrationsAfterStream, type Integration, type Lineage } from './integration.ts';

export interface SyncResult {
  repositoryId: string;
  name: string;
  newCommits: number;
  refsChanged: number;
  rewrites: { ref: string; oldSha: string; newSha: string; droppedCommits: number | null }[];
  dcoFailures: number;
  failingBranches: string[];
}

export interface SyncOptions {
  /** Where URL repositories are mirrored: `<data dir>/repositories`. */
  mirrorsDir: string;
  batchSize?: number;
}

/** The repository on disk: the path itself, or the mirror of the URL, cloned or fetched now. */
async function workingCopy(
  repo: { id: string; sourceKind: 'path' | 'url'; location: string },
  mirrorsDir: string,
): Promise<string> {
  if (repo.sourceKind === 'path') return repo.location;
  const dir = path.join(mirrorsDir, `${repo.id}.git`);
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(mirrorsDir, { recursive: true });
    await runGit(mirrorsDir, ['clone', '--mirror', '--quiet', '--', repo.location, dir]);
  } else {
    // A mirror's refspec is forced (+refs/*:refs/*): a force push upstream moves our ref too,
    // and the sync below sees it and records it.
    await runGit(dir, ['remote', 'update', '--prune']);
  }
  return dir;
}

const shortRef = (ref: string) => ref.replace(/^refs\/(heads|tags)\//, '');

/**
 * Ingests what is new in a repository: commits not seen before from every branch and tag (git's
 * own `log` output, streamed and stored a batch at a time while git reads on), each checked
 * alone by the DCO rules; the default branch's new integrations; every branch's own commits
 * checked as a pull request would be; any ref that moved to a commit not descending from where
 * it was, recorded as a rewritten history. Runs as the job `contributions.sync` and from
 * `coop contributions sync`.
 */
export async function syncRepository(
  ctx: CommandContext,
  repositoryId: string,
  options: SyncOptions,
): Promise<SyncResult> {
  const coopId = ctx.actor.coopId;
  const clock = ctx.clock ?? systemClock;
  const [repo] = await ctx.db
    .select()
    .from(repositories)
    .where(
      and(
        eq(repositories.coopId, coopId),
        eq(repositories.id, repositoryId),
        isNull(repositories.removedAt),
      ),
    );
  if (!repo) throw notFound('This repository');
  const dir = await workingCopy(repo, options.mirrorsDir);
  const syncedAt = clock.now();

  const stored = new Map(
    (
      await queryRows<{ ref: string; sha: string }>(
        ctx.db,
        sql`select ref, sha from repository_refs where coop_id = ${coopId} and repository_id = ${repositoryId}`,
      )
    ).map((r) => [r.ref, r.sha]),
  );
  const current = await listRefs(dir);
  const changed = [...current].filter(([ref, sha]) => stored.get(ref) !== sha);
  const refsChanged = changed.length + [...stored.keys()].filter((r) => !current.has(r)).length;

  // New commits: reachable from a tip that moved, not from any tip already ingested. git starts
  // on them at once, writing on the other core while the rest below is worked out.
  let stream: AsyncGenerator<GitCommit[]> | null = null;
  if (changed.length > 0) {
    const known: string[] = [];
    for (const sha of new Set(stored.values())) if (await objectExists(dir, sha)) known.push(sha);
    const stdin = [...new Set(changed.map(([, sha]) => sha))]
      .concat(known.map((sha) => `^${sha}`))
      .join('\n');
    stream = streamCommits(dir, [], {
      numstat: true,
      stdin: `${stdin}\n`,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    });
  }
  const firstBatch = stream?.next();
  firstBatch?.catch(() => undefined);

  let newCommits = 0;
  let dcoFailures = 0;
  const ingested = new Set<string>();
  const storedUnsettled = new Set<string>();
  const rewrites: SyncResult['rewrites'] = [];
  let fastForward: boolean;
  let defaultRef: string;
  let defaultTip: string | null;
  let previousDefault: string | null;
  let config: DcoConfig;
  let members = new Set<string>();
  // Parents and committer time of every commit the stream brought: the default branch's
  // integrations are worked out from them once the stream ends.
  const streamed = new Map<string, Lineage>();
  try {
    for (const [ref, newSha] of changed) {
      const oldSha = stored.get(ref);
      if (!oldSha || (await isAncestor(dir, oldSha, newSha))) continue;
      const oldExists = await objectExists(dir, oldSha);
      const droppedCommits = oldExists
        ? Number(
            (await runGit(dir, ['rev-list', '--count', oldSha, '--not', newSha])).stdout.trim(),
          )
        : null;
      rewrites.push({ ref, oldSha, newSha, droppedCommits });
    }

    const defaultName = (repo.defaultBranch ?? (await defaultBranchOf(dir)) ?? 'main').replace(
      /^origin\//,
      '',
    );
    defaultRef = `refs/heads/${defaultName}`;
    defaultTip = current.get(defaultRef) ?? null;
    previousDefault = stored.get(defaultRef) ?? null;
    fastForward =
      previousDefault !== null &&
      defaultTip !== null &&
      (await isAncestor(dir, previousDefault, defaultTip));
    config = await dcoConfigOf(dir, defaultTip);
    // Who is a member matters only when the configuration spares members' verified commits.
    if (!config.require.members) members = await memberEmails(ctx.db, coopId);
    const isMember = memberMatcher(members);

    // Batches are not kept waiting for the integrations. A commit on the default branch's
    // first-parent line is its own integration, and that line is followed in the stream itself
    // (`onLine`), from the new tip down through the first parents the stream brings. A commit
    // stored before its integration was known (a merged branch's, or one the stream brought
    // ahead of its child) is settled at the end.
    const onLine = new Set<string>();
    let nextOnLine: string | undefined =
      defaultTip && defaultTip !== previousDefault ? defaultTip : undefined;
    const follow = (batch: readonly GitCommit[]) => {
      for (const c of batch) {
        streamed.set(c.sha, { parents: c.parents, committedAt: c.committedAt });
        if (c.sha !== nextOnLine) continue;
        onLine.add(c.sha);
        nextOnLine = c.parents[0];
        // The stream may bring a first parent before its child (a clock set wrong): one it
        // brought already, not on the line then, is on it now.
        while (nextOnLine !== undefined && streamed.has(nextOnLine)) {
          onLine.add(nextOnLine);
          nextOnLine = streamed.get(nextOnLine)!.parents[0];
        }
      }
    };
    // A commit on the line is its own integration (no older commit of the line reaches it);
    // one stored without its integration known is remembered, to be settled.
    const integrationNow = (commit: GitCommit): Integration | null => {
      if (onLine.has(commit.sha)) return { at: commit.committedAt, by: commit.sha };
      storedUnsettled.add(commit.sha);
      return null;
    };

    if (stream && firstBatch) {
      const isBot = botMatcher(repo.botPatterns);
      // Batches are stored one after the other, a few queued behind the one being stored.
      let chain: Promise<unknown> = Promise.resolve();
      const queued: Promise<unknown>[] = [];
      for (let step = await firstBatch; !step.done; step = await stream.next()) {
        const batch = step.value;
        follow(batch);
        const verdicts = await checkDcoInRepository(dir, batch.map(toDcoCommit), {
          config,
          isBot,
          isMember,
        });
        for (let i = 0; i < batch.length; i++) {
          ingested.add(batch[i]!.sha);
          if (!verdicts[i]!.ok) dcoFailures += 1;
        }
        newCommits += batch.length;
        chain = chain.then(() =>
          runCommand(
            storeCommits,
            {
              repositoryId,
              seenAt: syncedAt,
              commits: toCommitBatch(batch, verdicts, integrationNow),
            },
            ctx,
          ),
        );
        chain.catch(() => undefined);
        queued.push(chain);
        if (queued.length > 4) await queued.shift();
      }
      await chain;
    }
  } finally {
    // Ends git and removes its file when the sync stopped half-way.
    await stream?.return(undefined);
  }

  const integrations =
    defaultTip && defaultTip !== previousDefault
      ? await integrationsAfterStream(
          dir,
          streamed,
          defaultTip,
          fastForward ? previousDefault : null,
        )
      : new Map<string, Integration>();
  // Stored before the integrations were in, and not on the line: settled now.
  const settle = [...storedUnsettled].flatMap((sha) => {
    const final = integrations.get(sha);
    return final ? [{ sha, at: final.at, by: final.by }] : [];
  });
  const branchChecks = [];
  for (const [ref, sha] of current) {
    if (!ref.startsWith('refs/heads/') || ref === defaultRef || !defaultTip) continue;
    if (stored.get(ref) === sha && previousDefault === defaultTip) continue;
    const commits = await readCommits(dir, ['--reverse', sha, '--not', defaultTip]);
    const check = await checkCommits(dir, commits, {
      config,
      bots: repo.botPatterns,
      members,
      branch: shortRef(ref),
    });
    branchChecks.push({
      ref,
      headSha: sha,
      commitCount: commits.length,
      failureCount: check.verdicts.filter((v) => !v.ok).length,
      verdicts: check.verdicts,
      remediation: check.remediation,
    });
  }

  await runCommand(
    finishSync,
    {
      repositoryId,
      syncedAt,
      refs: [...current].map(([ref, sha]) => ({ ref, sha })),
      rewrites,
      integrations: [...integrations]
        .filter(([sha]) => !ingested.has(sha))
        .map(([sha, i]) => ({ sha, at: i.at, by: i.by }))
        .concat(settle),
      branchChecks,
      newCommits,
      refsChanged,
      dcoFailures,
    },
    ctx,
  );
  return {
    repositoryId,
    name: repo.name,
    newCommits,
    refsChanged,
    rewrites,
    dcoFailures,
    failingBranches: branchChecks.filter((b) => b.failureCount > 0).map((b) => shortRef(b.ref)),
  };
}
