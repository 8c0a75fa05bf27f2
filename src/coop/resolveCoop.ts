import type { Executor } from '../platform/db/database.ts';
import { coopByHostName, coopBySlug, listCoops, type Coop } from './queries.ts';

/**
 * Which co-op a request is for. A deployment hosting several co-ops (like a fiscal host) gives
 * each a host name; any other name reaches the default co-op (`COOP_DEFAULT`, a slug), or the
 * only one, so that one co-op on one machine needs no configuration. Several co-ops and no
 * default: an unknown host reaches none.
 */
export async function resolveCoop(
  executor: Executor,
  hostName: string | undefined,
  defaultSlug: string | undefined,
): Promise<Coop | undefined> {
  const host = hostName?.toLowerCase().replace(/:\d+$/, '');
  if (host) {
    const byHost = await coopByHostName(executor, host);
    if (byHost) return byHost;
  }
  if (defaultSlug) return coopBySlug(executor, defaultSlug);
  const all = await listCoops(executor);
  return all.length === 1 ? all[0] : undefined;
}

/**
 * The CLI's choice: `--coop SLUG`, else the only co-op. Several and no slug: refused, naming
 * them, rather than acting on one at random.
 */
export async function coopForCli(executor: Executor, slug: string | undefined): Promise<Coop> {
  if (slug) {
    const coop = await coopBySlug(executor, slug);
    if (!coop) throw new Error(`No co-op named ${slug}: see \`coop list\`.`);
    return coop;
  }
  const all = await listCoops(executor);
  if (all.length === 0)
    throw new Error('The co-op is not set up yet: run `coop init` or open the web app.');
  if (all.length > 1)
    throw new Error(
      `This deployment hosts ${all.length} co-ops: name one with --coop (${all.map((c) => c.slug).join(', ')}).`,
    );
  return all[0]!;
}
