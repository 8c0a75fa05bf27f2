import { runGit } from './runGit.ts';

/**
 * The default branch: the remote's (`origin/HEAD`) in a clone; HEAD in a bare mirror (where it
 * is the remote's default); else `main` or `master` when present (a clone's HEAD may be a
 * topic branch checked out); else whatever HEAD names.
 */
export async function defaultBranchOf(repoPath: string): Promise<string | null> {
  // Two gits at once, not one after the other: each start costs more than its work here.
  const [refs, head] = await Promise.all([
    runGit(repoPath, [
      'for-each-ref',
      '--format=%(refname)%00%(symref:short)',
      'refs/remotes/origin/HEAD',
      'refs/heads/main',
      'refs/heads/master',
    ]),
    runGit(repoPath, ['rev-parse', '--is-bare-repository', '--symbolic-full-name', 'HEAD'], {
      allowStatus: [128],
    }),
  ]);
  const found = new Map(
    refs.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\x00') as [string, string]),
  );
  const remote = found.get('refs/remotes/origin/HEAD');
  if (remote) return remote;
  const [bare, headRef] = head.stdout.split('\n');
  if (bare !== 'true')
    for (const name of ['main', 'master']) if (found.has(`refs/heads/${name}`)) return name;
  return headRef?.startsWith('refs/heads/') ? headRef.slice('refs/heads/'.length) : null;
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

/**
 * Of `shas`, the commits git finds a good signature on (`%G?` is `G`: checked against the keys
 * git trusts, such as the repository's `gpg.ssh.allowedSignersFile` or the server's GnuPG
 * keyring): the DCO app's "verified". One git for them all; each signed commit costs git a run
 * of gpg or ssh-keygen, so only the commits whose verification matters are asked about.
 */
export async function verifiedCommits(
  repoPath: string,
  shas: readonly string[],
): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const { stdout } = await runGit(
    repoPath,
    ['log', '--no-walk=unsorted', '--format=%H %G?', '--stdin'],
    { stdin: `${shas.join('\n')}\n` },
  );
  return new Set(
    stdout
      .split('\n')
      .filter((line) => line.endsWith(' G'))
      .map((line) => line.slice(0, -2)),
  );
}
