import { checkRange } from '../../contributions/dco/checkRange.ts';
import { DcoConfigError } from '../../contributions/dco/dcoConfig.ts';
import { isRepository } from '../../contributions/git/repositoryFacts.ts';
import { GitError } from '../../contributions/git/runGit.ts';

/** `coop contributions check-dco REPO --range BASE..HEAD [--json]`: returns the exit status. */
export async function checkDcoCommand(
  repo: string,
  options: {
    range: string;
    json?: boolean;
    bot: string[];
    member?: string[];
    defaultBranch?: string;
  },
): Promise<number> {
  if (!(await isRepository(repo))) {
    console.error(`${repo} is not a git repository.`);
    return 1;
  }
  try {
    const result = await checkRange(repo, options.range, {
      bots: options.bot,
      members: options.member ?? [],
      defaultBranch: options.defaultBranch ?? null,
    });
    const failed = result.verdicts.some((v) => !v.ok);
    if (options.json) {
      console.log(
        JSON.stringify(
          result.verdicts.map(({ sha, subject, ok, skipped, reason }) => ({
            sha,
            subject,
            ok,
            skipped: skipped !== null,
            reason,
          })),
        ),
      );
    } else {
      for (const v of result.verdicts) {
        const mark = v.skipped ? `skip (${v.skipped})` : v.ok ? 'ok' : 'FAIL';
        console.log(
          `${mark.padEnd(22)} ${v.sha.slice(0, 12)} ${v.subject}${v.reason ? `\n${' '.repeat(23)}${v.reason}` : ''}`,
        );
      }
      console.log(
        `${result.verdicts.length} commits, ${result.verdicts.filter((v) => !v.ok).length} failing.`,
      );
      if (failed) console.log(`\n${result.remediation}`);
    }
    return failed ? 1 : 0;
  } catch (error) {
    if (error instanceof GitError || error instanceof DcoConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
