import emailValidator from 'email-validator';

/**
 * The DCO check, with the rules and the messages of the DCO GitHub app (dcoapp/app, its
 * lib/dco.js): the commits it looks at, the sign-off line's syntax, how names and emails are
 * compared, the email check, the remediation commits, and its failure messages word for word.
 * Pure: plain commits in, one verdict per commit out.
 */

export interface GitIdentity {
  name: string;
  email: string;
}

export interface DcoCommit {
  sha: string;
  parents: readonly string[];
  /** The whole commit message, as `git log --format=%B` prints it. */
  message: string;
  author: GitIdentity;
  committer: GitIdentity;
  /** The commit carries a good signature (the app's "verified"); git alone rarely says so. */
  verified?: boolean;
}

/** `.github/dco.yml` on the default branch, merged over the app's defaults. */
export interface DcoConfig {
  require: { members: boolean };
  allowRemediationCommits: { individual: boolean; thirdParty: boolean };
}

export const defaultDcoConfig: DcoConfig = {
  require: { members: true },
  allowRemediationCommits: { individual: false, thirdParty: false },
};

export interface DcoContext {
  config: DcoConfig;
  /**
   * Git has no account types: which authors are bots is configuration (the app skips commits
   * whose GitHub account is a bot).
   */
  isBot?: (commit: DcoCommit) => boolean;
  /**
   * With `require.members: false`, whether the author belongs to the organization (here: is a
   * member of the co-op). Without it, sign-off is required of everyone.
   */
  isMember?: (commit: DcoCommit) => boolean;
}

export type SkipReason = 'merge' | 'bot' | 'verified-member';

export interface DcoVerdict {
  sha: string;
  subject: string;
  ok: boolean;
  /** Why the commit was not examined; null when it was. */
  skipped: SkipReason | null;
  /** The app's failure message; null when the commit passes or is skipped. */
  reason: string | null;
  author: string;
  email: string;
  committer: string;
}

type SignoffKind = 'explicit' | 'individualRemediation' | 'thirdPartyRemediation';
interface Signoff {
  name: string;
  email: string;
  kind: SignoffKind;
}

// The sign-off line: the keyword in any case at the start of a line, one space, a name, one
// space, an email between angle brackets, and only whitespace after it.
const signoffLine = /^Signed-off-by: (.*) <(.*)>\s*$/gim;
const individualRemediationLine =
  /^I, (.*) <(.*)>, hereby add my Signed-off-by to this commit: (.*)\s*$/gim;
const thirdPartyRemediationLine =
  /^On behalf of (.*) <(.*)>, I, (.*) <(.*)>, hereby add my Signed-off-by to this commit: (.*)\s*$/gim;

const lower = (s: string) => s.toLowerCase();
const same = (a: string, b: string) => lower(a) === lower(b);

export const subjectOf = (message: string): string => message.split('\n', 1)[0] ?? '';

/** Every sign-off line of a message, in order. */
export function signoffsIn(message: string): GitIdentity[] {
  return [...message.matchAll(signoffLine)].map((m) => ({ name: m[1]!, email: m[2]! }));
}

/**
 * The remediation statements of every commit in the range, by the sha they remediate, each with
 * the commit that states it (whose author, or committer for a third party, must be the one
 * speaking). Gathered once, so a range of n commits costs n scans, not n².
 */
function remediationsBySha(commits: readonly DcoCommit[], config: DcoConfig) {
  const individual = new Map<string, { by: DcoCommit; name: string; email: string }[]>();
  const thirdParty = new Map<
    string,
    { by: DcoCommit; name: string; email: string; agentName: string; agentEmail: string }[]
  >();
  // As in the app, third-party remediation is looked for only when individual remediation is on.
  if (!config.allowRemediationCommits.individual) return { individual, thirdParty };
  for (const commit of commits) {
    for (const m of commit.message.matchAll(individualRemediationLine)) {
      const list = individual.get(m[3]!) ?? [];
      list.push({ by: commit, name: m[1]!, email: m[2]! });
      individual.set(m[3]!, list);
    }
    if (!config.allowRemediationCommits.thirdParty) continue;
    for (const m of commit.message.matchAll(thirdPartyRemediationLine)) {
      const list = thirdParty.get(m[5]!) ?? [];
      list.push({ by: commit, name: m[1]!, email: m[2]!, agentName: m[3]!, agentEmail: m[4]! });
      thirdParty.set(m[5]!, list);
    }
  }
  return { individual, thirdParty };
}

