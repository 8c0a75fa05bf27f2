import { afterEach, describe, expect, it } from 'vitest';
import { signoff, TestRepo, type Who } from '../testing/gitRepo.ts';
import { checkRange } from './checkRange.ts';
import { checkDco } from './checkDco.ts';
import { readCommits } from '../git/readCommits.ts';
import { toDcoCommit } from './checkRange.ts';
import { defaultDcoConfig } from './checkDco.ts';

const ada: Who = { name: 'Ada Lovelace', email: 'ada@example.org' };
const bex: Who = { name: 'Bex Warner', email: 'bex@example.net' };
const carol: Who = { name: 'Carol Shaw', email: 'carol@acme.example' };

const repos: TestRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
});

/** A repository with a root commit on main and a branch `topic` to fill. */
function setUp(dcoYml?: string) {
  const repo = new TestRepo();
  repos.push(repo);
  repo.commit(`root\n\n${signoff(ada)}\n`, {
    ...(dcoYml ? { file: '.github/dco.yml', content: dcoYml } : {}),
  });
  repo.git('checkout', '-q', '-b', 'topic');
  return repo;
}

async function verdictsOf(repo: TestRepo, bots: string[] = []) {
  const result = await checkRange(repo.dir, 'main..topic', { bots });
  return result;
}

async function onlyReason(repo: TestRepo): Promise<string | null> {
  const { verdicts } = await verdictsOf(repo);
  expect(verdicts).toHaveLength(1);
  return verdicts[0]!.reason;
}

