import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { gitEnv, GitError } from './runGit.ts';

/** One commit as git itself reports it. */
export interface GitCommit {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Strict ISO 8601 with the author's own offset, e.g. `2026-03-01T09:30:00+01:00`. */
  authoredAt: string;
  committerName: string;
  committerEmail: string;
  committedAt: string;
  /** The trailers as git parses them (`%(trailers:only,unfold)`): [key, value] in order. */
  trailers: [string, string][];
  /** The raw message (`%B`). */
  message: string;
  /**
   * From `--numstat`, one [path, lines added, lines removed] per file changed (null counts for a
   * binary file); empty, and the totals zero, when not asked for.
   */
  changes: [string, number | null, number | null][];
  files: number;
  insertions: number;
  deletions: number;
}

// Each record starts with RS and its fields are separated by NUL, which git never prints
// inside a name, an email or a message; `--numstat` lines follow the last field.
const RS = '\x1e';
const fields = [
  '%H',
  '%P',
  '%an',
  '%ae',
  '%aI',
  '%cn',
  '%ce',
  '%cI',
  '%(trailers:only,unfold)',
  '%B',
];
export const commitFormat = `--format=${RS}${fields.join('%x00')}%x00`;

/** `git log` arguments that print every commit of `revisions` in our format. */
export const logArgs = (revisions: readonly string[], options: { numstat: boolean }) => [
  '-c',
  'log.showSignature=false',
  // Paths in --numstat as they are, not octal-escaped, unless they hold a tab, newline or quote.
  '-c',
  'core.quotePath=false',
  'log',
  '--no-color',
  '--no-renames',
  commitFormat,
  ...(options.numstat ? ['--numstat'] : []),
  ...revisions,
];

function parseTrailers(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    out.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return out;
}

function parseRecord(record: string): GitCommit {
  const parts = record.split('\x00');
  if (parts.length < 11) throw new GitError('git log printed a record we cannot read', null);
  let files = 0;
  let insertions = 0;
  let deletions = 0;
  const changes: [string, number | null, number | null][] = [];
  // After the last field: "added\tdeleted\tpath" per file ("-\t-" for binary files).
  for (const line of parts[10]!.split('\n')) {
    if (!line) continue;
    const tab = line.indexOf('\t');
    const tab2 = line.indexOf('\t', tab + 1);
    if (tab < 0 || tab2 < 0) continue;
    files += 1;
    const added = line.slice(0, tab);
    const deleted = line.slice(tab + 1, tab2);
    const a = added === '-' ? null : Number(added);
    const d = deleted === '-' ? null : Number(deleted);
    if (a !== null) insertions += a;
    if (d !== null) deletions += d;
    changes.push([line.slice(tab2 + 1), a, d]);
  }
  return {
    sha: parts[0]!,
    parents: parts[1] ? parts[1].split(' ') : [],
    authorName: parts[2]!,
    authorEmail: parts[3]!,
    authoredAt: parts[4]!,
    committerName: parts[5]!,
    committerEmail: parts[6]!,
    committedAt: parts[7]!,
    trailers: parseTrailers(parts[8]!),
    message: parts[9]!,
    changes,
    files,
    insertions,
    deletions,
  };
}

/**
 * Streams the commits of `git log ARGS` as git prints them, a batch at a time, so that the
 * caller stores one batch while git is already producing the next (git runs on the other core).
 */
export async function* streamCommits(
  repoPath: string,
  revisions: readonly string[],
  options: { numstat: boolean; batchSize?: number; stdin?: string },
): AsyncGenerator<GitCommit[]> {
  const batchSize = options.batchSize ?? 2000;
  // Revisions on standard input (`--stdin`): a repository's thousands of tips fit no command line.
  const args = logArgs(
    options.stdin === undefined ? revisions : [...revisions, '--stdin'],
    options,
  );
  // git writes to a file, not a pipe: a pipe holds 64 KiB, so git would stop each time the
  // caller stores a batch (on PGlite that work holds this thread). Writing to a file, git runs
  // to its end on the other core while we read behind it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-git-log-'));
  const file = path.join(dir, 'log');
  const out = fs.openSync(file, 'w');
  const child = spawn('git', ['-C', repoPath, ...args], {
    env: gitEnv(),
    stdio: [options.stdin === undefined ? 'ignore' : 'pipe', out, 'pipe'],
  });
  fs.closeSync(out);
  if (options.stdin !== undefined) child.stdin!.end(options.stdin);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  let exitStatus: number | null | undefined;
  const closed = new Promise<number | null>((resolve) =>
    child.on('close', (status) => {
      exitStatus = status;
      resolve(status);
    }),
  );
  const input = await fs.promises.open(file, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.alloc(1 << 20);
    const parsed: GitCommit[] = [];
    let pending = '';
    for (;;) {
      const finished = exitStatus !== undefined;
      const { bytesRead } = await input.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) {
        if (finished) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
        continue;
      }
      // Only the one unfinished record is kept as text.
      pending += decoder.write(buffer.subarray(0, bytesRead));
      let start = pending.indexOf(RS);
      let next = pending.indexOf(RS, start + 1);
      while (start >= 0 && next >= 0) {
        parsed.push(parseRecord(pending.slice(start + 1, next)));
        start = next;
        next = pending.indexOf(RS, start + 1);
      }
      pending = start >= 0 ? pending.slice(start) : pending;
      while (parsed.length >= batchSize) yield parsed.splice(0, batchSize);
    }
    pending += decoder.end();
    if (pending.startsWith(RS)) parsed.push(parseRecord(pending.slice(1)));
    const status = await closed;
    if (status !== 0)
      throw new GitError(`git log failed: ${stderr.trim() || `exit ${status}`}`, status);
    if (parsed.length > 0) yield parsed.splice(0);
  } finally {
    await input.close();
    if (exitStatus === undefined) child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** All the commits of `git log ARGS`, in git's order. */
export async function readCommits(
  repoPath: string,
  revisions: readonly string[],
  options: { numstat: boolean } = { numstat: false },
): Promise<GitCommit[]> {
  const all: GitCommit[] = [];
  for await (const batch of streamCommits(repoPath, revisions, options)) all.push(...batch);
  return all;
}
