import { demoAdmin, demoPassword, fillDemo } from '../../demo/fillDemo.ts';
import { withDatabase } from '../database.ts';
import { selectedCoopSlug } from '../selectedCoop.ts';

/** `coop demo`. */
export async function demo(): Promise<void> {
  await withDatabase('demo', async (database, config) => {
    const result = await fillDemo(
      database.db,
      config.publicUrl,
      selectedCoopSlug(),
      undefined,
      config.dataDir,
    );
    console.log(
      `Demo co-op filled: ${result.people} members, ${result.organizations} sponsor organizations.\n` +
        `Every demo account's password is ${demoPassword}. Try:\n` +
        [
          ...(result.createdCoop ? [{ email: demoAdmin.email, memberClass: 'administrator' }] : []),
          ...result.sampleLogins,
        ]
          .map((l) => `  ${l.email} (${l.memberClass})`)
          .join('\n'),
    );
  });
}
