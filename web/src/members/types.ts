export type MemberClass = 'hacker' | 'sponsor' | 'community';
export type MemberStatus = 'applicant' | 'active' | 'suspended' | 'left';

export interface SessionUser {
  personId: string;
  displayName: string;
  isAdmin: boolean;
  memberClass: MemberClass | null;
  status: string | null;
  organizationId: string | null;
  officerRoles: string[];
  hasPassword: boolean;
}

export interface Session {
  setupRequired: boolean;
  coop: { id: string; name: string; currency: string } | null;
  user: SessionUser | null;
  csrfToken: string | null;
}

export interface SignedIn {
  personId: string;
  csrfToken: string;
}

export interface DirectoryEntry {
  personId: string;
  displayName: string;
  email: string | null;
  memberClass: MemberClass;
  status: MemberStatus;
  organizationId: string | null;
  organizationName: string | null;
  isAdmin: boolean;
  joinedAt: string;
}

export interface Directory {
  total: number;
  members: DirectoryEntry[];
}

export interface Office {
  id: string;
  role: string;
  startsOn: string;
  endsOn: string;
  endedEarlyOn: string | null;
  current: boolean;
}

export interface MemberProfile {
  personId: string;
  displayName: string;
  isAdmin: boolean;
  memberClass: MemberClass | null;
  status: MemberStatus | null;
  organizationId: string | null;
  organizationName: string | null;
  joinedAt: string | null;
  hasPassword: boolean | null;
  offices: Office[];
  emails: { id: string; email: string; isPrimary: boolean; verifiedAt: string | null }[] | null;
  statusHistory:
    | {
        fromStatus: MemberStatus | null;
        toStatus: MemberStatus;
        reason: string | null;
        changedBy: string | null;
        changedAt: string;
      }[]
    | null;
}

export interface InvitationPreview {
  email: string;
  displayName: string | null;
  memberClass: MemberClass;
  organizationName: string | null;
  expiresAt: string;
}

export interface InvitationSummary {
  id: string;
  email: string;
  displayName: string | null;
  memberClass: MemberClass;
  organizationId: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  state: 'pending' | 'accepted' | 'revoked' | 'expired';
}

export interface ImportResult {
  created: { email: string; name: string }[];
  unchanged: string[];
  organizationsCreated: string[];
  codesMailed: boolean;
}
