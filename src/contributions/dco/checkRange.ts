import { readCommits, type GitCommit } from '../git/readCommits.ts';
import { defaultBranchOf, fileAt } from '../git/repositoryFacts.ts';
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
  options: { defaultBranch?: string | null; bots?: readonly string[]; branch?: string } = {},
): Promise<RangeCheck> {
  // The configuration and the commits are read by two gits at once.
  const [config, commits] = await Promise.all([
    dcoConfigOf(repoPath, options.defaultBranch ?? null),
    readCommits(repoPath, ['--reverse', '--end-of-options', range]),
  ]);
  return checkCommits(commits, {
    config,
    bots: options.bots ?? [],
    branch: options.branch ?? range.split('..').pop() ?? range,
  });
}

/** Commits already read (oldest first), checked, with the remediation text for the branch. */
export function checkCommits(
  commits: readonly GitCommit[],
  options: { config: DcoConfig; bots: readonly string[]; branch: string },
): RangeCheck {
  const { config } = options;
  const verdicts = checkDco(commits.map(toDcoCommit), { config, isBot: botMatcher(options.bots) });
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
