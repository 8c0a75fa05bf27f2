import { describe, expect, it } from 'vitest';
import type { Actor } from '../platform/actor.ts';
import { abilitiesOf } from './abilities.ts';

const member = (
  memberClass: 'hacker' | 'sponsor' | 'community',
  extra: Partial<Actor> = {},
): Actor => ({
  coopId: 'c',
  personId: `p-${memberClass}`,
  displayName: memberClass,
  isAdmin: false,
  membership: {
    memberClass,
    status: 'active',
    organizationId: memberClass === 'sponsor' ? 'o' : null,
  },
  officerRoles: [],
  ...extra,
});

describe('what the session says a member may do', () => {
  it.each([
    [
      'an administrator',
      { ...member('community'), isAdmin: true },
      ['keepBooks', 'amendBylaws', 'readEvents', 'grantAdmin', 'readAllRequests', 'manageReleases'],
      ['answerRequests', 'openRequests'],
    ],
    [
      'the chief economist',
      member('hacker', { officerRoles: ['chief-economist'] }),
      [
        'keepBooks',
        'decideClaims',
        'recordFunding',
        'assignPlanHours',
        'callVotes',
        'manageAgreements',
        'answerRequests',
        'manageReleases',
      ],
      ['amendBylaws', 'readEvents', 'openRequests'],
    ],
    [
      'a hacker',
      member('hacker'),
      [
        'readBooks',
        'setOwnAvailability',
        'declareHackerWork',
        'proposeHackerItems',
        'curateItems',
        'logOwnTime',
        'decideSponsorLabour',
        'readAllRequests',
        'answerRequests',
        'readReleases',
        'manageReleases',
      ],
      ['keepBooks', 'assignPlanHours', 'setOthersAvailability', 'voteInSurvey', 'logOwnLabour'],
    ],
    [
      'a sponsor representative',
      member('sponsor'),
      [
        'voteAsSponsor',
        'proposeSponsorItems',
        'takePart',
        'readOwnAgreements',
        'logOwnLabour',
        'openRequests',
        'readReleases',
      ],
      [
        'proposeHackerItems',
        'readEntries',
        'invite',
        'readAllAgreements',
        'readCapacity',
        'decideSponsorLabour',
        'readPipeline',
        'readAllRequests',
        'answerRequests',
        'manageReleases',
      ],
    ],
    [
      'a community member',
      member('community'),
      ['voteInSurvey', 'claimExpenses', 'readReleases'],
      [
        'voteAsSponsor',
        'seeAllClaims',
        'manageOrganizations',
        'readOwnAgreements',
        'readAllRequests',
        'openRequests',
        'manageReleases',
      ],
    ],
    [
      'a suspended officer',
      member('hacker', {
        officerRoles: ['chief-economist'],
        membership: { memberClass: 'hacker', status: 'suspended', organizationId: null },
      }),
      [],
      [
        'keepBooks',
        'readBooks',
        'callVotes',
        'takePart',
        'answerRequests',
        'readAllRequests',
        'readReleases',
        'manageReleases',
      ],
    ],
  ] as const)('%s', (_who, actor, yes, no) => {
    const can = abilitiesOf(actor);
    for (const ability of yes) expect([ability, can[ability]]).toEqual([ability, true]);
    for (const ability of no) expect([ability, can[ability]]).toEqual([ability, false]);
  });
});
