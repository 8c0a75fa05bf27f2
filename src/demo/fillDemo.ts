import { fillDemoConcerns } from './fillDemoConcerns.ts';
import { fillDemoReleases } from './fillDemoReleases.ts';
import { fillDemoDigests } from './fillDemoDigests.ts';
import { count, eq } from 'drizzle-orm';
import { setupCoop } from '../coop/commands/setupCoop.ts';
import { listCoops } from '../coop/queries.ts';
import { coopForCli } from '../coop/resolveCoop.ts';
import { appointOfficer } from '../members/commands/appointOfficer.ts';
import { fillDemoRepository } from '../contributions/demoRepository.ts';
import { fillDemoBooks } from './fillDemoBooks.ts';
import { fillDemoGovernance } from './fillDemoGovernance.ts';
import { fillDemoInvoices } from '../invoicing/demoInvoices.ts';
import { addMember } from '../members/commands/addMember.ts';
import { memberships } from '../members/schema.ts';
import { createOrganization } from '../organizations/commands/createOrganization.ts';
import { fillDemoPipeline } from './fillDemoPipeline.ts';
import { fillDemoAgreements } from './fillDemoAgreements.ts';
import { fillDemoRequests } from './fillDemoRequests.ts';
import { fillDemoVulnerabilities } from './fillDemoVulnerabilities.ts';
import { runCommand } from '../platform/commands.ts';
import { operatorActor } from '../platform/actor.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';
import { conflict } from '../platform/errors.ts';
import { hashPassword } from '../platform/passwords.ts';

export const demoPassword = 'cooperate-demo-2026';
export const demoAdmin = { email: 'admin@demo.coop', password: demoPassword };

const firstNames = [
  'Ada',
  'Bruno',
  'Chiara',
  'Dmitri',
  'Eva',
  'Farid',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kaia',
  'Luis',
  'Mira',
  'Niko',
  'Olga',
  'Pavel',
  'Quinn',
  'Rosa',
  'Sami',
  'Tove',
  'Uma',
  'Viktor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zofia',
];
const lastNames = [
  'Andersen',
  'Bianchi',
  'Costa',
  'Dubois',
  'Eriksson',
  'Fischer',
  'García',
  'Hoffmann',
  'Ivanova',
  'Järvinen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Virtanen',
];

const sponsors = [
  {
    legalName: 'Nordlicht Cloud GmbH',
    displayName: 'Nordlicht Cloud',
    country: 'DE',
    kind: 'company' as const,
  },
  {
    legalName: 'Aalto Data Oy',
    displayName: 'Aalto Data',
    country: 'FI',
    kind: 'company' as const,
  },
  {
    legalName: 'Brightline Payments Ltd',
    displayName: 'Brightline',
    country: 'GB',
    kind: 'company' as const,
  },
  {
    legalName: 'City of Tampere',
    displayName: 'City of Tampere',
    country: 'FI',
    kind: 'government' as const,
  },
  {
    legalName: 'Open Infrastructure Foundation e.V.',
    displayName: 'Open Infra Foundation',
    country: 'DE',
    kind: 'foundation' as const,
  },
  {
    legalName: 'Helix Robotics SAS',
    displayName: 'Helix Robotics',
    country: 'FR',
    kind: 'company' as const,
  },
];

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');

/**
 * Fills an empty co-op with a realistic one: 3 hackers (two of them officers), 6 sponsor
 * organizations with representatives, 200 community members, two fiscal years of books (the
 * first closed with its dividends), tiers, retainers and quotes (one accepted by its link), a
 * cycle open for votes and a proposal. Everything goes through the
 * same writes as real use, so the event log tells the story.
 */
