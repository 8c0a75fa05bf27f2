/** Billing contacts as typed, one a line: `Name <address@example.com>`, or a bare address. */
export const parseContacts = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const match = /^(.*?)\s*<([^>]+)>$/.exec(l);
      return match
        ? { name: match[1]!.trim() || match[2]!, email: match[2]!.trim() }
        : { name: l, email: l };
    });
