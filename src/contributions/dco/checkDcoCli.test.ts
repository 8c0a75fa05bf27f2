import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../testing/serverProcess.ts';
import { signoff, TestRepo } from '../testing/gitRepo.ts';

const ada = { name: 'Ada Lovelace', email: 'ada@example.org' };
const repo = new TestRepo();
afterAll(() => repo.remove());

describe('coop contributions check-dco', () => {
  repo.commit(`root\n\n${signoff(ada)}\n`, {
    file: '.github/dco.yml',
    content: 'allowRemediationCommits:\n  individual: true\n',
  });
  repo.git('checkout', '-q', '-b', 'topic');
  const good = repo.commit(`good\n\n${signoff(ada)}\n`);
  const bad = repo.commit('bad\n');

  it('prints one verdict per commit, oldest first, and exits 1 when one fails', () => {
    const result = runCli(
      ['contributions', 'check-dco', repo.dir, '--range', 'main..topic', '--json'],
      {},
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      { sha: good, subject: 'good', ok: true, skipped: false, reason: null },
      { sha: bad, subject: 'bad', ok: false, skipped: false, reason: 'The sign-off is missing.' },
    ]);
  });

  it('prints the remediation text to paste, and exits 0 once the range passes', () => {
    const text = runCli(['contributions', 'check-dco', repo.dir, '--range', 'main..topic'], {});
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(
      `I, Ada Lovelace <ada@example.org>, hereby add my Signed-off-by to this commit: ${bad}`,
    );
    repo.commit(
      `DCO Remediation Commit for Ada Lovelace <ada@example.org>\n\nI, Ada Lovelace <ada@example.org>, hereby add my Signed-off-by to this commit: ${bad}\n\n${signoff(ada)}\n`,
    );
    const passing = runCli(
      ['contributions', 'check-dco', repo.dir, '--range', 'main..topic', '--json'],
      {},
    );
    expect(passing.status).toBe(0);
    expect((JSON.parse(passing.stdout) as { ok: boolean }[]).every((v) => v.ok)).toBe(true);
  });

  it('refuses what is not a range or not a repository', () => {
    const notRange = runCli(['contributions', 'check-dco', repo.dir, '--range', 'main'], {});
    expect(notRange.status).toBe(1);
    expect(notRange.stderr).toMatch(/a range BASE\.\.HEAD/);
    const notRepo = runCli(['contributions', 'check-dco', '/nonexistent', '--range', 'a..b'], {});
    expect(notRepo.status).toBe(1);
    expect(notRepo.stderr).toMatch(/not a git repository/);
  });
});
