import type { DcoConfig, DcoVerdict } from './checkDco.ts';

/**
 * What the app writes under a failing check: how to sign off next time, then the remediation
 * commits to paste (when `.github/dco.yml` allows them) and the rebase, in its words. The pull
 * request's branch becomes the branch checked; `failures` in the app's order (by author).
 */
export function remediationText(input: {
  failures: readonly DcoVerdict[];
  commitCount: number;
  config: DcoConfig;
  branch: string;
}): string {
  const { failures, commitCount, config, branch } = input;
  const allow = config.allowRemediationCommits;
  let text =
    failures.length === 1
      ? 'There is one commit incorrectly signed off.  This means that the author of this commit failed to include a Signed-off-by line in the commit message.\n\n'
      : `There are ${failures.length} commits incorrectly signed off.  This means that the author(s) of these commits failed to include a Signed-off-by line in their commit message.\n\n`;
  text += `To avoid having PRs blocked in the future, always include \`Signed-off-by: Author Name <authoremail@example.com>\` in *every* commit message. You can also do this automatically by using the -s flag (i.e., \`git commit -s\`).

Here is how to fix the problem so that this code can be merged.\n\n`;

  let rebaseLabel = '';
  if (allow.individual || allow.thirdParty) {
    text += `---\n\n### Preferred method: Commit author adds a DCO remediation commit

A *DCO Remediation Commit* contains special text in the commit message that applies a missing Signed-off-by line in a subsequent commit.  The primary benefit of this method is that the project’s history does not change, and there is no risk of breaking someone else’s work.

These authors can unblock this PR by adding a new commit to this branch with the following text in their commit message:\n`;
    text += sections(failures, (who, v) => ({
      heading: `#### ${v.author} &lt;${v.email}&gt;\n\`\`\`\nDCO Remediation Commit for ${who}\n\n`,
      line: `I, ${who}, hereby add my Signed-off-by to this commit: ${v.sha}\n`,
      close: `\nSigned-off-by: ${who}\n\`\`\`\n`,
    }));
    text +=
      '\n\nPlease note: You should avoid adding empty commits (i.e., `git commit -s --allow-empty`), because these will be discarded if someone rebases the branch / repo.\n';
    if (allow.thirdParty) {
      text += `\n---\n\n### Alternate method: An employer adds a DCO Remediation Commit

If the contents of this commit were contributed on behalf of a third party (generally, the author’s employer), an authorized individual may add a Third-Party DCO Remediation Commit.  This may be necessary if the original author is unavailable to add their own DCO Remediation Commit to this branch.

If you are about to add a Third-Party DCO Remediation Commit under DCO section (b) or (c), be sure you are authorized by your employer to take this action.  Generally speaking, maintainers and other project contributors cannot sign off on behalf of project contributors, unless there is some relationship which permits this action.  It is your responsibility to verify this.

This PR can be unblocked by an authorized third party adding one or more new commits to this branch with the following text in the commit message.  Replace YOUR_COMPANY with your company name, YOUR_NAME with the name of the authorized representative, and YOUR_EMAIL with the representative’s email address.

For the sake of clarity, please use a separate commit per author:\n`;
      text += sections(failures, (who, v) => ({
        heading: `#### On behalf of ${v.author} &lt;${v.email}&gt;\n\`\`\`\nThird-Party DCO Remediation Commit for ${who}\n\n`,
        line: `On behalf of ${who}, I, YOUR_NAME <YOUR_EMAIL>, hereby add my Signed-off-by to this commit: ${v.sha}\n`,
        close: '\nSigned-off-by: YOUR_NAME <YOUR_EMAIL>\n```\n',
      }));
    }
    rebaseLabel = 'Least preferred method: ';
  }

  text += `\n---\n\n### ${rebaseLabel}Rebase the branch

If you have a local git environment and meet the criteria below, one option is to rebase the branch and add your Signed-off-by lines in the new commits.  Please note that if others have already begun work based upon the commits in this branch, this solution will rewrite history and may cause serious issues for collaborators ([described in the git documentation](https://git-scm.com/book/en/v2/Git-Branching-Rebasing) under "The Perils of Rebasing").

You should only do this if:

* You are the only author of the commits in this branch
* You are absolutely certain nobody else is doing any work based upon this branch
* There are no empty commits in the branch (for example, a DCO Remediation Commit which was added using \`--allow-empty\`)

To add your Signed-off-by line to every commit in this branch:

1. Ensure you have a local copy of your branch by [checking out the pull request locally via command line](https://help.github.com/en/github/collaborating-with-issues-and-pull-requests/checking-out-pull-requests-locally).
1. In your local branch, run: \`git rebase HEAD~${commitCount} --signoff\`
1. Force push your changes to overwrite the branch: \`git push --force-with-lease origin ${branch}\`\n\n---\n\n`;
  return text;
}

/** One fenced section per run of commits by the same author, as the app groups them. */
function sections(
  failures: readonly DcoVerdict[],
  parts: (who: string, v: DcoVerdict) => { heading: string; line: string; close: string },
): string {
  let text = '';
  let current = '';
  let close = '';
  for (const v of failures) {
    const who = `${v.author} <${v.email}>`;
    const p = parts(who, v);
    if (current !== who) {
      text += close;
      current = who;
      text += p.heading;
    }
    close = p.close;
    text += p.line;
  }
  return text + close;
}

/** The app's summary line per failing commit, under the guidance. */
export const summaryLines = (failures: readonly DcoVerdict[]): string =>
  failures
    .map(
      (v) =>
        `Commit sha: ${v.sha.slice(0, 7)}, Author: ${v.author}, Committer: ${v.committer}; ${v.reason}`,
    )
    .join('\n');
