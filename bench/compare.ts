/**
 * Password sign-ins over HTTP against bare argon2id verifications in this process, at the same
 * concurrency. The machine is shared and noisy, so the two alternate in short rounds and each
 * side's rate is its total over all rounds: both see the same weather.
 */
import { bareVerifier } from './hashCost.ts';
import { passwordSignIn, statusCounts, type Reply } from './signins.ts';
import { runFor, summarize } from './stats.ts';

export interface PasswordComparison {
  concurrency: number;
  rounds: number;
  path: {
    sent: number;
    ok: number;
    failed: number;
    statuses: Record<string, number>;
    wallMs: number;
    perSecond: number;
    latency: ReturnType<typeof summarize>;
  };
  bare: {
    sequential: { count: number; wallMs: number; perSecond: number; meanMs: number };
    concurrent: { count: number; wallMs: number; perSecond: number };
  };
  /** Path throughput over bare hash throughput at the same concurrency. */
  ratio: number;
  /** Machine time a sign-in costs beyond its hash, at saturation: 1/path − 1/bare. */
  overheadMsPerSignIn: number;
}

export async function comparePasswordPath(options: {
  base: string;
  emails: readonly string[];
  password: string;
  concurrency: number;
  pathSeconds: number;
  hashSeconds: number;
  rounds?: number;
}): Promise<PasswordComparison> {
  const { concurrency } = options;
  const rounds = options.rounds ?? 5;
  const verify = await bareVerifier(options.password);
  const signIn = passwordSignIn(options.base, options.emails, options.password);

  const seq = await runFor(1, options.hashSeconds / 4, verify);
  const replies: Reply[] = [];
  const latencies: number[] = [];
  let pathWall = 0;
  let bareCount = 0;
  let bareWall = 0;
  let offset = 0;
  for (let round = 0; round < rounds; round++) {
    const path = await runFor(concurrency, options.pathSeconds / rounds, (w, i) =>
      signIn(w, offset + i),
    );
    offset += path.results.length;
    replies.push(...path.results);
    latencies.push(...path.latenciesMs);
    pathWall += path.wallMs;
    const bare = await runFor(concurrency, (options.hashSeconds * 3) / 4 / rounds, verify);
    bareCount += bare.results.length;
    bareWall += bare.wallMs;
  }

  const ok = replies.filter((r) => r.status === 200).length;
  const pathRate = (ok / pathWall) * 1000;
  const bareRate = (bareCount / bareWall) * 1000;
  return {
    concurrency,
    rounds,
    path: {
      sent: replies.length,
      ok,
      failed: replies.length - ok,
      statuses: statusCounts(replies),
      wallMs: pathWall,
      perSecond: pathRate,
      latency: summarize(latencies),
    },
    bare: {
      sequential: {
        count: seq.results.length,
        wallMs: seq.wallMs,
        perSecond: (seq.results.length / seq.wallMs) * 1000,
        meanMs: seq.wallMs / seq.results.length,
      },
      concurrent: { count: bareCount, wallMs: bareWall, perSecond: bareRate },
    },
    ratio: pathRate / bareRate,
    overheadMsPerSignIn: 1000 / pathRate - 1000 / bareRate,
  };
}
