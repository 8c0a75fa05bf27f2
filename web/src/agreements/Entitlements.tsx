import type { TierEntitlements } from './types.ts';
import { t } from './messages.ts';

const within = (hours: number | null) =>
  hours === null ? t('entitlements.noPromise') : t('entitlements.within', { hours });
const yesNo = (on: boolean) => (on ? t('entitlements.yes') : t('entitlements.no'));

/** What a tier includes, as a list a buyer reads. */
export function Entitlements({ e }: { e: TierEntitlements }) {
  return (
    <ul className="entitlements">
      <li>
        {t('entitlements.response', {
          critical: within(e.responseHours.critical),
          high: within(e.responseHours.high),
          normal: within(e.responseHours.normal),
          low: within(e.responseHours.low),
        })}
      </li>
      <li>{t('entitlements.expert', { count: e.expertHoursPerMonth })}</li>
      <li>{t('entitlements.reciprocal', { answer: yesNo(e.reciprocalAccess) })}</li>
      <li>{t('entitlements.meetings', { count: e.meetingsPerYear })}</li>
      <li>{t('entitlements.digest', { digest: t(`digest.${e.digest}`) })}</li>
      <li>{t('entitlements.acknowledgement', { answer: yesNo(e.publicAcknowledgement) })}</li>
    </ul>
  );
}
