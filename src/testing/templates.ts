/**
 * Already-migrated databases that test databases start from. Running every migration takes
 * 10-20 s per database on PGlite; copying a migrated data directory takes ~0.2 s, and
 * PostgreSQL's `CREATE DATABASE ... TEMPLATE` a fraction of that. Each template is named by
 * a hash of the migrations, so adding or changing one builds a new template.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../platform/db/database.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const migrationsFolder = path.join(root, 'migrations');
/** Shared by every checkout on the machine: the hash keeps their templates apart. */
export const pgliteTemplatesDir = path.join(os.tmpdir(), 'coop-test-templates');
const unusedTemplateAgeMs = 7 * 24 * 3600_000;

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

let cachedHash: string | undefined;

/** Of the migrations and of PGlite's version, whose data directories do not cross versions. */
export function migrationsHash(): string {
  if (cachedHash) return cachedHash;
  const hash = createHash('sha256');
  const pglitePackage = path.join(root, 'node_modules/@electric-sql/pglite/package.json');
  hash.update(String(JSON.parse(fs.readFileSync(pglitePackage, 'utf8')).version));
  for (const file of filesUnder(migrationsFolder)) {
    hash.update(`\0${path.relative(migrationsFolder, file)}\0`);
    hash.update(fs.readFileSync(file));
  }
  cachedHash = hash.digest('hex').slice(0, 16);
  return cachedHash;
}

/**
 * A closed, migrated PGlite data directory to copy (never to open in place). Built once per
 * set of migrations; concurrent builders each build their own and the first rename wins.
 */
export async function pgliteTemplate(): Promise<string> {
  const template = path.join(pgliteTemplatesDir, `pglite-${migrationsHash()}`);
  if (fs.existsSync(template)) return template;
  fs.mkdirSync(pgliteTemplatesDir, { recursive: true });
  const building = fs.mkdtempSync(path.join(pgliteTemplatesDir, 'building-'));
  try {
    const database = await openDatabase({ dataDir: building, holder: 'test template' });
    await database.close();
    try {
      fs.renameSync(path.join(building, 'pglite'), template);
    } catch (error) {
      if (!fs.existsSync(template)) throw error;
    }
  } finally {
    fs.rmSync(building, { recursive: true, force: true });
  }
  return template;
}

/** Copies the migrated template to `dataDir/pglite`, where openDatabase looks. */
export async function copyPgliteTemplate(dataDir: string): Promise<void> {
  fs.cpSync(await pgliteTemplate(), path.join(dataDir, 'pglite'), { recursive: true });
}

/** Removes templates of migrations no run has used for a week; marks the current one used. */
export function pruneOldPgliteTemplates(current: string): void {
  const now = new Date();
  fs.utimesSync(current, now, now);
  for (const name of fs.readdirSync(pgliteTemplatesDir)) {
    const dir = path.join(pgliteTemplatesDir, name);
    if (dir === current) continue;
    const { mtimeMs } = fs.statSync(dir);
    if (now.getTime() - mtimeMs > unusedTemplateAgeMs)
      fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Held while building a PostgreSQL template, so that concurrent runs build it once.
const templateLockKey = 72011;

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The name of a migrated database on the server, built there if missing. */
export async function postgresTemplate(adminUrl: string): Promise<string> {
  const name = `coop_tpl_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = async () =>
      (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (await exists()) return name;
    await admin.query('select pg_advisory_lock($1)', [templateLockKey]);
    try {
      if (await exists()) return name;
      // Renamed only once migrated, so a template that exists is complete.
      const building = `${name}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      const database = await openDatabase({
        databaseUrl: databaseUrl(adminUrl, building),
        dataDir: '',
        holder: 'test template',
      });
      await database.close();
      await admin.query(`alter database ${building} rename to ${name}`);
      return name;
    } finally {
      await admin.query('select pg_advisory_unlock($1)', [templateLockKey]);
    }
  } finally {
    await admin.end();
  }
}
