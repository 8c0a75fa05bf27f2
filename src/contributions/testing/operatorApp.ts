import { sql } from 'drizzle-orm';
import { operatorActor } from '../../platform/actor.ts';
import type { CommandContext } from '../../platform/commands.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { setUpCoop, startTestApp, type TestApp } from '../../testing/testApp.ts';

/** A set-up co-op and a command context acting as its operator (as `coop` on the server does). */
export async function startOperatorApp(): Promise<{ app: TestApp; ctx: CommandContext }> {
  const app = await startTestApp();
  await setUpCoop(app);
  const [coop] = await queryRows<{ id: string }>(app.database.db, sql`select id from coops`);
  return { app, ctx: { db: app.database.db, actor: operatorActor(coop!.id), publicUrl: '' } };
}
