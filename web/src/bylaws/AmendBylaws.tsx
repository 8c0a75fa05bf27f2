import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../api/client.ts';
import { renameFields } from '../app/api.ts';
import { monthName } from '../app/format.ts';
import { t as common } from '../app/messages.ts';
import { daysFromNow, fromLocalInput, toDateInput, toLocalInput } from '../governance/labels.ts';
import {
  CheckboxField,
  FormProblem,
  NumberField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { amendBylawsInputSchema } from '../../../src/bylaws/amendmentInput.ts';
import { SharesFields, sharesValue, type SharesInput } from './SharesFields.tsx';
import type { BylawsDocument, BylawsVersion } from '../api/types.ts';
import { majorityInline, questionKinds } from '../bylaws/labels.ts';
import { t } from './messages.ts';
import { DecisionRulesFields } from './DecisionRulesFields.tsx';
import { ScheduledVersions } from './ScheduledVersions.tsx';
import { DateField } from '../app/DateField.tsx';

/** A number box whose empty state is NaN in the draft, caught before sending. */
const shown = (n: number): number | '' => (Number.isNaN(n) ? '' : n);
const stored = (v: number | ''): number => (v === '' ? Number.NaN : v);

const monthOptions = () =>
  Array.from({ length: 12 }, (_, i) => ({
    value: String(i + 1),
    label: monthName(i + 1),
  }));

const todayLocal = () => toDateInput(new Date());

/** The draft writes each kind of question's rules, even where older bylaws derived them. */
function withQuestions(current: BylawsVersion): BylawsDocument {
  const doc = structuredClone(current.document);
  const decisions = { ...doc.decisions };
  delete decisions.quorumPercent;
  delete decisions.majority;
  delete decisions.bylawAmendmentMajority;
  return {
    ...doc,
    decisions: {
      ...decisions,
      questions: decisions.questions ?? structuredClone(current.rules),
      entrenched: decisions.entrenched ?? { majority: 'two-thirds', inEachClass: true },
    },
  };
}

/** An administrator records an amendment adopted elsewhere; officers put one to a vote. */
function AmendForm({ current, canRecord }: { current: BylawsVersion; canRecord: boolean }) {
  const [, navigate] = useLocation();
  const form = useZodForm(amendBylawsInputSchema);
  const [summary, setSummary] = useState('');
  const [effectiveOn, setEffectiveOn] = useState(todayLocal);
  const [adoption, setAdoption] = useState<'record' | 'vote'>(canRecord ? 'record' : 'vote');
  const [opensAt, setOpensAt] = useState(() => toLocalInput(daysFromNow(1)));
  const [closesAt, setClosesAt] = useState(() => toLocalInput(daysFromNow(15, 18)));
  const [doc, setDoc] = useState<BylawsDocument>(() => withQuestions(current));
  const [pie, setPie] = useState<SharesInput>(current.document.pie);
  const [split, setSplit] = useState<SharesInput>(current.document.dividends.split);
  const e = form.error;

  const update = (change: (draft: BylawsDocument) => void) =>
    setDoc((old) => {
      const draft = structuredClone(old);
      change(draft);
      return draft;
    });

  // The draft as it travels: a number box left empty (NaN) arrives as null, which the schema
  // words as missing, before sending as after.
  const values = () => ({
    summary,
    document: JSON.parse(
      JSON.stringify({
        ...doc,
        pie: sharesValue(pie),
        dividends: { ...doc.dividends, split: sharesValue(split) },
      }),
    ) as unknown,
    effectiveOn,
  });
  // The vote's days are not the amendment's: the form checks them itself.
  const localChecks = (): Record<string, string> => {
    const local: Record<string, string> = {};
    if (adoption === 'vote' && !fromLocalInput(opensAt)) local['opensAt'] = t('amend.required');
    if (adoption === 'vote' && !fromLocalInput(closesAt)) local['closesAt'] = t('amend.required');
    return local;
  };

  const onSubmit = form.submitValid(
    values,
    async ({ summary, document, effectiveOn }) => {
      if (adoption === 'record') {
        const result = await api.post('/api/bylaws', { body: { summary, document, effectiveOn } });
        navigate(`/bylaws/versions/${result.version}`);
        return;
      }
      // The vote's question is the summary; the bylaws' amendment majority applies.
      const poll = await api
        .post('/api/proposals', {
          body: {
            title: summary,
            method: 'yes-no',
            bylawsDocument: document,
            bylawsEffectiveOn: effectiveOn,
            opensAt: fromLocalInput(opensAt),
            closesAt: fromLocalInput(closesAt),
          },
        })
        .catch((error: unknown) => {
          throw renameFields(error, {
            title: 'summary',
            bylawsDocument: 'document',
            bylawsEffectiveOn: 'effectiveOn',
          });
        });
      navigate(`/votes/${poll.id}`);
    },
    localChecks,
  );

  const fields = [
    'summary',
    'effectiveOn',
    'opensAt',
    'closesAt',
    'document.pie',
    'document.pie.sponsors',
    'document.pie.community',
    'document.pie.hackers',
    'document.cycle.lengthMonths',
    'document.fiscalYear.startMonth',
    ...questionKinds.flatMap((k) =>
      ['quorumPercent', 'majority', 'minimumOpenDays'].map(
        (f) => `document.decisions.questions.${k}.${f}`,
      ),
    ),
    'document.decisions.entrenched.majority',
    'document.funding.trailingMonths',
    'document.dividends.split',
    'document.dividends.split.sponsors',
    'document.dividends.split.community',
    'document.dividends.split.hackers',
    ...doc.officers.flatMap((_, i) => [
      `document.officers.${i}.title`,
      `document.officers.${i}.termMonths`,
      `document.officers.${i}.duties`,
    ]),
    ...doc.dividends.reserves.flatMap((_, i) => [
      `document.dividends.reserves.${i}.name`,
      `document.dividends.reserves.${i}.percent`,
    ]),
  ];

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
      <p className="lead">{t('amend.lead', { version: current.version })}</p>
      <ScheduledVersions inForce={current} effectiveOn={effectiveOn || todayLocal()} />
      <FormProblem problem={form.problem} fields={fields} />

      <fieldset>
        <legend>{t('amend.pie')}</legend>
        <SharesFields
          value={pie}
          onChange={setPie}
          error={e}
          prefix="document.pie"
          previewLabel={t('doc.pieBars')}
        />
        <div className="field-row">
          <NumberField
            label={t('amend.cycleLength')}
            value={shown(doc.cycle.lengthMonths)}
            onChange={(v) => update((d) => (d.cycle.lengthMonths = stored(v)))}
            min={1}
            max={12}
            required
            className="narrow"
            error={e('document.cycle.lengthMonths')}
          />
          <SelectField
            label={t('amend.fiscalYearStart')}
            value={String(doc.fiscalYear.startMonth)}
            onChange={(v) => update((d) => (d.fiscalYear.startMonth = Number(v)))}
            options={monthOptions()}
            error={e('document.fiscalYear.startMonth')}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('amend.decisions')}</legend>
        <p className="hint">{t('amend.decisionsHint')}</p>
        <DecisionRulesFields
          questions={doc.decisions.questions!}
          entrenched={doc.decisions.entrenched!}
          onChange={(change) => update((d) => change(d.decisions))}
          error={e}
        />
        <CheckboxField
          label={t('amend.secretBallots')}
          checked={doc.decisions.secretBallotsForElections}
          onChange={(c) => update((d) => (d.decisions.secretBallotsForElections = c))}
        />
      </fieldset>

      <fieldset>
        <legend>{t('amend.officers')}</legend>
        {e('document.officers') ? <p className="field-error">{e('document.officers')}</p> : null}
        {doc.officers.map((officer, i) => (
          <fieldset key={officer.role} className="nested">
            <legend>{officer.title || officer.role}</legend>
            <div className="field-row">
              <TextField
                label={t('amend.officerTitle')}
                value={officer.title}
                onChange={(v) => update((d) => (d.officers[i]!.title = v))}
                required
                className="grow"
                error={e(`document.officers.${i}.title`)}
              />
              <NumberField
                label={t('amend.term')}
                value={shown(officer.termMonths)}
                onChange={(v) => update((d) => (d.officers[i]!.termMonths = stored(v)))}
                min={1}
                max={120}
                required
                className="narrow"
                error={e(`document.officers.${i}.termMonths`)}
              />
            </div>
            <TextAreaField
              label={t('amend.duties')}
              value={officer.duties}
              onChange={(v) => update((d) => (d.officers[i]!.duties = v))}
              rows={2}
              error={e(`document.officers.${i}.duties`)}
            />
          </fieldset>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('amend.dividends')}</legend>
        {e('document.dividends.reserves') ? (
          <p className="field-error">{e('document.dividends.reserves')}</p>
        ) : null}
        {doc.dividends.reserves.map((reserve, i) => (
          <div className="field-row" key={i}>
            <TextField
              label={t('amend.reserveName', { number: i + 1 })}
              value={reserve.name}
              onChange={(v) => update((d) => (d.dividends.reserves[i]!.name = v))}
              required
              className="grow"
              error={e(`document.dividends.reserves.${i}.name`)}
            />
            <NumberField
              label={t('amend.reservePercent', { number: i + 1 })}
              value={shown(reserve.percent)}
              onChange={(v) => update((d) => (d.dividends.reserves[i]!.percent = stored(v)))}
              min={0}
              max={100}
              required
              className="narrow"
              error={e(`document.dividends.reserves.${i}.percent`)}
            />
          </div>
        ))}
        <p className="hint">{t('amend.splitHint')}</p>
        <SharesFields
          value={split}
          onChange={setSplit}
          error={e}
          prefix="document.dividends.split"
          previewLabel={t('doc.splitBars')}
        />
      </fieldset>

      <fieldset>
        <legend>{t('amend.fundingAndTransparency')}</legend>
        <NumberField
          label={t('amend.trailingMonths')}
          value={shown(doc.funding.trailingMonths)}
          onChange={(v) => update((d) => (d.funding.trailingMonths = stored(v)))}
          min={1}
          max={60}
          required
          className="narrow"
          error={e('document.funding.trailingMonths')}
        />
        <CheckboxField
          label={t('amend.publishDirectory')}
          checked={doc.transparency.publishMemberDirectory}
          onChange={(c) => update((d) => (d.transparency.publishMemberDirectory = c))}
        />
        <CheckboxField
          label={t('amend.publishFinance')}
          checked={doc.transparency.publishFinanceSummary}
          onChange={(c) => update((d) => (d.transparency.publishFinanceSummary = c))}
        />
        <CheckboxField
          label={t('amend.publishPay')}
          checked={doc.transparency.publishPersonalPay}
          onChange={(c) => update((d) => (d.transparency.publishPersonalPay = c))}
        />
        <CheckboxField
          label={t('amend.publishSponsorFunding')}
          checked={doc.transparency.publishSponsorFunding ?? false}
          onChange={(c) => update((d) => (d.transparency.publishSponsorFunding = c))}
        />
      </fieldset>

      <fieldset>
        <legend>{t('amend.theAmendment')}</legend>
        <TextAreaField
          label={t('amend.summary')}
          hint={t('amend.summaryHint')}
          value={summary}
          onChange={setSummary}
          required
          rows={2}
          maxLength={500}
          error={e('summary')}
        />
        <DateField
          label={t('amend.inForceFrom')}
          hint={t('amend.inForceFromHint')}
          value={effectiveOn}
          onChange={setEffectiveOn}
          min={todayLocal()}
          required
          className="narrow"
          error={e('effectiveOn')}
        />
        <SelectField
          label={t('amend.adoption')}
          hint={t('amend.adoptionHint')}
          value={adoption}
          onChange={(v) => setAdoption(v as 'record' | 'vote')}
          options={[
            ...(canRecord ? [{ value: 'record', label: t('amend.record') }] : []),
            {
              value: 'vote',
              label: t(
                current.document.decisions.entrenched?.inEachClass === false
                  ? 'amend.vote'
                  : 'amend.voteEachClass',
                {
                  majority: majorityInline(current.rules.amendment.majority),
                  entrenched: majorityInline(
                    current.document.decisions.entrenched?.majority ?? 'two-thirds',
                  ),
                },
              ),
            },
          ]}
        />
        {adoption === 'vote' ? (
          <div className="field-row">
            <DateField
              granularity="minute"
              label={t('amend.opens')}
              value={opensAt}
              onChange={setOpensAt}
              className="grow"
              error={e('opensAt')}
            />
            <DateField
              granularity="minute"
              label={t('amend.closes')}
              value={closesAt}
              onChange={setClosesAt}
              className="grow"
              error={e('closesAt')}
            />
          </div>
        ) : null}
      </fieldset>
      <div className="form-actions">
        <SubmitButton busy={form.busy}>
          {adoption === 'record' ? t('amend.adopt') : t('amend.putToVote')}
        </SubmitButton>
        <Link href="/bylaws">{common('form.cancel')}</Link>
      </div>
    </form>
  );
}

export function AmendBylaws() {
  const user = useUser();
  const current = useQuery('/api/bylaws');
  return (
    <Page title={t('amend.title')}>
      {!user.can.amendBylaws && !user.can.callVotes ? (
        <div className="notice notice-info" role="alert">
          <p>{t('amend.whoMay')}</p>
        </div>
      ) : current.error ? (
        <LoadError error={current.error} retry={current.reload} />
      ) : !current.data ? (
        <Loading />
      ) : (
        <AmendForm current={current.data} canRecord={user.can.amendBylaws} />
      )}
    </Page>
  );
}
