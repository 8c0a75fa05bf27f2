/**
 * Builds the migrated templates once per vitest run, before any worker starts, so that the
 * test files do not race to build them (each would otherwise pay the whole migration).
 */
import { pgliteTemplate, postgresTemplate, pruneOldPgliteTemplates } from './templates.ts';

export default async function setup(): Promise<void> {
  // PGlite's even under TEST_DATABASE_URL: the backup test restores onto both.
  const template = await pgliteTemplate();
  pruneOldPgliteTemplates(template);
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) await postgresTemplate(adminUrl);
}