function signoffsFor(
  commit: DcoCommit,
  remediations: ReturnType<typeof remediationsBySha>,
): Signoff[] {
  const found: Signoff[] = signoffsIn(commit.message).map((s) => ({ ...s, kind: 'explicit' }));
  const { author } = commit;
  // An individual remediation counts when the remediating commit's author is this commit's
  // author and the statement names them.
  for (const r of remediations.individual.get(commit.sha) ?? [])
    if (
      same(author.name, r.by.author.name) &&
      same(author.name, r.name) &&
      same(author.email, r.by.author.email) &&
      same(author.email, r.email)
    )
      found.push({ name: r.name, email: r.email, kind: 'individualRemediation' });
  // A third party speaks for this commit's author, and is the remediating commit's author or
  // committer.
  for (const r of remediations.thirdParty.get(commit.sha) ?? [])
    if (
      same(author.name, r.name) &&
      same(author.email, r.email) &&
      ((same(r.by.author.name, r.agentName) && same(r.by.author.email, r.agentEmail)) ||
        (same(r.by.committer.name, r.agentName) && same(r.by.committer.email, r.agentEmail)))
    )
      found.push({ name: r.name, email: r.email, kind: 'thirdPartyRemediation' });
  return found;
}

// A repository has far fewer people than commits: each address is judged once per run.
const validEmails = new Map<string, boolean>();
function validEmail(email: string): boolean {
  let valid = validEmails.get(email);
  if (valid === undefined) {
    valid = emailValidator.validate(email);
    if (validEmails.size > 100_000) validEmails.clear();
    validEmails.set(email, valid);
  }
  return valid;
}

const quoted = (who: GitIdentity) => `"${who.name} <${who.email}>"`;

/** The app's message for a commit it examined, or null when the commit passes. */
function failureOf(commit: DcoCommit, signoffs: Signoff[], required: boolean): string | null {
  if (signoffs.length === 0)
    return required ? 'The sign-off is missing.' : 'Commit by organization member is not verified.';
  const email = commit.author.email || commit.committer.email;
  if (!validEmail(email)) return `${email} is not a valid email address.`;
  // Name and email are each compared with the author's and the committer's, independently.
  const names = [lower(commit.author.name), lower(commit.committer.name)];
  const emails = [lower(commit.author.email), lower(commit.committer.email)];
  const matches = (s: Signoff) => names.includes(lower(s.name)) && emails.includes(lower(s.email));
  if (signoffs.length === 1) {
    const only = signoffs[0]!;
    if (only.kind !== 'thirdPartyRemediation' && !matches(only))
      return `Expected ${quoted(commit.author)}, but got ${quoted(only)}.`;
    return null;
  }
  if (signoffs.some((s) => s.kind === 'thirdPartyRemediation' || matches(s))) return null;
  return `Can not find ${quoted(commit.author)}, in [${signoffs.map(quoted).join(', ')}].`;
}

/** One verdict per commit, in the order given (oldest first, as `git rev-list --reverse`). */
export function checkDco(commits: readonly DcoCommit[], context: DcoContext): DcoVerdict[] {
  const remediations = remediationsBySha(commits, context.config);
  return commits.map((commit) => {
    const base = {
      sha: commit.sha,
      subject: subjectOf(commit.message),
      author: commit.author.name,
      email: commit.author.email,
      committer: commit.committer.name,
    };
    const required = context.config.require.members || !(context.isMember?.(commit) ?? false);
    let skipped: SkipReason | null = null;
    if (commit.parents.length > 1) skipped = 'merge';
    else if (!required && commit.verified) skipped = 'verified-member';
    else if (context.isBot?.(commit)) skipped = 'bot';
    if (skipped) return { ...base, ok: true, skipped, reason: null };
    const reason = failureOf(commit, signoffsFor(commit, remediations), required);
    return { ...base, ok: reason === null, skipped: null, reason };
  });
}

/** The failing verdicts in the order the app lists them: by author name. */
export const failingInAppOrder = (verdicts: readonly DcoVerdict[]): DcoVerdict[] =>
  verdicts.filter((v) => !v.ok).sort((a, b) => a.author.localeCompare(b.author));
