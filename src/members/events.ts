import { locales } from '../platform/i18n/locales.ts';
import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';
import { memberClasses, membershipStatuses } from './schema.ts';

const person = 'person';
const invitation = 'invitation';
const nothing = z.object({});

export const memberJoined = defineEvent({
  name: 'member.joined',
  subject: person,
  summary: 'A person joined: set-up, an accepted invitation, an import or the demo (`via`).',
  data: z.object({
    displayName: z.string(),
    memberClass: z.enum(memberClasses),
    status: z.enum(membershipStatuses),
    organizationId: z.uuid().nullable(),
    isAdmin: z.boolean(),
    via: z.string(),
  }),
});

export const memberProfileUpdated = defineEvent({
  name: 'member.profile-updated',
  subject: person,
  summary: 'A member changed their display name or language; both are given as they now are.',
  // Events before the language existed carry only the name.
  data: z.object({ displayName: z.string(), locale: z.enum(locales).optional() }),
});

export const membersImported = defineEvent({
  name: 'members.imported',
  subject: 'coop',
  summary: 'A CSV of members was imported; counts only, never the codes.',
  data: z.object({
    created: z.number().int(),
    unchanged: z.number().int(),
    organizationsCreated: z.array(z.string()),
    codesMailed: z.boolean(),
  }),
});

export const membershipStatusChanged = defineEvent({
  name: 'membership.status-changed',
  subject: person,
  summary: 'A membership moved between applicant, active, suspended and left, with the reason.',
  data: z.object({
    from: z.enum(membershipStatuses),
    to: z.enum(membershipStatuses),
    reason: z.string(),
    /** Offices that ended because the member is no longer active. */
    endedOffices: z.array(z.string()),
  }),
});

export const officerAppointed = defineEvent({
  name: 'officer.appointed',
  subject: person,
  summary: 'A member took office for a term whose length the bylaws set; `pollId` if elected.',
  data: z.object({
    role: z.string(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    bylawsVersion: z.number().int(),
    pollId: z.uuid().optional(),
  }),
});

export const officerTermEnded = defineEvent({
  name: 'officer.term-ended',
  subject: person,
  summary:
    'An officer’s term ended before its end date (by hand, or as an election’s winners begin).',
  data: z.object({
    role: z.string(),
    // Absent on events written before terms were named in them.
    termId: z.uuid().optional(),
    endedOn: z.iso.date(),
    pollId: z.uuid().optional(),
  }),
});

/** Why; events recorded before reasons were asked for have none. */
const adminChange = z.object({ reason: z.string().optional() });

export const adminGranted = defineEvent({
  name: 'admin.granted',
  subject: person,
  summary: 'A member was given administrator rights.',
  data: adminChange,
});

export const adminRevoked = defineEvent({
  name: 'admin.revoked',
  subject: person,
  summary: 'A member’s administrator rights were taken away.',
  data: adminChange,
});

export const invitationSent = defineEvent({
  name: 'invitation.sent',
  subject: invitation,
  summary: 'Someone was invited to join by a mailed link.',
  data: z.object({
    email: z.string(),
    memberClass: z.enum(memberClasses),
    organizationId: z.uuid().nullable(),
  }),
});

export const invitationAccepted = defineEvent({
  name: 'invitation.accepted',
  subject: invitation,
  summary: 'An invitation was accepted: its invitee is now a member.',
  data: z.object({ personId: z.uuid() }),
});

export const invitationRevoked = defineEvent({
  name: 'invitation.revoked',
  subject: invitation,
  summary: 'A pending invitation was withdrawn; its link no longer works.',
  data: nothing,
});

export const registrationCodeIssued = defineEvent({
  name: 'registration-code.issued',
  subject: person,
  summary:
    'A member was mailed a new one-time registration code; earlier unused ones stopped working.',
  data: nothing,
});

export const sessionStarted = defineEvent({
  name: 'session.started',
  // Who signs in when is a member's own business, and a venue's thousand first sign-ins
  // would be a thousand deliveries: kept in the log, never sent to webhooks.
  internal: true,
  subject: person,
  summary:
    'A member signed in, with a password, a one-time registration code or a mailed sign-in link.',
  data: z.object({ method: z.enum(['password', 'registration-code', 'sign-in-link']) }),
});

export const sessionEnded = defineEvent({
  name: 'session.ended',
  // Who signs in when is a member's own business, and a venue's thousand first sign-ins
  // would be a thousand deliveries: kept in the log, never sent to webhooks.
  internal: true,
  subject: person,
  summary: 'A member signed out.',
  data: nothing,
});

export const emailAdded = defineEvent({
  name: 'account.email-added',
  subject: person,
  summary: 'A member added an email address; it waits for its verification link to be opened.',
  data: z.object({ email: z.string() }),
});

export const emailVerified = defineEvent({
  name: 'account.email-verified',
  subject: person,
  summary: 'A member opened the verification link mailed to one of their addresses.',
  data: z.object({ email: z.string().optional() }),
});

export const emailReleased = defineEvent({
  name: 'account.email-released',
  subject: person,
  summary:
    'An address a member had added but never verified went to the person who proved it theirs (an invitation, an import, or their own verification link); the unverified claim was removed.',
  data: z.object({ email: z.string() }),
});

export const signInLinkRequested = defineEvent({
  name: 'account.sign-in-link-requested',
  subject: person,
  summary:
    'A one-time sign-in link was mailed to a member’s address (the way in while failed guesses lock the account).',
  data: nothing,
});

export const passwordSet = defineEvent({
  name: 'account.password-set',
  subject: person,
  summary: 'A member set or changed their password; their other sessions were ended.',
  data: nothing,
});

export const passwordResetRequested = defineEvent({
  name: 'account.password-reset-requested',
  subject: person,
  summary: 'A password reset link was mailed to a member’s address.',
  data: nothing,
});

export const passwordReset = defineEvent({
  name: 'account.password-reset',
  subject: person,
  summary: 'A member chose a new password through a reset link; all their sessions were ended.',
  data: nothing,
});
