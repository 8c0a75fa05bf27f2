import { useState } from 'react';
import { declineCreditInputSchema } from '../../../src/servicelevels/credits/declineInput.ts';
import { api } from '../api/client.ts';
import type { Schemas } from '../api/client.ts';
import { ConfirmAction } from '../app/ConfirmAction.tsx';
import { TextAreaField } from '../app/forms.tsx';
import { formatMoney, percent } from '../app/money.ts';
import { parseWithSchema } from '../app/zodForm.ts';
import { kindLabel } from './labels.ts';
import { t } from './messages.ts';

type Credit = Schemas['ServiceCredit'];

/** Basis points as a percent in the reader's language: 250 -> "2.5%" / "2,5 %". */
const basisPoints = (bp: number) => percent(bp / 100);

/**
 * The service credit a breached clock proposed: its amount and where it stands (with the credit
 * notes it was issued on), and for officers the confirm and decline actions while proposed.
 */
export function ServiceCreditCell({
  credit,
  clockKind,
  canDecide,
  onDone,
}: {
  credit: Credit | null;
  clockKind: Parameters<typeof kindLabel>[0];
  canDecide: boolean;
  onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  if (!credit) return <span className="muted">—</span>;
  const amount = formatMoney(credit.amountMinor, credit.currency);
  const notes = credit.issues.map((i) => i.creditNoteNumber).join(', ');
  const params = { path: { id: credit.id } };
  return (
    <div>
      <p>
        {amount} — {t(`credit.state.${credit.state}`)}
      </p>
      {credit.state === 'confirmed' && credit.issuedMinor !== '0' ? (
        <p className="muted">
          {t('credit.partly', { issued: formatMoney(credit.issuedMinor, credit.currency), notes })}
        </p>
      ) : null}
      {credit.state === 'issued' ? (
        <p className="muted">{t('credit.issuedOn', { notes })}</p>
      ) : null}
      {credit.state === 'declined' && credit.declineReason ? (
        <p className="muted">{t('credit.because', { reason: credit.declineReason })}</p>
      ) : null}
      {canDecide && credit.state === 'proposed' ? (
        <>
          <p className="muted">
            {t('credit.how', {
              share: basisPoints(credit.perBreachBasisPoints),
              fee: formatMoney(credit.periodFeeMinor, credit.currency),
              cap: basisPoints(credit.capBasisPoints),
              taken: formatMoney(credit.takenMinor, credit.currency),
            })}
          </p>
          <ConfirmAction
            trigger={t('credit.confirmTrigger')}
            title={t('credit.confirmTitle', { amount, kind: kindLabel(clockKind) })}
            confirm={t('credit.confirmAction')}
            onConfirm={async () => {
              await api.post('/api/service-credits/{id}/confirm', { params });
              onDone();
              return t('credit.confirmed');
            }}
          >
            <p>{t('credit.confirmText', { amount })}</p>
          </ConfirmAction>
          <ConfirmAction
            tone="danger"
            trigger={t('credit.declineTrigger')}
            title={t('credit.declineTitle', { amount })}
            confirm={t('credit.declineAction')}
            fields={['reason']}
            onConfirm={async () => {
              // The reason is checked with the route's own schema before sending.
              const body = parseWithSchema(declineCreditInputSchema, { reason });
              await api.post('/api/service-credits/{id}/decline', { params, body });
              onDone();
              return t('credit.declined');
            }}
          >
            {(error) => (
              <>
                <p>{t('credit.declineText')}</p>
                <TextAreaField
                  label={t('credit.reason')}
                  hint={t('credit.reasonHint')}
                  value={reason}
                  onChange={setReason}
                  rows={3}
                  error={error('reason')}
                />
              </>
            )}
          </ConfirmAction>
        </>
      ) : null}
    </div>
  );
}