export async function fillDemo(
  db: Db,
  publicUrl: string,
  coopSlug?: string,
  clock: Clock = systemClock,
  /** Where the demo's git repository is built (the data directory); none without it. */
  repositoriesDir?: string,
) {
  // An empty deployment gets the demo co-op; otherwise the one named (or the only one) is filled.
  let coop = (await listCoops(db)).length === 0 ? undefined : await coopForCli(db, coopSlug);
  const createdCoop = !coop;
  if (!coop) {
    coop = (
      await setupCoop(db, {
        name: 'Demo Hackers Co-op',
        currency: 'EUR',
        admin: {
          displayName: 'Demo Administrator',
          email: demoAdmin.email,
          password: demoAdmin.password,
        },
      })
    ).coop;
  }
  const coopId = coop.id;
  const [existing] = await db
    .select({ n: count() })
    .from(memberships)
    .where(eq(memberships.coopId, coopId));
  if (Number(existing?.n ?? 0) > 1)
    throw conflict('The demo fills an empty co-op; this one already has members.');

  const people: {
    name: string;
    email: string;
    memberClass: 'hacker' | 'sponsor' | 'community';
    org?: number;
  }[] = [];
  ['Ada Lindqvist', 'Bruno Costa', 'Chiara Järvinen'].forEach((name) =>
    people.push({ name, email: `${slug(name.split(' ')[0]!)}@demo.coop`, memberClass: 'hacker' }),
  );
  sponsors.forEach((sponsor, i) => {
    for (let r = 0; r < (i % 2 === 0 ? 2 : 1); r++) {
      const name = `${firstNames[(i * 3 + r * 7) % firstNames.length]} ${lastNames[(i * 5 + r) % lastNames.length]}`;
      people.push({
        name,
        email: `${slug(name)}@${slug(sponsor.displayName)}.example`,
        memberClass: 'sponsor',
        org: i,
      });
    }
  });
  for (let i = 0; i < 200; i++) {
    const name = `${firstNames[i % firstNames.length]} ${lastNames[Math.floor(i / firstNames.length) % lastNames.length]}${i >= firstNames.length * lastNames.length ? ` ${i}` : ''}`;
    people.push({ name, email: `${slug(name)}${i}@community.example`, memberClass: 'community' });
  }
  // Hash before the transaction: PGlite serialises everything behind an open one.
  const hashes = await Promise.all(people.map(() => hashPassword(demoPassword)));

  const { hackerIds, orgIds, repIds, communityIds } = await db.transaction(async (tx) => {
    const orgIds: string[] = [];
    for (const sponsor of sponsors) {
      orgIds.push(
        (
          await runCommand(
            createOrganization,
            {
              ...sponsor,
              memberClass: 'sponsor',
              billingEmail: `accounts@${slug(sponsor.displayName)}.example`,
              website: `https://${slug(sponsor.displayName)}.example`,
              taxId: `${sponsor.country}${100000000 + orgIds.length * 7919}`,
              billingAddress: `Accounts Payable\n${sponsor.legalName}\n${sponsor.country}`,
            },
            { db, actor: operatorActor(coopId), publicUrl, tx, clock },
          )
        ).id,
      );
    }
    const ids: string[] = [];
    const reps: string[] = [];
    const commons: string[] = [];
    for (const [i, person] of people.entries()) {
      const { personId: id } = await runCommand(
        addMember,
        {
          displayName: person.name,
          email: person.email,
          emailVerified: true,
          passwordHash: hashes[i]!,
          memberClass: person.memberClass,
          status: 'active',
          organizationId: person.org === undefined ? null : orgIds[person.org]!,
          via: 'demo',
        },
        { db, actor: operatorActor(coopId), publicUrl, tx, clock },
      );
      if (person.memberClass === 'hacker') ids.push(id);
      if (person.memberClass === 'sponsor' && reps.length === person.org) reps.push(id);
      if (person.memberClass === 'community') commons.push(id);
    }
    return { hackerIds: ids, orgIds, repIds: reps, communityIds: commons };
  });
  const ctx = { db, actor: operatorActor(coopId), publicUrl, clock };
  await runCommand(appointOfficer, { personId: hackerIds[0]!, role: 'chief-economist' }, ctx);
  await runCommand(appointOfficer, { personId: hackerIds[1]!, role: 'chief-technologist' }, ctx);
  await fillDemoBooks(db, publicUrl, coopId, { hackerIds, orgIds }, clock);
  await fillDemoAgreements(db, publicUrl, coopId, { hackerIds, orgIds }, clock);
  await fillDemoInvoices(db, publicUrl, coopId, orgIds, clock);
  await fillDemoRequests(db, publicUrl, coopId, { hackerIds, repIds }, clock);
  await fillDemoVulnerabilities(
    db,
    publicUrl,
    coopId,
    { officerId: hackerIds[0]!, platinumOrgId: orgIds[0]! },
    clock,
  );
  await fillDemoPipeline(db, publicUrl, coopId, orgIds, 'EUR', clock);
  await fillDemoGovernance(
    db,
    publicUrl,
    coopId,
    { hackerIds, orgIds, repIds, communityIds },
    clock,
  );
  await fillDemoConcerns(db, publicUrl, coopId, { orgIds, repIds }, clock);
  await fillDemoReleases(db, publicUrl, coopId, clock);
  await fillDemoDigests(db, publicUrl, coopId, { orgIds, repIds, hackerId: hackerIds[0]! }, clock);
  if (repositoriesDir) {
    const who = (p: { name: string; email: string }) => ({ name: p.name, email: p.email });
    await fillDemoRepository(
      db,
      coopId,
      repositoriesDir,
      {
        hackers: people.filter((p) => p.memberClass === 'hacker').map(who),
        community: people
          .filter((p) => p.memberClass === 'community')
          .slice(0, 3)
          .map(who),
      },
      clock,
    );
  }
  return {
    coopId,
    createdCoop,
    people: people.length,
    organizations: sponsors.length,
    sampleLogins: [people[0]!, people[3]!, people[people.length - 1]!].map((p) => ({
      email: p.email,
      memberClass: p.memberClass,
    })),
  };
}
