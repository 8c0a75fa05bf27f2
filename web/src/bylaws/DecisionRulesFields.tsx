import { CheckboxField, NumberField, SelectField } from '../app/forms.tsx';
import { ElectorateField } from '../governance/ElectorateField.tsx';
import type { BylawsDocument, Majority, QuestionKind, QuestionRulesByKind } from '../api/types.ts';
import { majorities, majorityLabels, questionKindLabels, questionKinds } from './labels.ts';

const majorityOptions = majorities.map((m) => ({ value: m, label: majorityLabels[m] }));
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
            <legend>{questionKindLabels[kind]}</legend>
            <div className="field-row">
              <NumberField
                label="Quorum (% of the electorate)"
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
                  label="Majority"
                  value={rules.majority}
                  onChange={(v) => set(kind, (r) => (r.majority = v as Majority))}
                  options={majorityOptions}
                  error={error(`${key}.majority`)}
                />
              )}
              <NumberField
                label="Open at least (days)"
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
              legend={`Who votes on ${questionKindLabels[kind].toLowerCase()}`}
              value={rules.electorate}
              onChange={(electorate) => set(kind, (r) => (r.electorate = electorate))}
            />
            {kind === 'election' ? null : (
              <CheckboxField
                label="Counted by class, each weighted by its share of the pie"
                checked={rules.classBalanced}
                onChange={(c) => set(kind, (r) => (r.classBalanced = c))}
              />
            )}
          </fieldset>
        );
      })}
      <fieldset className="nested">
        <legend>Entrenched: the pie, the dividend split and these rules</legend>
        <SelectField
          label="Majority an entrenched change needs"
          value={entrenched.majority}
          onChange={(v) =>
            onChange((d) => (d.entrenched = { ...entrenched, majority: v as Majority }))
          }
          options={majorityOptions}
          error={error('document.decisions.entrenched.majority')}
        />
        <CheckboxField
          label="Reached in each member class separately"
          checked={entrenched.inEachClass}
          onChange={(c) => onChange((d) => (d.entrenched = { ...entrenched, inEachClass: c }))}
        />
      </fieldset>
    </>
  );
}
