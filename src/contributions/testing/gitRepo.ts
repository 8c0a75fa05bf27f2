import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gitEnv } from '../git/runGit.ts';

export interface Who {
  name: string;
  email: string;
}

/** A real git repository in a temporary directory, built commit by commit for a test. */
export class TestRepo {
  readonly dir: string;
  private tick = 0;
  constructor(options: { bare?: boolean; dir?: string; branch?: string } = {}) {
    this.dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'coop-git-'));
    this.git('init', '-q', ...(options.bare ? ['--bare'] : []), '-b', options.branch ?? 'main');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      env: { ...gitEnv(), ...this.identityEnv(this.defaultWho, this.defaultWho) },
      encoding: 'utf8',
    }).trim();
  }

  defaultWho: Who = { name: 'Ada Lovelace', email: 'ada@example.org' };

  private identityEnv(author: Who, committer: Who, at?: string) {
    this.tick += 1;
    const date = at ?? `2026-01-01T10:00:${String(this.tick % 60).padStart(2, '0')}+01:00`;
    return {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    };
  }

  /** A commit with the message exactly as given (no clean-up), changing one file. */
  commit(
    message: string,
    options: {
      author?: Who;
      committer?: Who;
      file?: string;
      content?: string;
      at?: string;
      committedAt?: string;
      /** Signed with the repository's configured key (`git commit -S`). */
      sign?: boolean;
    } = {},
  ): string {
    const author = options.author ?? this.defaultWho;
    const file = options.file ?? 'file.txt';
    fs.mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    const previous = fs.existsSync(path.join(this.dir, file))
      ? fs.readFileSync(path.join(this.dir, file), 'utf8')
      : '';
    fs.writeFileSync(path.join(this.dir, file), options.content ?? `${previous}${message}\n`);
    execFileSync('git', ['add', '-A'], { cwd: this.dir, env: gitEnv() });
    const env = {
      ...gitEnv(),
      ...this.identityEnv(author, options.committer ?? author, options.at),
      ...(options.committedAt ? { GIT_COMMITTER_DATE: options.committedAt } : {}),
    };
    const args = ['commit', '-q', '--allow-empty', '--cleanup=verbatim', '-F', '-'];
    execFileSync('git', options.sign ? [...args, '-S'] : args, {
      cwd: this.dir,
      env,
      input: message,
    });
    return this.git('rev-parse', 'HEAD');
  }

  /**
   * Signs commits with a new SSH key (`commit({ sign: true })`) that this repository trusts for
   * `who` (`gpg.ssh.allowedSignersFile`), so that git reports their signatures good.
   */
  trustSshKeyOf(who: Who): void {
    const key = path.join(this.dir, '.git', 'test-signing-key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', who.email, '-f', key]);
    const allowed = path.join(this.dir, '.git', 'allowed-signers');
    fs.writeFileSync(allowed, `${who.email} ${fs.readFileSync(`${key}.pub`, 'utf8')}`);
    this.git('config', 'gpg.format', 'ssh');
    this.git('config', 'user.signingkey', key);
    this.git('config', 'gpg.ssh.allowedSignersFile', allowed);
  }

  /** A commit object written as given (any identity, even one `git commit` refuses), on HEAD. */
  rawCommit(message: string, author: string, committer: string = author): string {
    const parent = this.git('rev-parse', 'HEAD');
    const tree = this.git('rev-parse', 'HEAD^{tree}');
    const object = `tree ${tree}\nparent ${parent}\nauthor ${author} 1767258000 +0100\ncommitter ${committer} 1767258000 +0100\n\n${message}`;
    const sha = execFileSync(
      'git',
      ['hash-object', '-w', '-t', 'commit', '--literally', '--stdin'],
      {
        cwd: this.dir,
        env: gitEnv(),
        input: object,
        encoding: 'utf8',
      },
    ).trim();
    this.git('update-ref', 'HEAD', sha);
    return sha;
  }

  merge(
    branch: string,
    message = `Merge branch '${branch}'`,
    options: { at?: string } = {},
  ): string {
    execFileSync('git', ['merge', '-q', '--no-ff', '-m', message, branch], {
      cwd: this.dir,
      env: { ...gitEnv(), ...this.identityEnv(this.defaultWho, this.defaultWho, options.at) },
    });
    return this.git('rev-parse', 'HEAD');
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export const signoff = (who: Who) => `Signed-off-by: ${who.name} <${who.email}>`;
