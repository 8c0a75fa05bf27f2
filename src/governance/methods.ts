/**
 * How a cycle's survey is answered and how much a decision needs. In a module of their own (no
 * database code) so that the input schemas the web app imports too can name them.
 */
export const surveyMethods = ['approval', 'score', 'ranked', 'quadratic'] as const;
export type SurveyMethod = (typeof surveyMethods)[number];
export const thresholds = ['simple', 'two-thirds', 'three-quarters', 'unanimous'] as const;
