import { runGit } from '../git/runGit.ts';

export interface Integration {
  at: string;
  by: string;
}

/**
 * When each commit new on the default branch arrived there: the committer time of the mainline
 * (first-parent) commit that brought it: itself for a commit made or fast-forwarded onto the
 * branch, the merge for the commits of a merged branch. Pure over `commits` (sha, parents,
 * committer time) of `oldTip..newTip`, which is what `newTip` brought.
 */
export function integrationsOf(
  commits: readonly { sha: string; parents: readonly string[]; committedAt: string }[],
  newTip: string,
): Map<string, Integration> {
  const bySha = new Map(commits.map((c) => [c.sha, c]));
  const mainline: string[] = [];
  for (let sha: string | undefined = newTip; sha && bySha.has(sha);) {
    mainline.push(sha);
    sha = bySha.get(sha)!.parents[0];
  }
  const result = new Map<string, Integration>();
  for (const m of mainline.reverse()) {
    const integration = { at: bySha.get(m)!.committedAt, by: m };
    const stack = [m];
    while (stack.length > 0) {
      const sha = stack.pop()!;
      if (result.has(sha) || !bySha.has(sha)) continue;
      result.set(sha, integration);
      stack.push(...bySha.get(sha)!.parents);
    }
  }
  return result;
}

/** The integrations brought by the default branch moving from `oldTip` (null: first sync) to `newTip`. */
export async function readIntegrations(
  repoPath: string,
  newTip: string,
  oldTip: string | null,
): Promise<Map<string, Integration>> {
  // Through a file: the sync stores batches meanwhile, and a pipe would hold git back.
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
