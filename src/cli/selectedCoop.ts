/**
 * The co-op named by the global `--coop SLUG`, set before a command's action runs. Kept apart
 * from database.ts so that declaring the commands loads nothing of the database layer.
 */
let selected: string | undefined;

export const selectCoop = (slug: string | undefined): void => {
  selected = slug;
};

export const selectedCoopSlug = (): string | undefined => selected;
