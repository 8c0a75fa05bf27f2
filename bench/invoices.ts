/**
 * The invoice-numbering benchmark (`node bench/invoices.ts`): finalising 1,000 invoices from 50
 * concurrent clients spread over two `coop serve` processes on one PostgreSQL (a scratch
 * database on BENCH_DATABASE_URL, by default the local server; skipped when it does not answer).
 *
 * In the same run, against the same database:
 *  1. drafting the 1,000 invoices the same way (50 clients, two processes): the app's cost for a
 *     write of similar size that takes no number;
 *  2. finalising them: each takes the next number (a counter row locked until commit), posts
 *     its entry and records the invoice; then the numbers are checked: 1..1,000, no gap, no
 *     duplicate, or the run fails;
 *  3. bare inserts: 1,000 one-row `insert ... returning` on a sequence from 50 pg connections,
 *     no app at all: the floor.
 * The table reports each rate and the ratios. Knobs: BENCH_INVOICES (1,000), BENCH_INVOICE_CLIENTS
 * (50), BENCH_DATABASE_URL.
 */
import pg from 'pg';
import { createScratchDatabase, defaultAdminUrl } from './postgres.ts';
import { startServer, type RunningServer } from './processes.ts';
import { HttpSession } from '../src/testing/serverProcess.ts';

const total = Number(process.env.BENCH_INVOICES ?? 1000);
const clients = Number(process.env.BENCH_INVOICE_CLIENTS ?? 50);
const log = (message: string) => console.error(`[bench:invoices] ${message}`);

/** Runs `work(i)` for i in 0..n-1 with `concurrency` workers; returns the wall time in ms. */
async function pool(n: number, concurrency: number, work: (i: number) => Promise<void>) {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await work(next++);
    }),
  );
  return performance.now() - start;
}

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? defaultAdminUrl;
  const scratch = await createScratchDatabase(adminUrl, adminUrl !== defaultAdminUrl);
  if ('skipped' in scratch) {
    console.log(`invoice numbering: skipped (${scratch.skipped})`);
    return;
  }
  const servers: RunningServer[] = [];
  try {
    const target = { kind: 'postgres' as const, url: scratch.url };
    servers.push(await startServer(target));
    servers.push(await startServer(target));
    const a = new HttpSession(servers[0]!.url);
    const setup = await a.call('POST', '/api/setup', {
      name: 'Bench Co-op',
      currency: 'EUR',
      admin: { displayName: 'Admin', email: 'admin@example.org', password: 'long password here' },
    });
    if (setup.status !== 201) throw new Error(`setup: ${JSON.stringify(setup.body)}`);
    await a.call('GET', '/api/session');
    const b = new HttpSession(servers[1]!.url);
    b.cookie = a.cookie;
    b.csrf = a.csrf;
    const settings = await a.call('PATCH', '/api/invoicing/settings', {
      legalName: 'Bench Co-op eG',
      vatId: 'DE123456789',
      city: 'Berlin',
      postcode: '10115',
      email: 'billing@bench.test',
    });
    if (settings.status !== 200) throw new Error(`settings: ${JSON.stringify(settings.body)}`);
    const sessions = [a, b];

    const ids: string[] = new Array(total);
    log(`drafting ${total} invoices from ${clients} clients over 2 processes`);
    const draftMs = await pool(total, clients, async (i) => {
      const r = await sessions[i % 2]!.call('POST', '/api/invoices', {
        buyer: {
          legalName: `Buyer ${i % 20} GmbH`,
          vatId: `DE9${String(i % 20).padStart(8, '0')}`,
          country: 'DE',
        },
        issueDate: '2027-03-10',
        lines: [
          {
            description: 'Retainer',
            quantity: '1',
            unitPrice: `${100 + i}.00`,
            vatCategory: 'S',
            vatRate: '19',
          },
        ],
      });
      if (r.status !== 201) throw new Error(`draft ${i}: ${JSON.stringify(r.body)}`);
      ids[i] = (r.body as { id: string }).id;
    });

    log(`finalising them`);
    const latencies: number[] = [];
    const finalizeMs = await pool(total, clients, async (i) => {
      const start = performance.now();
      const r = await sessions[i % 2]!.call('POST', `/api/invoices/${ids[i]}/finalize`, {});
      latencies.push(performance.now() - start);
      if (r.status !== 200) throw new Error(`finalize ${i}: ${JSON.stringify(r.body)}`);
    });

    const check = new pg.Client({ connectionString: scratch.url });
    await check.connect();
    const { rows } = await check.query<{
      n: number;
      distinct_numbers: number;
      min: number;
      max: number;
    }>(
      `select count(*)::int as n, count(distinct number)::int as distinct_numbers,
              min(sequence)::int as min, max(sequence)::int as max
       from invoices where number is not null`,
    );
    await check.end();
    const numbers = rows[0]!;
    const gapless =
      numbers.n === total &&
      numbers.distinct_numbers === total &&
      numbers.min === 1 &&
      numbers.max === total;
    if (!gapless) throw new Error(`numbers are not 1..${total}: ${JSON.stringify(numbers)}`);

    log(`bare inserts`);
    const conns = await Promise.all(
      Array.from({ length: clients }, async () => {
        const c = new pg.Client({ connectionString: scratch.url });
        await c.connect();
        return c;
      }),
    );
    await conns[0]!.query(
      'create table bench_bare (id bigint generated always as identity primary key, payload text not null)',
    );
    let free = [...conns];
    const bareMs = await pool(total, clients, async (i) => {
      const c = free.pop()!;
      await c.query('insert into bench_bare (payload) values ($1) returning id', [`row ${i}`]);
      free.push(c);
    });
    await Promise.all(conns.map((c) => c.end()));
    free = [];

    latencies.sort((x, y) => x - y);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
    const rate = (ms: number) => (total / (ms / 1000)).toFixed(0);
    console.log(
      `\nInvoice numbering on PostgreSQL ${scratch.serverVersion}: ${total} invoices, ${clients} concurrent clients, 2 app processes\n`,
    );
    console.log('| what | wall time | rate |');
    console.log('| --- | --- | --- |');
    console.log(
      `| drafting (no number) | ${(draftMs / 1000).toFixed(2)} s | ${rate(draftMs)} /s |`,
    );
    console.log(
      `| **finalising** (next number, entry posted) | ${(finalizeMs / 1000).toFixed(2)} s | ${rate(finalizeMs)} /s |`,
    );
    console.log(
      `| bare inserts (50 pg connections, no app) | ${(bareMs / 1000).toFixed(2)} s | ${rate(bareMs)} /s |`,
    );
    console.log(
      `\nnumbers 1..${numbers.max}: ${numbers.n} invoices, ${numbers.distinct_numbers} distinct, no gap: ${gapless}`,
    );
    console.log(`finalise latency p50 ${pct(50).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms`);
    console.log(
      `finalising / drafting time: ${(finalizeMs / draftMs).toFixed(2)}x; finalising / bare inserts time: ${(finalizeMs / bareMs).toFixed(1)}x`,
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await scratch.drop();
  }
}

await main();
