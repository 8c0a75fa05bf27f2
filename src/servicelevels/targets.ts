import type { SeverityTargets, TierEntitlements } from '../agreements/lines.ts';
import type { RequestSeverity } from '../requests/events.ts';

/** What a tier promises at one severity, old tier versions read as they were meant. */
export function targetsFor(
  entitlements: TierEntitlements,
  severity: RequestSeverity,
): SeverityTargets {
  const stated = entitlements.serviceLevels?.[severity];
  if (stated) return stated;
  const hours = entitlements.responseHours[severity];
  return {
    firstResponse: hours === null ? null : { hours, mode: 'wall' },
    update: null,
    resolution: null,
    resolutionPausesOnSponsor: false,
  };
}

/**
 * Whether a tier's sponsors are owed the vulnerability clock: said by the tier, or, where it
 * says nothing, implied by a critical first response promised within the clock's 6 hours.
 */
export function qualifiesForVulnerabilityClock(entitlements: TierEntitlements): boolean {
  if (entitlements.vulnerabilityClock !== undefined) return entitlements.vulnerabilityClock;
  const critical = targetsFor(entitlements, 'critical').firstResponse;
  return critical !== null && critical.mode === 'wall' && critical.hours <= 6;
}
