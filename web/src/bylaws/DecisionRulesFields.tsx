import { CheckboxField, NumberField, SelectField } from '../app/forms.tsx';
import { ElectorateField } from '../governance/ElectorateField.tsx';
import type { BylawsDocument, Majority, QuestionKind, QuestionRulesByKind } from '../api/types.ts';
import { majorities, majorityLabel, questionKindLabel, questionKinds } from './labels.ts';
import { t } from './messages.ts';

const majorityOptions = () => majorities.map((m) => ({ value: m, label: majorityLabel(m) }));
const shown = (n: number): number | '' => (Number.isNaN(n) ? '' : n);
const stored = (v: number | ''): number => (v === '' ? Number.NaN : v);

/** The rules of each kind of question, and what entrenched changes need. */
export function DecisionRulesFields({
  questions,
  entrenched,
  onChange,
  error,
}: {
  questions: QuestionRulesByKind;
  entrenched: NonNullable<BylawsDocument['decisions']['entrenched']>;
  onChange: (change: (decisions: BylawsDocument['decisions']) => void) => void;
  error: (key: string) => string | undefined;
}) {
  const set = (kind: QuestionKind, change: (rules: QuestionRulesByKind[QuestionKind]) => void) =>
    onChange((d) => change(d.questions![kind]));
  return (
    <>
      {questionKinds.map((kind) => {
        const rules = questions[kind];
        const key = `document.decisions.questions.${kind}`;
        return (
          <fieldset key={kind} className="nested">
            <legend>{questionKindLabel(kind)}</legend>
            <div className="field-row">
              <NumberField
                label={t('rulesFields.quorum')}
                value={shown(rules.quorumPercent)}
                onChange={(v) => set(kind, (r) => (r.quorumPercent = stored(v)))}
                min={0}
                max={100}
                required
                className="narrow"
                error={error(`${key}.quorumPercent`)}
              />
              {kind === 'election' ? null : (
                <SelectField
                  label={t('rulesFields.majority')}
                  value={rules.majority}
                  onChange={(v) => set(kind, (r) => (r.majority = v as Majority))}
                  options={majorityOptions()}
                  error={error(`${key}.majority`)}
                />
              )}
              <NumberField
                label={t('rulesFields.openAtLeast')}
                value={shown(rules.minimumOpenDays)}
                onChange={(v) => set(kind, (r) => (r.minimumOpenDays = stored(v)))}
                min={0}
                max={90}
                required
                className="narrow"
                error={error(`${key}.minimumOpenDays`)}
              />
            </div>
            <ElectorateField
              legend={t(`whoVotesOn.${kind}`)}
              value={rules.electorate}
              onChange={(electorate) => set(kind, (r) => (r.electorate = electorate))}
            />
            {kind === 'election' ? null : (
              <CheckboxField
                label={t('rulesFields.classBalanced')}
                checked={rules.classBalanced}
                onChange={(c) => set(kind, (r) => (r.classBalanced = c))}
              />
            )}
          </fieldset>
        );
      })}
      <fieldset className="nested">
        <legend>{t('rulesFields.entrenched')}</legend>
        <SelectField
          label={t('rulesFields.entrenchedMajority')}
          value={entrenched.majority}
          onChange={(v) =>
            onChange((d) => (d.entrenched = { ...entrenched, majority: v as Majority }))
          }
          options={majorityOptions()}
          error={error('document.decisions.entrenched.majority')}
        />
        <CheckboxField
          label={t('rulesFields.inEachClass')}
          checked={entrenched.inEachClass}
          onChange={(c) => onChange((d) => (d.entrenched = { ...entrenched, inEachClass: c }))}
        />
      </fieldset>
    </>
  );
}
