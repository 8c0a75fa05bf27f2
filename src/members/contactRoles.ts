export const contactRoles = ['representative', 'billing', 'technical', 'champion'] as const;
export type ContactRole = (typeof contactRoles)[number];
