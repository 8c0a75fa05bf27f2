import type { Majority } from '../api/types.ts';

export const majorities: readonly Majority[] = [
  'simple',
  'two-thirds',
  'three-quarters',
  'unanimous',
];

export const majorityLabels: Record<Majority, string> = {
  simple: 'Simple majority (more than half)',
  'two-thirds': 'Two-thirds majority',
  'three-quarters': 'Three-quarters majority',
  unanimous: 'Unanimous',
};

/** Where a version stands against the one in force: in force, scheduled for later, or past. */
export function versionState(
  v: { version: number; effectiveOn: string },
  inForce: { version: number; effectiveOn: string } | undefined,
): 'in-force' | 'scheduled' | 'earlier' {
  if (!inForce) return 'earlier';
  if (v.version === inForce.version) return 'in-force';
  return v.effectiveOn > inForce.effectiveOn ||
    (v.effectiveOn === inForce.effectiveOn && v.version > inForce.version)
    ? 'scheduled'
    : 'earlier';
}
