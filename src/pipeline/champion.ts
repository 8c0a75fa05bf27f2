import { getOrganization } from '../organizations/queries.ts';
import type { Executor } from '../platform/db/database.ts';
import { badRequest } from '../platform/errors.ts';
import type { z } from 'zod';
import type { championSchema } from './input.ts';

export interface ChampionColumns {
  championPersonId: string | null;
  championName: string | null;
  championEmail: string | null;
}

/** The champion's columns; a person must be one of the organization's contacts. */
export async function championColumns(
  executor: Executor,
  coopId: string,
  organizationId: string,
  champion: z.infer<typeof championSchema> | null,
): Promise<ChampionColumns> {
  if (!champion) return { championPersonId: null, championName: null, championEmail: null };
  if ('name' in champion)
    return { championPersonId: null, championName: champion.name, championEmail: champion.email };
  const { contacts } = await getOrganization(executor, coopId, organizationId);
  if (!contacts.some((c) => c.personId === champion.personId))
    throw badRequest('The champion must be one of the organization’s contacts.', [
      { pointer: '/champion/personId', message: 'not a contact of this organization' },
    ]).because('opportunity.champion-not-contact');
  return { championPersonId: champion.personId, championName: null, championEmail: null };
}
