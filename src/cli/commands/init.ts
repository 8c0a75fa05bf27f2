import { setupCoop } from '../../coop/commands/setupCoop.ts';
import { withDatabase } from '../database.ts';

export interface InitOptions {
  name: string;
  adminEmail: string;
  adminPassword: string;
  adminName: string;
  currency: string;
  fiscalYearStart: number;
}

/** `coop init`: the first-run wizard without a browser. */
export async function init(options: InitOptions): Promise<void> {
  await withDatabase('init', async ({ db }) => {
    const { coop } = await setupCoop(db, {
      name: options.name,
      currency: options.currency,
      fiscalYearStartMonth: options.fiscalYearStart,
      admin: {
        displayName: options.adminName,
        email: options.adminEmail,
        password: options.adminPassword,
      },
    });
    console.log(
      `Created ${coop.name} (${coop.currency}); ${options.adminEmail} is its administrator.`,
    );
  });
}
