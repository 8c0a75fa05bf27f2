/** The bare cost of the password check the sign-in path performs, measured in this process. */
import { hashPassword, verifyPassword } from '../src/platform/passwords.ts';
import { runFor, summarize } from './stats.ts';

export async function bareVerifyCost(password: string, concurrency: number, seconds: number) {
  const hash = await hashPassword(password);
  if (!(await verifyPassword(hash, password))) throw new Error('verifyPassword rejected its hash');
  await verifyPassword(hash, password); // warm

  const seq = await runFor(1, seconds / 3, () => verifyPassword(hash, password));
  const par = await runFor(concurrency, (seconds * 2) / 3, () => verifyPassword(hash, password));
  const seqLatency = summarize(seq.latenciesMs);
  return {
    threadPoolSize: Number(process.env.UV_THREADPOOL_SIZE ?? 4),
    sequential: {
      count: seq.results.length,
      perSecond: (seq.results.length / seq.wallMs) * 1000,
      msEach: seqLatency.p50Ms,
      latency: seqLatency,
    },
    concurrent: {
      concurrency,
      count: par.results.length,
      perSecond: (par.results.length / par.wallMs) * 1000,
      latency: summarize(par.latenciesMs),
    },
  };
}
