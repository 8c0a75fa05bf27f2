import { readCommits, type GitCommit } from '../git/readCommits.ts';
import { defaultBranchOf, fileAt, verifiedCommits } from '../git/repositoryFacts.ts';
import { botMatcher } from './botPatterns.ts';
import {
  checkDco,
  failingInAppOrder,
  type DcoCommit,
  type DcoConfig,
  type DcoVerdict,
} from './checkDco.ts';
import { parseDcoConfig } from './dcoConfig.ts';
import { remediationText } from './remediationText.ts';

export const dcoConfigPath = '.github/dco.yml';

export const toDcoCommit = (c: GitCommit): DcoCommit => ({
  sha: c.sha,
  parents: c.parents,
  message: c.message,
  author: { name: c.authorName, email: c.authorEmail },
  committer: { name: c.committerName, email: c.committerEmail },
});

/** Whose commits count as a member's (`require.members: false`): by the author's email. */
export const memberMatcher =
  (lowerCasedEmails: ReadonlySet<string>) =>
  (commit: DcoCommit): boolean =>
    lowerCasedEmails.has(commit.author.email.toLowerCase());

/**
 * The DCO check of commits read from a repository. With `require.members: false`, a member's
 * commit is skipped when signed with a key git trusts (the app's "verified"), so git is asked
 * about those commits' signatures, and about no others.
 */
export async function checkDcoInRepository(
  repoPath: string,
  commits: readonly DcoCommit[],
  context: {
    config: DcoConfig;
    isBot: (c: DcoCommit) => boolean;
    isMember: (c: DcoCommit) => boolean;
  },
): Promise<DcoVerdict[]> {
  if (context.config.require.members) return checkDco(commits, context);
  const members = commits.filter((c) => c.parents.length <= 1 && context.isMember(c));
  const verified = await verifiedCommits(
    repoPath,
    members.map((c) => c.sha),
  );
  return checkDco(
    verified.size === 0
      ? commits
      : commits.map((c) => (verified.has(c.sha) ? { ...c, verified: true } : c)),
    context,
  );
}

/** `.github/dco.yml` as it stands on the default branch (the app reads it there, not on the branch). */
export async function dcoConfigOf(
  repoPath: string,
  defaultBranch: string | null,
): Promise<DcoConfig> {
  const branch = defaultBranch ?? (await defaultBranchOf(repoPath));
  return parseDcoConfig(branch ? await fileAt(repoPath, branch, '.github/dco.yml') : null);
}

export interface RangeCheck {
  config: DcoConfig;
  verdicts: DcoVerdict[];
  /** The app's guidance for the failures, empty when every commit passes. */
  remediation: string;
}

/** The commits of `base..head` oldest first (as `git rev-list --reverse`), checked. */
export async function checkRange(
  repoPath: string,
  range: string,
  options: {
    defaultBranch?: string | null;
    bots?: readonly string[];
    /** The co-op's members' emails, for `require.members: false`. */
    members?: readonly string[];
    branch?: string;
  } = {},
): Promise<RangeCheck> {
  // The configuration and the commits are read by two gits at once.
  const [config, commits] = await Promise.all([
    dcoConfigOf(repoPath, options.defaultBranch ?? null),
    readCommits(repoPath, ['--reverse', '--end-of-options', range]),
  ]);
  return checkCommits(repoPath, commits, {
    config,
    bots: options.bots ?? [],
    members: new Set((options.members ?? []).map((e) => e.toLowerCase())),
    branch: options.branch ?? range.split('..').pop() ?? range,
  });
}

/** Commits already read (oldest first), checked, with the remediation text for the branch. */
export async function checkCommits(
  repoPath: string,
  commits: readonly GitCommit[],
  options: {
    config: DcoConfig;
    bots: readonly string[];
    members: ReadonlySet<string>;
    branch: string;
  },
): Promise<RangeCheck> {
  const { config } = options;
  const verdicts = await checkDcoInRepository(repoPath, commits.map(toDcoCommit), {
    config,
    isBot: botMatcher(options.bots),
    isMember: memberMatcher(options.members),
  });
  const failures = failingInAppOrder(verdicts);
  return {
    config,
    verdicts,
    remediation:
      failures.length === 0
        ? ''
        : remediationText({
            failures,
            commitCount: commits.length,
            config,
            branch: options.branch,
          }),
  };
}
