import type { TestClient } from './testApp.ts';

/**
 * A tier, with or without reciprocal access, and an agreement on it for each organization:
 * what a test needs for its sponsors to be consulted (or not), through the officers' API.
 */
export async function signRetainers(
  admin: TestClient,
  organizationIds: string[],
  options: { slug: string; reciprocalAccess: boolean; startsOn: string },
): Promise<void> {
  const tier = await admin.post<{ id: string }>('/api/tiers', {
    slug: options.slug,
    name: options.slug,
    price: '12000.00',
    currency: 'EUR',
    periodMonths: 12,
    entitlements: {
      responseHours: { critical: 6, high: 24, normal: 72, low: null },
      expertHoursPerMonth: 4,
      reciprocalAccess: options.reciprocalAccess,
      meetingsPerYear: 4,
      digest: 'none',
      publicAcknowledgement: true,
    },
    serviceHoursPerMonth: 4,
  });
  if (tier.status !== 201) throw new Error(`tier: ${tier.status} ${JSON.stringify(tier.body)}`);
  for (const organizationId of organizationIds) {
    const agreement = await admin.post('/api/agreements', {
      organizationId,
      title: 'Retainer',
      startsOn: options.startsOn,
      termMonths: 24,
      lines: [{ tierId: tier.body.id }],
    });
    if (agreement.status !== 201)
      throw new Error(`agreement: ${agreement.status} ${JSON.stringify(agreement.body)}`);
  }
}
