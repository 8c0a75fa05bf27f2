/** A co-op's name as a slug: `Acme Hackers Co-op` -> `acme-hackers-co-op`; as migration 0009 does. */
export function slugFromName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'coop';
}

export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
