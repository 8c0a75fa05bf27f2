import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Git as a child process, with the user's and the system's configuration out of the way (a
 * `log.showSignature` or a pager there would change what we read) and no prompt for
 * credentials: a server has no one to answer it.
 */
export const gitEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  LC_ALL: 'C',
});

export class GitError extends Error {
  readonly status: number | null;
  constructor(message: string, status: number | null) {
    super(message);
    this.status = status;
  }
}

/**
 * Runs git in a repository and returns its standard output; a non-zero exit throws. With
 * `viaFile`, git writes to a temporary file instead of a pipe: a pipe holds 64 KiB, so a long
 * output would advance only as often as a busy event loop reads it (a sync storing batches on
 * PGlite), while a file lets git run to its end on the other core.
 */
export async function runGit(
  repoPath: string,
  args: readonly string[],
  options: { allowStatus?: readonly number[]; stdin?: string; viaFile?: boolean } = {},
): Promise<{ stdout: string; status: number }> {
  if (!options.viaFile) return run(repoPath, args, options, 'pipe');
  // Synchronous file calls: each promised one would wait its turn of that busy event loop.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-git-out-'));
  try {
    const file = path.join(dir, 'out');
    const fd = fs.openSync(file, 'w');
    let status: number;
    try {
      ({ status } = await run(repoPath, args, options, fd));
    } finally {
      fs.closeSync(fd);
    }
    return { stdout: fs.readFileSync(file, 'utf8'), status };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function run(
  repoPath: string,
  args: readonly string[],
  options: { allowStatus?: readonly number[]; stdin?: string },
  stdout: 'pipe' | number,
): Promise<{ stdout: string; status: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', repoPath, ...args], {
      env: gitEnv(),
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', stdout, 'pipe'],
    });
    if (options.stdin !== undefined) child.stdin!.end(options.stdin);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr!.on('data', (d: Buffer) => err.push(d));
    child.on('error', (error) => reject(new GitError(`git: ${error.message}`, null)));
    child.on('close', (status) => {
      const text = Buffer.concat(out).toString('utf8');
      if (status === 0 || (status !== null && options.allowStatus?.includes(status)))
        resolve({ stdout: text, status: status ?? 0 });
      else
        reject(
          new GitError(
            `git ${args[0] ?? ''} failed: ${Buffer.concat(err).toString('utf8').trim() || `exit ${status}`}`,
            status,
          ),
        );
    });
  });
}
