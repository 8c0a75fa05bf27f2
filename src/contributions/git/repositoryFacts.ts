import { runGit } from './runGit.ts';

/**
 * The default branch: the remote's (`origin/HEAD`) in a clone; HEAD in a bare mirror (where it
 * is the remote's default); else `main` or `master` when present (a clone's HEAD may be a
 * topic branch checked out); else whatever HEAD names.
 */
export async function defaultBranchOf(repoPath: string): Promise<string | null> {
  const remote = await runGit(
    repoPath,
    ['symbolic-ref', '-q', '--short', 'refs/remotes/origin/HEAD'],
    {
      allowStatus: [1, 128],
    },
  );
  if (remote.status === 0 && remote.stdout.trim()) return remote.stdout.trim();
  const bare =
    (await runGit(repoPath, ['rev-parse', '--is-bare-repository'])).stdout.trim() === 'true';
  if (!bare)
    for (const name of ['main', 'master'])
      if (
        (
          await runGit(repoPath, ['show-ref', '--verify', '-q', `refs/heads/${name}`], {
            allowStatus: [1],
          })
        ).status === 0
      )
        return name;
  return headBranch(repoPath);
}

/** The branch HEAD names (in a bare mirror, the remote's default branch). */
export async function headBranch(repoPath: string): Promise<string | null> {
  const { stdout, status } = await runGit(repoPath, ['symbolic-ref', '-q', '--short', 'HEAD'], {
    allowStatus: [1],
  });
  return status === 0 ? stdout.trim() || null : null;
}

/** A file's content at a revision, or null when the file (or the revision) is absent. */
export async function fileAt(
  repoPath: string,
  revision: string,
  file: string,
): Promise<string | null> {
  const { stdout, status } = await runGit(repoPath, ['cat-file', '-p', `${revision}:${file}`], {
    allowStatus: [128],
  });
  return status === 0 ? stdout : null;
}

/** Every branch and tag with the commit it points at (tags peeled to their commit). */
export async function listRefs(repoPath: string): Promise<Map<string, string>> {
  const { stdout } = await runGit(repoPath, [
    'for-each-ref',
    '--format=%(refname)%00%(objectname)%00%(*objectname)%00%(objecttype)%00%(*objecttype)',
    'refs/heads',
    'refs/tags',
  ]);
  const refs = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    if (!line) continue;
    const [name, sha, peeled, type, peeledType] = line.split('\x00');
    const commit = type === 'commit' ? sha : peeledType === 'commit' ? peeled : null;
    if (name && commit) refs.set(name, commit);
  }
  return refs;
}

/** Whether `ancestor` is reachable from `descendant` (false when either is unknown). */
export async function isAncestor(
  repoPath: string,
  ancestor: string,
  descendant: string,
): Promise<boolean> {
  const { status } = await runGit(repoPath, ['merge-base', '--is-ancestor', ancestor, descendant], {
    allowStatus: [1, 128],
  });
  return status === 0;
}

export async function objectExists(repoPath: string, sha: string): Promise<boolean> {
  const { status } = await runGit(repoPath, ['cat-file', '-e', `${sha}^{commit}`], {
    allowStatus: [1, 128],
  });
  return status === 0;
}

export async function isRepository(repoPath: string): Promise<boolean> {
  try {
    await runGit(repoPath, ['rev-parse', '--git-dir']);
    return true;
  } catch {
    return false;
  }
}
