import { sql } from 'drizzle-orm';
import { registerRepository } from '../../contributions/commands/registerRepository.ts';
import { removeRepository } from '../../contributions/commands/removeRepository.ts';
import { updateRepository } from '../../contributions/commands/updateRepository.ts';
import { syncRepository } from '../../contributions/ingest/syncRepository.ts';
import { mirrorsDirOf } from '../../contributions/jobs.ts';
import { operatorActor } from '../../platform/actor.ts';
import { runCommand } from '../../platform/commands.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { notFound } from '../../platform/errors.ts';
import type { Database } from '../../platform/db/database.ts';
import { requireCoopId, withDatabase } from '../database.ts';

/** `coop contributions add NAME LOCATION`. */
export async function addRepositoryCommand(
  name: string,
  location: string,
  options: { defaultBranch?: string; bot: string[] },
): Promise<void> {
  await withDatabase('contributions add', async (database, config) => {
    const coopId = await requireCoopId(database);
    const { id } = await runCommand(
      registerRepository,
      {
        name,
        location,
        botPatterns: options.bot,
        ...(options.defaultBranch ? { defaultBranch: options.defaultBranch } : {}),
      },
      { db: database.db, actor: operatorActor(coopId), publicUrl: config.publicUrl },
    );
    console.log(
      `Registered ${name} (${id}); run \`coop contributions sync ${name}\` to ingest it now.`,
    );
  });
}

async function repositoryNamed(database: Database, coopId: string, name: string) {
  const [repo] = await queryRows<{ id: string }>(
    database.db,
    sql`select id from repositories where coop_id = ${coopId} and removed_at is null
        and lower(name) = lower(${name})`,
  );
  if (!repo) throw notFound(`The repository ${name}`);
  return repo.id;
}

/** `coop contributions edit NAME [--name N] [--location L] [--default-branch B | --detect-default-branch] [--bot P...] [--no-bots]`. */
export async function editRepositoryCommand(
  name: string,
  options: {
    name?: string;
    location?: string;
    defaultBranch?: string;
    detectDefaultBranch?: boolean;
    bot: string[];
    bots?: boolean;
  },
): Promise<void> {
  await withDatabase('contributions edit', async (database, config) => {
    const coopId = await requireCoopId(database);
    const repositoryId = await repositoryNamed(database, coopId, name);
    const { changed } = await runCommand(
      updateRepository,
      {
        repositoryId,
        ...(options.name ? { name: options.name } : {}),
        ...(options.location ? { location: options.location } : {}),
        ...(options.defaultBranch ? { defaultBranch: options.defaultBranch } : {}),
        ...(options.detectDefaultBranch ? { defaultBranch: null } : {}),
        ...(options.bot.length > 0 ? { botPatterns: options.bot } : {}),
        ...(options.bots === false ? { botPatterns: [] } : {}),
      },
      { db: database.db, actor: operatorActor(coopId), publicUrl: config.publicUrl },
    );
    console.log(changed ? `Updated ${options.name ?? name}.` : `${name}: nothing to change.`);
  });
}

/** `coop contributions remove NAME`. */
export async function removeRepositoryCommand(name: string): Promise<void> {
  await withDatabase('contributions remove', async (database, config) => {
    const coopId = await requireCoopId(database);
    const repositoryId = await repositoryNamed(database, coopId, name);
    await runCommand(
      removeRepository,
      { repositoryId },
      { db: database.db, actor: operatorActor(coopId), publicUrl: config.publicUrl },
    );
    console.log(
      `Removed ${name}: no longer synced or listed; its commits stay on record and keep counting.`,
    );
  });
}

/** `coop contributions sync [NAME] [--json]`. */
export async function syncCommand(name: string | undefined, options: { json?: boolean }) {
  await withDatabase(
    'contributions sync',
    async (database, config) => {
      const coopId = await requireCoopId(database);
      const repos = await queryRows<{ id: string; name: string }>(
        database.db,
        sql`select id, name from repositories where coop_id = ${coopId} and removed_at is null
            ${name ? sql`and lower(name) = lower(${name})` : sql``} order by name`,
      );
      if (name && repos.length === 0) throw notFound(`The repository ${name}`);
      const ctx = { db: database.db, actor: operatorActor(coopId), publicUrl: config.publicUrl };
      const results = [];
      for (const repo of repos) {
        const started = performance.now();
        const result = await syncRepository(ctx, repo.id, {
          mirrorsDir: mirrorsDirOf(config.dataDir),
        });
        results.push(result);
        if (!options.json)
          console.log(
            `${repo.name}: ${result.newCommits} new commits, ${result.refsChanged} refs moved, ` +
              `${result.rewrites.length} rewritten, ${result.dcoFailures} new commits failing the DCO check` +
              `${result.failingBranches.length ? `; failing branches: ${result.failingBranches.join(', ')}` : ''}` +
              ` (${((performance.now() - started) / 1000).toFixed(1)} s)`,
          );
        for (const r of result.rewrites)
          if (!options.json)
            console.log(
              `  history rewritten: ${r.ref} ${r.oldSha.slice(0, 12)} -> ${r.newSha.slice(0, 12)}` +
                (r.droppedCommits === null ? '' : ` (${r.droppedCommits} commits dropped)`),
            );
      }
      if (options.json) console.log(JSON.stringify(results));
    },
    { heavy: true },
  );
}
