import { listCoops } from '../../coop/queries.ts';
import { withDatabase } from '../database.ts';

/** `coop list`: every co-op on the deployment. */
export async function listCoopsCommand(options: { json?: boolean }): Promise<void> {
  await withDatabase('list', async ({ db }) => {
    const coops = await listCoops(db);
    if (options.json) {
      console.log(
        JSON.stringify(
          coops.map((c) => ({ slug: c.slug, name: c.name, hostName: c.hostName, id: c.id })),
        ),
      );
      return;
    }
    for (const c of coops)
      console.log(`${c.slug}\t${c.name}${c.hostName ? `\t${c.hostName}` : ''}`);
  });
}
