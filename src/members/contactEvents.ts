import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';
import { contactRoles } from './contactRoles.ts';

// The organization is the subject: its page lists its contacts, and its history shows them.
const contact = z.object({ personId: z.uuid(), role: z.enum(contactRoles) });

export const organizationContactAdded = defineEvent({
  name: 'organization.contact-added',
  subject: 'organization',
  summary: 'A person became a contact of the organization in a role (billing, champion...).',
  data: contact,
});

export const organizationContactRemoved = defineEvent({
  name: 'organization.contact-removed',
  subject: 'organization',
  summary: 'A person stopped being a contact of the organization in a role.',
  data: contact,
});
