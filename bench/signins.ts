/** The HTTP side: sign-ins against a running server, measured from the client. */
import { summarize, type LatencySummary } from './stats.ts';

export interface Reply {
  status: number;
  ms: number;
  cookie?: string;
  body?: unknown;
  error?: string;
}

/** One POST with a JSON body, timed from the call to the last byte of the response. */
export async function post(
  base: string,
  path: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const t0 = performance.now();
  try {
    const res = await fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: res.status, ms, body: parsed, ...(cookie ? { cookie } : {}) };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { status: 0, ms: performance.now() - t0, error: cause ?? String(error) };
  }
}

export const statusCounts = (replies: readonly Reply[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const r of replies) {
    const key = r.status === 0 ? `error ${r.error}` : String(r.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};

export interface Credentials {
  email: string;
  code: string;
}

export interface SignedInMember {
  email: string;
  personId: string;
  cookie: string;
  csrfToken: string;
}

export interface HerdResult {
  sent: number;
  ok: number;
  failed: number;
  statuses: Record<string, number>;
  /** How long this process took to start every request (the client's share of the herd). */
  dispatchMs: number;
  wallMs: number;
  perSecond: number;
  latency: LatencySummary;
  distinctPeople: number;
  signedIn: SignedInMember[];
}

/** Every code sign-in started at once, as at the opening of a conference. */
export async function codeHerd(
  base: string,
  credentials: readonly Credentials[],
): Promise<HerdResult> {
  const bodies = credentials.map((c) => JSON.stringify({ email: c.email, code: c.code }));
  const start = performance.now();
  const pending = bodies.map((body) => post(base, '/api/auth/login', body));
  const dispatchMs = performance.now() - start;
  const replies = await Promise.all(pending);
  const wallMs = performance.now() - start;
  const signedIn: SignedInMember[] = [];
  replies.forEach((r, i) => {
    const b = r.body as { personId?: string; csrfToken?: string } | undefined;
    if (r.status === 200 && r.cookie && b?.personId && b.csrfToken)
      signedIn.push({
        email: credentials[i]!.email,
        personId: b.personId,
        cookie: r.cookie,
        csrfToken: b.csrfToken,
      });
  });
  return {
    sent: replies.length,
    ok: signedIn.length,
    failed: replies.length - signedIn.length,
    statuses: statusCounts(replies),
    dispatchMs,
    wallMs,
    perSecond: (signedIn.length / wallMs) * 1000,
    latency: summarize(replies.map((r) => r.ms)),
    distinctPeople: new Set(signedIn.map((s) => s.personId)).size,
    signedIn,
  };
}

/** Code sign-ins one after another: the unloaded latency of the path. */
export async function soloSignIns(base: string, credentials: readonly Credentials[]) {
  const start = performance.now();
  const replies: Reply[] = [];
  for (const c of credentials)
    replies.push(
      await post(base, '/api/auth/login', JSON.stringify({ email: c.email, code: c.code })),
    );
  const wallMs = performance.now() - start;
  const ok = replies.filter((r) => r.status === 200).length;
  return {
    sent: replies.length,
    ok,
    statuses: statusCounts(replies),
    wallMs,
    perSecond: (ok / wallMs) * 1000,
    latency: summarize(replies.map((r) => r.ms)),
  };
}

/** The same codes again (all at once): each must be refused with 410 Gone. */
export async function reuseCodes(base: string, credentials: readonly Credentials[]) {
  const replies = await Promise.all(
    credentials.map((c) =>
      post(base, '/api/auth/login', JSON.stringify({ email: c.email, code: c.code })),
    ),
  );
  return {
    sent: replies.length,
    refused410: replies.filter((r) => r.status === 410).length,
    statuses: statusCounts(replies),
  };
}

/** Do the herd's session cookies really sign their holders in? Checks a sample. */
export async function checkSessions(base: string, sample: readonly SignedInMember[]) {
  let ok = 0;
  for (const m of sample) {
    const res = await fetch(`${base}/api/session`, { headers: { cookie: m.cookie } });
    const body = (await res.json()) as { user?: { personId?: string } | null };
    if (res.ok && body.user?.personId === m.personId) ok++;
  }
  return { checked: sample.length, ok };
}

/** First-time password for members signed in with a code (one argon2 hash each, server side). */
export async function setPasswords(
  base: string,
  members: readonly SignedInMember[],
  password: string,
  concurrency: number,
) {
  const start = performance.now();
  const replies: Reply[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < members.length) {
        const m = members[next++]!;
        replies.push(
          await post(base, '/api/auth/password', JSON.stringify({ newPassword: password }), {
            cookie: m.cookie,
            'x-csrf-token': m.csrfToken,
          }),
        );
      }
    }),
  );
  return {
    sent: replies.length,
    ok: replies.filter((r) => r.status === 204).length,
    statuses: statusCounts(replies),
    wallMs: performance.now() - start,
  };
}

/** One password sign-in for the i-th request, cycling through the accounts. */
export const passwordSignIn =
  (base: string, emails: readonly string[], password: string) =>
  (_worker: number, i: number): Promise<Reply> =>
    post(base, '/api/auth/login', JSON.stringify({ email: emails[i % emails.length], password }));
