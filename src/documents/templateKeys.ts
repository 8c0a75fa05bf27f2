/**
 * The co-op's papers, by template. In a module of its own (no file system, no database) so that
 * the input schemas the web app imports too can name them.
 */
export const templateKeys = [
  'quote',
  'sponsor-retainer',
  'membership-agreement',
  'hacker-employment',
  'coop-rules',
  'dco-1.1',
] as const;
export type TemplateKey = (typeof templateKeys)[number];
