/**
 * A vulnerability's severities, apart from the table that stores them: the web form's schema
 * (input.ts) reads them without bringing drizzle into the browser's bundle.
 */
export const vulnerabilitySeverities = ['critical', 'high', 'medium', 'low'] as const;
export type VulnerabilitySeverity = (typeof vulnerabilitySeverities)[number];
