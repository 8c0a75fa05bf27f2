/**
 * How urgent a request is, apart from its events: the web form's schema (input.ts) reads these
 * in the browser without registering the domain's event types there.
 */
export const requestSeverities = ['critical', 'high', 'normal', 'low'] as const;
export type RequestSeverity = (typeof requestSeverities)[number];
