import { isAncestor } from '../git/repositoryFacts.ts';
import { runGit } from '../git/runGit.ts';

export interface Integration {
  at: string;
  by: string;
}

/** What the integrations need of a commit: its parents and its committer time. */
export interface Lineage {
  parents: readonly string[];
  committedAt: string;
}

/**
 * When each commit new on the default branch arrived there: the committer time of the mainline
 * (first-parent) commit that brought it: itself for a commit made or fast-forwarded onto the
 * branch, the merge for the commits of a merged branch. Walks `commits` only: `outside` holds
 * the parents it reached that `commits` lacks (commits stored before, or older than the old tip).
 */
export function walkIntegrations(
  commits: ReadonlyMap<string, Lineage>,
  newTip: string,
): { integrations: Map<string, Integration>; outside: Set<string> } {
  const mainline: string[] = [];
  for (let sha: string | undefined = newTip; sha !== undefined;) {
    const commit = commits.get(sha);
    if (!commit) break;
    mainline.push(sha);
    sha = commit.parents[0];
  }
  const integrations = new Map<string, Integration>();
  const outside = new Set<string>();
  const stack: string[] = [];
  for (let i = mainline.length - 1; i >= 0; i--) {
    const m = mainline[i]!;
    const integration = { at: commits.get(m)!.committedAt, by: m };
    stack.push(m);
    while (stack.length > 0) {
      const sha = stack.pop()!;
      if (integrations.has(sha)) continue;
      const commit = commits.get(sha);
      if (!commit) {
        outside.add(sha);
        continue;
      }
      integrations.set(sha, integration);
      for (const parent of commit.parents) stack.push(parent);
    }
  }
  return { integrations, outside };
}

/** The integrations of `oldTip..newTip`, given exactly those commits (sha, parents, committer time). */
export function integrationsOf(
  commits: readonly ({ sha: string } & Lineage)[],
  newTip: string,
): Map<string, Integration> {
  return walkIntegrations(new Map(commits.map((c) => [c.sha, c])), newTip).integrations;
}

/** The integrations brought by the default branch moving from `oldTip` (null: first sync) to `newTip`. */
export async function readIntegrations(
  repoPath: string,
  newTip: string,
  oldTip: string | null,
): Promise<Map<string, Integration>> {
  const { stdout } = await runGit(
    repoPath,
    ['log', '--format=%H%x00%P%x00%cI', newTip, ...(oldTip ? ['--not', oldTip] : [])],
    { viaFile: true },
  );
  const commits = stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [sha, parents, committedAt] = line.split('\x00');
      return { sha: sha!, parents: parents ? parents.split(' ') : [], committedAt: committedAt! };
    });
  return integrationsOf(commits, newTip);
}

// Beyond this many commits stored before and now reached, one `git log` beats asking of each.
const askEachUpTo = 32;

/**
 * The integrations of `oldTip..newTip` from the commits a sync's stream brought (every new
 * commit of every moved ref), without reading the branch again: enough when the stream holds
 * the new tip and everything the walk reaches beyond it is the old tip's history. A branch
 * stored before and merged now (its commits are not new, yet new on the default branch) takes
 * git's own log of the range.
 */
export async function integrationsAfterStream(
  repoPath: string,
  streamed: ReadonlyMap<string, Lineage>,
  newTip: string,
  oldTip: string | null,
): Promise<Map<string, Integration>> {
  if (streamed.has(newTip)) {
    const { integrations, outside } = walkIntegrations(streamed, newTip);
    if (outside.size === 0) return integrations;
    if (oldTip && outside.size <= askEachUpTo) {
      let within = true;
      for (const sha of outside) {
        if (!(await isAncestor(repoPath, sha, oldTip))) {
          within = false;
          break;
        }
      }
      if (within) return integrations;
    }
  }
  return readIntegrations(repoPath, newTip, oldTip);
}
