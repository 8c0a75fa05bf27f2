import { and, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { vulnerabilities } from './schema.ts';

export async function lockVulnerability(tx: Executor, coopId: string, id: string) {
  const [row] = await tx
    .select()
    .from(vulnerabilities)
    .where(and(eq(vulnerabilities.coopId, coopId), eq(vulnerabilities.id, id)))
    .for('update');
  if (!row) throw notFound('This vulnerability');
  return row;
}