describe('the DCO check, as the DCO app checks', () => {
  it('passes a commit signed off by its author', async () => {
    const repo = setUp();
    repo.commit(`Hello world\n\n${signoff(ada)}\n`);
    const { verdicts, remediation } = await verdictsOf(repo);
    expect(verdicts[0]).toMatchObject({
      ok: true,
      skipped: null,
      reason: null,
      subject: 'Hello world',
    });
    expect(remediation).toBe('');
  });

  it('fails a commit with no sign-off: "The sign-off is missing."', async () => {
    const repo = setUp();
    repo.commit('Hello world\n');
    expect(await onlyReason(repo)).toBe('The sign-off is missing.');
  });

  it('reads the keyword in any case, and compares name and email in any case', async () => {
    const repo = setUp();
    repo.commit('casing\n\nsigned-off-by: ADA lovelace <ADA@Example.ORG>\n');
    expect(await onlyReason(repo)).toBeNull();
  });

  it('accepts trailing whitespace and any number of sign-offs, one of which matches', async () => {
    const repo = setUp();
    repo.commit(`two\n\nSigned-off-by: Unknown <x@example.org>\n${signoff(ada)}   \n\n\n`);
    expect(await onlyReason(repo)).toBeNull();
  });

  it('accepts the committer’s sign-off, and name and email matched independently', async () => {
    const repo = setUp();
    repo.commit(`by committer\n\n${signoff(bex)}\n`, { author: ada, committer: bex });
    repo.commit('mixed\n\nSigned-off-by: Ada Lovelace <bex@example.net>\n', {
      author: ada,
      committer: bex,
    });
    const { verdicts } = await verdictsOf(repo);
    expect(verdicts.map((v) => v.ok)).toEqual([true, true]);
  });

  it('requires the sign-off at the start of a line', async () => {
    const repo = setUp();
    repo.commit(`quoted\n\n> ${signoff(ada)}\n`);
    expect(await onlyReason(repo)).toBe('The sign-off is missing.');
  });

  it.each([
    ['the name missing', 'signed-off-by: <ada@example.org>'],
    ['the email missing', 'signed-off-by: Ada Lovelace'],
    ['no angle brackets', 'signed-off-by: Ada Lovelace ada@example.org'],
    ['nothing after the keyword', 'signed-off-by: '],
    ['no space after the colon', 'Signed-off-by:Ada Lovelace <ada@example.org>'],
  ])('counts a line with %s as no sign-off', async (_case, line) => {
    const repo = setUp();
    repo.commit(`bad\n\n${line}\n`);
    expect(await onlyReason(repo)).toBe('The sign-off is missing.');
  });

  it.each([
    ['a wrong name', 'Signed-off-by: Ada <ada@example.org>', '"Ada <ada@example.org>"'],
    [
      'a wrong email',
      'Signed-off-by: Ada Lovelace <ada@example.com>',
      '"Ada Lovelace <ada@example.com>"',
    ],
    [
      'spaces around the name',
      'Signed-off-by:   Ada Lovelace  <ada@example.org>',
      '"  Ada Lovelace  <ada@example.org>"',
    ],
    [
      'spaces around the email',
      'Signed-off-by: Ada Lovelace < ada@example.org >',
      '"Ada Lovelace < ada@example.org >"',
    ],
    [
      'name and email swapped',
      'Signed-off-by: ada@example.org <Ada Lovelace>',
      '"ada@example.org <Ada Lovelace>"',
    ],
    [
      'a plus alias the author does not use',
      'Signed-off-by: Ada Lovelace <ada+dco@example.org>',
      '"Ada Lovelace <ada+dco@example.org>"',
    ],
  ])('fails one sign-off with %s: Expected ..., but got ...', async (_case, line, got) => {
    const repo = setUp();
    repo.commit(`bad\n\n${line}\n`);
    expect(await onlyReason(repo)).toBe(
      `Expected "Ada Lovelace <ada@example.org>", but got ${got}.`,
    );
  });

  it('fails several sign-offs none of which match: Can not find ..., in [...]', async () => {
    const repo = setUp();
    repo.commit(`many\n\n${signoff(bex)}\n${signoff(carol)}\n`);
    expect(await onlyReason(repo)).toBe(
      'Can not find "Ada Lovelace <ada@example.org>", in ["Bex Warner <bex@example.net>", "Carol Shaw <carol@acme.example>"].',
    );
  });

  it('checks the author’s email: "… is not a valid email address."', async () => {
    const repo = setUp();
    const who = { name: 'hiimbex', email: 'hiimbex@bexo' };
    repo.commit(`no tld\n\n${signoff(who)}\n`, { author: who });
    expect(await onlyReason(repo)).toBe('hiimbex@bexo is not a valid email address.');
  });

  it('falls back on the committer’s email when the author has none', async () => {
    const repo = setUp();
    repo.rawCommit(
      `empty author email\n\n${signoff(bex)}\n`,
      'Bex Warner <> ',
      'Bex Warner <bex@example.net>',
    );
    repo.rawCommit(
      `both bad\n\n${signoff(bex)}\n`,
      'Bex Warner <>',
      'Bex Warner <bex(at)example.net>',
    );
    const { verdicts } = await verdictsOf(repo);
    expect(verdicts.map((v) => v.reason)).toEqual([
      null,
      'bex(at)example.net is not a valid email address.',
    ]);
  });

  it('skips merge commits, and bots named by configuration', async () => {
    const repo = setUp();
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit(`side\n\n${signoff(ada)}\n`, { file: 'side.txt' });
    repo.git('checkout', '-q', 'topic');
    repo.merge('side', 'Merge side without sign-off');
    const bot = {
      name: 'dependabot[bot]',
      email: '49699333+dependabot[bot]@users.noreply.github.com',
    };
    repo.commit('Bump left-pad\n', { author: bot });
    const { verdicts } = await checkRange(repo.dir, 'main..topic', {
      bots: ['*[bot]@users.noreply.github.com'],
    });
    expect(verdicts.map((v) => [v.subject, v.ok, v.skipped])).toEqual([
      ['side', true, null],
      ['Merge side without sign-off', true, 'merge'],
      ['Bump left-pad', true, 'bot'],
    ]);
    const unconfigured = await checkRange(repo.dir, 'main..topic');
    expect(unconfigured.verdicts[2]).toMatchObject({
      ok: false,
      reason: 'The sign-off is missing.',
    });
  });

  describe('remediation commits', () => {
    const individualOnly = 'allowRemediationCommits:\n  individual: true\n';
    const both = 'allowRemediationCommits:\n  individual: true\n  thirdParty: true\n';
    const statement = (who: Who, sha: string) =>
      `I, ${who.name} <${who.email}>, hereby add my Signed-off-by to this commit: ${sha}`;

    it('are off by default: the author’s remediation does not count', async () => {
      const repo = setUp();
      const bad = repo.commit('forgot\n');
      repo.commit(`DCO Remediation Commit for Ada\n\n${statement(ada, bad)}\n\n${signoff(ada)}\n`);
      const { verdicts, config } = await verdictsOf(repo);
      expect(config.allowRemediationCommits).toEqual({ individual: false, thirdParty: false });
      expect(verdicts.map((v) => v.reason)).toEqual(['The sign-off is missing.', null]);
    });

    it('count, switched on in .github/dco.yml on the default branch, for the author alone', async () => {
      const repo = setUp(individualOnly);
      const bad = repo.commit('forgot\n');
      const badToo = repo.commit('forgot again\n');
      repo.commit(`DCO Remediation Commit for Ada\n\n${statement(ada, bad)}\n\n${signoff(ada)}\n`);
      // Bex cannot sign off for Ada's commit: the remediating author must be the commit's.
      repo.commit(`remediate for Ada\n\n${statement(ada, badToo)}\n\n${signoff(bex)}\n`, {
        author: bex,
      });
      const { verdicts } = await verdictsOf(repo);
      expect(verdicts.map((v) => v.reason)).toEqual([null, 'The sign-off is missing.', null, null]);
    });

    it('are read from the default branch, not from the branch checked', async () => {
      const repo = setUp();
      const bad = repo.commit('forgot\n');
      repo.commit(`turn it on here\n\n${statement(ada, bad)}\n\n${signoff(ada)}\n`, {
        file: '.github/dco.yml',
        content: individualOnly,
      });
      const { verdicts } = await verdictsOf(repo);
      expect(verdicts[0]!.reason).toBe('The sign-off is missing.');
    });

    it('by a third party count only when both switches are on, by the remediating author or committer', async () => {
      const thirdParty = (who: Who, sha: string) =>
        `On behalf of ${who.name} <${who.email}>, I, ${carol.name} <${carol.email}>, hereby add my Signed-off-by to this commit: ${sha}`;
      for (const [yml, expected] of [
        [individualOnly, 'The sign-off is missing.'],
        [both, null],
      ] as const) {
        const repo = setUp(yml);
        const bad = repo.commit('forgot\n');
        repo.commit(
          `Third-Party DCO Remediation Commit\n\n${thirdParty(ada, bad)}\n\n${signoff(bex)}\n`,
          {
            author: bex,
            committer: carol,
          },
        );
        const { verdicts } = await verdictsOf(repo);
        expect(verdicts[0]!.reason).toBe(expected);
        expect(verdicts[1]!.ok).toBe(true);
      }
    });

    it('a remediation with trailing spaces after the sha does not count (the sha must match exactly)', async () => {
      const repo = setUp(individualOnly);
      const bad = repo.commit('forgot\n');
      repo.commit(`remediate\n\n${statement(ada, bad)}  \n\n${signoff(ada)}\n`);
      const { verdicts } = await verdictsOf(repo);
      expect(verdicts[0]!.reason).toBe('The sign-off is missing.');
    });
  });

  it('with require.members false, asks a member’s unsigned commit to be verified', async () => {
    const repo = setUp('require:\n  members: false\n');
    repo.commit('member commit\n');
    const commits = (await readCommits(repo.dir, ['--reverse', 'main..topic'])).map(toDcoCommit);
    const config = { ...defaultDcoConfig, require: { members: false } };
    const member = () => true;
    expect(checkDco(commits, { config, isMember: member })[0]!.reason).toBe(
      'Commit by organization member is not verified.',
    );
    expect(
      checkDco([{ ...commits[0]!, verified: true }], { config, isMember: member })[0],
    ).toMatchObject({ ok: true, skipped: 'verified-member' });
    expect(checkDco(commits, { config, isMember: () => false })[0]!.reason).toBe(
      'The sign-off is missing.',
    );
  });

  it('with require.members false, skips a member’s commit git verifies, as the app does', async () => {
    const repo = setUp('require:\n  members: false\n');
    repo.trustSshKeyOf(ada);
    repo.commit('signed by a member\n', { sign: true });
    repo.commit('unsigned, by a member\n');
    repo.commit('unsigned, by someone else\n', { author: bex });
    repo.commit(`signed off by someone else\n\n${signoff(bex)}\n`, { author: bex, sign: true });
    const members = { members: ['ADA@example.org'] };
    const { verdicts } = await checkRange(repo.dir, 'main..topic', members);
    expect(verdicts.map((v) => [v.skipped, v.reason])).toEqual([
      ['verified-member', null],
      [null, 'Commit by organization member is not verified.'],
      [null, 'The sign-off is missing.'],
      [null, null],
    ]);
    // Members are asked to sign off like anyone else when the configuration says nothing.
    const strict = setUp();
    strict.trustSshKeyOf(ada);
    strict.commit('signed by a member\n', { sign: true });
    expect((await checkRange(strict.dir, 'main..topic', members)).verdicts[0]!.reason).toBe(
      'The sign-off is missing.',
    );
  });
});
