/**
 * How often a sponsor hears from the co-op: the tier's `digest` entitlement, `none` aside. In a
 * module of its own (no database code) so that the prepare form's input schema, which the web
 * app imports too, can name them.
 */
export const digestFrequencies = ['weekly', 'monthly', 'quarterly'] as const;
export type DigestFrequency = (typeof digestFrequencies)[number];
