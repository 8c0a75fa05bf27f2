import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { localeSchema } from '../../platform/i18n/locales.ts';
import { memberJoined } from '../events.ts';
import { membersPolicy } from '../policy.ts';
import { insertMember } from '../repository.ts';
import { memberClasses, membershipStatuses } from '../schema.ts';

/**
 * A person added directly, without an invitation: the first administrator at set-up, the
 * demo's members. The password arrives hashed, so that a caller adding many hashes them
 * before its transaction.
 */
export const addMember = defineCommand({
  name: 'members.addMember',
  input: z.strictObject({
    displayName: z.string().trim().min(1).max(200),
    email: z.email(),
    emailVerified: z.boolean(),
    passwordHash: z.string().nullable(),
    memberClass: z.enum(memberClasses),
    status: z.enum(membershipStatuses),
    organizationId: z.uuid().nullable(),
    isAdmin: z.boolean().default(false),
    locale: localeSchema.optional(),
    via: z.string().min(1).max(50),
  }),
  policy: membersPolicy.addMember,
  denied: 'Only administrators add members directly; invite them instead.',
  events: [memberJoined],
  async run(tx, input, ctx) {
    return { personId: await insertMember(tx, ctx, input) };
  },
});
