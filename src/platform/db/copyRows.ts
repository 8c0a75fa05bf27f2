import type { Tx } from './database.ts';

/** A PGlite transaction's own client, which takes COPY input as a blob; undefined elsewhere. */
interface PgliteTxClient {
  query(sql: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
  exec(sql: string): Promise<unknown>;
}

function pgliteClientOf(tx: Tx): PgliteTxClient | undefined {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client as
    (PgliteTxClient & { release?: unknown }) | undefined;
  // node-postgres' pooled client has release(); PGlite's transaction has exec() and no release.
  return client && typeof client.exec === 'function' && client.release === undefined
    ? client
    : undefined;
}

/** Whether `copyRowsIfPglite` copies on this transaction (PGlite) or leaves it to the caller. */
export function takesCopy(tx: Tx): boolean {
  return pgliteClientOf(tx) !== undefined;
}

const needsEscape = /[\\\t\n\r]/;

/** One value in COPY's text format: `\N` for null, backslash escapes for the rest. */
export function copyField(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  // Most values need no escape: testing first spares a replace call per value.
  if (!needsEscape.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/**
 * Loads rows into a table with COPY on PGlite (`FROM '/dev/blob'`), PostgreSQL's fastest way in:
 * no statement per row, no JSON to parse. Returns false on node-postgres, whose COPY needs a
 * streaming client: the caller then uses a multi-row INSERT.
 */
export async function copyRowsIfPglite(
  tx: Tx,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
  /** Values the same on every row, for the first columns (a co-op's id): written once. */
  leading: readonly (string | number | boolean | null)[] = [],
): Promise<boolean> {
  const client = pgliteClientOf(tx);
  if (!client) return false;
  const head = leading.map((v) => `${copyField(v)}\t`).join('');
  const text = rows.map((row) => head + row.map(copyField).join('\t')).join('\n') + '\n';
  await client.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], {
    blob: new Blob([text]),
  });
  return true;
}
