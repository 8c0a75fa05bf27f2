import { setupCoop } from '../../coop/commands/setupCoop.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { withDatabase } from '../database.ts';

export interface InitOptions {
  name: string;
  slug?: string;
  host?: string;
  adminEmail: string;
  adminPassword: string;
  adminName: string;
  /** Checked by the set-up's schema, which names the languages the co-op speaks. */
  adminLocale: string;
  currency: string;
  fiscalYearStart: number;
}

/**
 * `coop init`: the first-run wizard without a browser, for a deployment's only co-op; and
 * `coop create`, which adds another co-op to a deployment that hosts several.
 */
export async function init(options: InitOptions, mode: 'init' | 'create' = 'init'): Promise<void> {
  await withDatabase(mode, async ({ db }) => {
    const { coop } = await setupCoop(
      db,
      {
        name: options.name,
        ...(options.slug ? { slug: options.slug } : {}),
        ...(options.host ? { hostName: options.host } : {}),
        currency: options.currency,
        fiscalYearStartMonth: options.fiscalYearStart,
        admin: {
          displayName: options.adminName,
          email: options.adminEmail,
          password: options.adminPassword,
          locale: options.adminLocale as Locale,
        },
      },
      { alone: mode === 'init' },
    );
    console.log(
      `Created ${coop.name} (${coop.slug}, ${coop.currency}${coop.hostName ? `, at ${coop.hostName}` : ''}); ${options.adminEmail} is its administrator.`,
    );
  });
}
