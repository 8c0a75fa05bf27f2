import type { DcoCommit } from './checkDco.ts';

/**
 * Which authors are bots, by configuration: each pattern is an email or a name, `*` matching
 * any run of characters, compared without regard to case (`*[bot]@users.noreply.github.com`,
 * `renovate[bot]`).
 */
export function botMatcher(patterns: readonly string[]): (commit: DcoCommit) => boolean {
  if (patterns.length === 0) return () => false;
  const regexes = patterns.map(
    (p) =>
      new RegExp(
        `^${p
          .split('*')
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
        'i',
      ),
  );
  return (commit) => regexes.some((r) => r.test(commit.author.email) || r.test(commit.author.name));
}
