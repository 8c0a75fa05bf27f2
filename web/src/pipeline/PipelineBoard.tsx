import { Funnel } from 'lucide-react';
import { useState } from 'react';
import { EmptyState } from '../app/EmptyState.tsx';
import { Link } from 'wouter';
import { moveInputSchema } from '../../../src/pipeline/input.ts';
import { api } from '../api/client.ts';
import { formatDate } from '../app/format.ts';
import { FormProblem, SelectField, SubmitButton, TextField } from '../app/forms.tsx';
import { formatMoney, percent } from '../app/money.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import type { components } from '../api/schema.d.ts';
import { t } from './messages.ts';

type Opportunity = components['schemas']['Opportunity'];
type Stage = Opportunity['stage'];
const stages: Stage[] = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];

/** The board: one section per stage, each opportunity movable by a select (no dragging). */
export function PipelineBoard() {
  const user = useUser();
  const result = useQuery('/api/pipeline');
  const board = result.data;
  return (
    <Page
      title={t('board.title')}
      actions={
        <>
          {user.can.managePipeline ? (
            <Link href="/pipeline/new" className="button">
              {t('board.new')}
            </Link>
          ) : null}
          <Link href="/pipeline/forecast" className="button button-secondary">
            {t('board.forecast')}
          </Link>
        </>
      }
    >
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!board && !result.error ? <Loading /> : null}
      {board ? (
        <>
          <p className="muted">{t('board.staleAfter', { days: board.staleAfterDays })}</p>
          {board.stages.every((s) => s.opportunities.length === 0) ? (
            // The page's own "New opportunity" is the action: a second link of that name would
            // make two ways to say one thing.
            <EmptyState title={t('board.emptyTitle')} next={t('board.emptyNext')} icon={Funnel} />
          ) : null}
          {board.stages.map(({ stage, opportunities }) => (
            <section key={stage} className="card" aria-labelledby={`stage-${stage}`}>
              <h2 id={`stage-${stage}`}>
                {t(`stage.${stage}`)}{' '}
                <span className="muted">({t('board.count', { count: opportunities.length })})</span>
              </h2>
              {opportunities.length === 0 ? <p className="muted">{t('board.none')}</p> : null}
              <ul className="plain-list">
                {opportunities.map((o) => (
                  <OpportunityItem
                    key={o.id}
                    o={o}
                    manage={user.can.managePipeline}
                    reload={result.reload}
                  />
                ))}
              </ul>
            </section>
          ))}
        </>
      ) : null}
    </Page>
  );
}

function OpportunityItem({
  o,
  manage,
  reload,
}: {
  o: Opportunity;
  manage: boolean;
  reload: () => void;
}) {
  const title = o.kind === 'renewal' ? t('board.renewal', { number: o.title }) : o.title;
  return (
    <li className="card" data-testid={`opportunity-${o.id}`}>
      <h3>
        {o.organizationName}: {title}
      </h3>
      {o.stale.length > 0 ? (
        <p className="notice notice-warning">
          {o.stale.map((s) => t(`board.stale.${s}`)).join(' · ')}
        </p>
      ) : null}
      <dl className="details">
        <dt>{t('board.amount')}</dt>
        <dd>{formatMoney(o.amountMinor, o.currency)}</dd>
        <dt>{t('board.close')}</dt>
        <dd>{formatDate(o.expectedCloseOn)}</dd>
        <dt>{t('board.probability')}</dt>
        <dd>{percent(o.probabilityPercent)}</dd>
        <dt>{t('board.nextStep')}</dt>
        <dd>
          {o.nextStep || o.nextStepOn
            ? [o.nextStep, o.nextStepOn ? formatDate(o.nextStepOn) : null]
                .filter(Boolean)
                .join(' · ')
            : t('board.noNextStep')}
        </dd>
        {o.champion ? (
          <>
            <dt>{t('board.champion')}</dt>
            <dd>{[o.champion.name, o.champion.email].filter(Boolean).join(' · ')}</dd>
          </>
        ) : null}
        {o.engineerMonths ? (
          <>
            <dt>{t('board.engineerMonths')}</dt>
            <dd>{o.engineerMonths}</dd>
          </>
        ) : null}
        {o.lostReason ? (
          <>
            <dt>{t('board.lostReason')}</dt>
            <dd>{o.lostReason}</dd>
          </>
        ) : null}
      </dl>
      {o.stage === 'won' && manage && !o.agreementId ? (
        <Link
          className="button button-secondary"
          href={`/quotes/new?${new URLSearchParams({ organizationId: o.organizationId, title: o.title })}`}
        >
          {t('board.draftQuote')}
        </Link>
      ) : null}
      {o.agreementId ? (
        <Link href={`/agreements/${o.agreementId}`}>{t('board.agreement')}</Link>
      ) : null}
      {manage ? <MoveForm o={o} title={title} reload={reload} /> : null}
    </li>
  );
}

function MoveForm({ o, title, reload }: { o: Opportunity; title: string; reload: () => void }) {
  const form = useZodForm(moveInputSchema);
  const [stage, setStage] = useState<Stage>(o.stage);
  const [reason, setReason] = useState('');
  // The route's schema holds the rule that a lost deal says why: refused beside the reason,
  // in the route's words, before sending.
  const onSubmit = form.submitValid(
    () => ({ stage, ...(stage === 'lost' ? { reason } : {}) }),
    async (input) => {
      await api.post('/api/opportunities/{id}/move', {
        params: { path: { id: o.id } },
        body: input,
      });
      reload();
    },
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form form-inline">
      <FormProblem problem={form.problem} fields={['stage', 'reason']} />
      <SelectField
        label={t('board.moveTo', { title })}
        value={stage}
        onChange={(v) => setStage(v as Stage)}
        options={stages.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
        error={form.error('stage')}
      />
      {stage === 'lost' ? (
        <TextField
          label={t('board.reason')}
          value={reason}
          onChange={setReason}
          error={form.error('reason')}
        />
      ) : null}
      <SubmitButton busy={form.busy} className="button small">
        {t('board.move')}
      </SubmitButton>
    </form>
  );
}
