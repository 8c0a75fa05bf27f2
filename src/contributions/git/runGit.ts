import { spawn } from 'node:child_process';

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

/** Runs git in a repository and returns its standard output; a non-zero exit throws. */
export function runGit(
  repoPath: string,
  args: readonly string[],
  options: { allowStatus?: readonly number[]; stdin?: string } = {},
): Promise<{ stdout: string; status: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', repoPath, ...args], {
      env: gitEnv(),
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (options.stdin !== undefined) child.stdin!.end(options.stdin);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.on('data', (d: Buffer) => err.push(d));
    child.on('error', (error) => reject(new GitError(`git: ${error.message}`, null)));
    child.on('close', (status) => {
      const stdout = Buffer.concat(out).toString('utf8');
      if (status === 0 || (status !== null && options.allowStatus?.includes(status)))
        resolve({ stdout, status: status ?? 0 });
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
