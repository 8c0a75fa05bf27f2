import { describe, expect, it } from 'vitest';
import { defaultDcoConfig, type DcoVerdict } from './checkDco.ts';
import { dcoSha256, dcoText } from './dcoText.ts';
import { remediationText, summaryLines } from './remediationText.ts';

const failure = (sha: string, author: string, email: string): DcoVerdict => ({
  sha,
  subject: 's',
  ok: false,
  skipped: null,
  reason: 'The sign-off is missing.',
  author,
  email,
  committer: author,
});
const a1 = failure('a'.repeat(40), 'Ada', 'ada@example.org');
const a2 = failure('b'.repeat(40), 'Ada', 'ada@example.org');
const b1 = failure('c'.repeat(40), 'Bex', 'bex@example.net');

describe('the remediation text, in the DCO app’s words', () => {
  it('offers the rebase alone by default', () => {
    const text = remediationText({
      failures: [a1],
      commitCount: 3,
      config: defaultDcoConfig,
      branch: 'topic',
    });
    expect(text.startsWith('There is one commit incorrectly signed off.  This means')).toBe(true);
    expect(text).not.toContain('DCO Remediation Commit for');
    expect(text).toContain('\n---\n\n### Rebase the branch\n');
    expect(text).toContain('run: `git rebase HEAD~3 --signoff`');
    expect(text).toContain('`git push --force-with-lease origin topic`');
  });

  it('groups the remediation commits by author, each closed by its sign-off', () => {
    const config = {
      ...defaultDcoConfig,
      allowRemediationCommits: { individual: true, thirdParty: false },
    };
    const text = remediationText({ failures: [a1, a2, b1], commitCount: 5, config, branch: 't' });
    expect(text).toContain('There are 3 commits incorrectly signed off.');
    expect(text).toContain(
      '#### Ada &lt;ada@example.org&gt;\n```\nDCO Remediation Commit for Ada <ada@example.org>\n\n' +
        `I, Ada <ada@example.org>, hereby add my Signed-off-by to this commit: ${a1.sha}\n` +
        `I, Ada <ada@example.org>, hereby add my Signed-off-by to this commit: ${a2.sha}\n` +
        '\nSigned-off-by: Ada <ada@example.org>\n```\n' +
        '#### Bex &lt;bex@example.net&gt;\n```\nDCO Remediation Commit for Bex <bex@example.net>\n\n' +
        `I, Bex <bex@example.net>, hereby add my Signed-off-by to this commit: ${b1.sha}\n` +
        '\nSigned-off-by: Bex <bex@example.net>\n```\n',
    );
    expect(text).toContain('### Least preferred method: Rebase the branch');
    expect(text).not.toContain('Third-Party');
  });

  it('adds the third-party commits when they are allowed', () => {
    const config = {
      ...defaultDcoConfig,
      allowRemediationCommits: { individual: true, thirdParty: true },
    };
    const text = remediationText({ failures: [b1], commitCount: 1, config, branch: 't' });
    expect(text).toContain(
      '#### On behalf of Bex &lt;bex@example.net&gt;\n```\nThird-Party DCO Remediation Commit for Bex <bex@example.net>\n\n' +
        `On behalf of Bex <bex@example.net>, I, YOUR_NAME <YOUR_EMAIL>, hereby add my Signed-off-by to this commit: ${b1.sha}\n` +
        '\nSigned-off-by: YOUR_NAME <YOUR_EMAIL>\n```\n',
    );
  });

  it('lists each failure as the app’s summary does', () => {
    expect(summaryLines([b1])).toBe(
      'Commit sha: ccccccc, Author: Bex, Committer: Bex; The sign-off is missing.',
    );
  });
});

describe('the DCO text', () => {
  it('is version 1.1 verbatim, pinned by its hash', () => {
    expect(dcoSha256).toBe('f7ac75b443f4ca16b503241344b41aeff9503b0c30bedc2b119551d83cb0fa90');
    expect(dcoText.split('\n')).toHaveLength(35);
    expect(dcoText).toContain("Developer's Certificate of Origin 1.1\n\nBy making a contribution");
  });
});
