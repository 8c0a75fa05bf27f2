import type { TierEntitlements } from './types.ts';

const within = (hours: number | null) => (hours === null ? 'no promise' : `within ${hours} h`);

/** What a tier includes, as a list a buyer reads. */
export function Entitlements({ e }: { e: TierEntitlements }) {
  return (
    <ul className="entitlements">
      <li>
        First response: critical {within(e.responseHours.critical)}, high{' '}
        {within(e.responseHours.high)}, normal {within(e.responseHours.normal)}, low{' '}
        {within(e.responseHours.low)}
      </li>
      <li>Expert advice on call: {e.expertHoursPerMonth} hours a month</li>
      <li>Reciprocal access: {e.reciprocalAccess ? 'yes' : 'no'}</li>
      <li>Meetings: {e.meetingsPerYear} a year</li>
      <li>Digest: {e.digest === 'none' ? 'none' : e.digest}</li>
      <li>Public acknowledgement: {e.publicAcknowledgement ? 'yes' : 'no'}</li>
    </ul>
  );
}
