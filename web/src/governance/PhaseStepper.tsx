import { phaseDescriptions, phaseLabels, phases } from './labels.ts';
import type { CyclePhase } from '../api/types.ts';
import { t } from './messages.ts';

/** The five phases in order, the current one marked (in words too, not by colour alone). */
export function PhaseStepper({ phase }: { phase: CyclePhase }) {
  const current = phases.indexOf(phase);
  return (
    <div className="stepper-wrap">
      <ol className="stepper" aria-label={t('stepper.phases')}>
        {phases.map((p, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li
              key={p}
              className={`step step-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="step-marker" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>
              <span className="step-label">
                {phaseLabels[p]}
                {state === 'done' ? (
                  <span className="visually-hidden">{t('stepper.done')}</span>
                ) : null}
                {state === 'current' ? (
                  <span className="visually-hidden">{t('stepper.now')}</span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="step-description">{phaseDescriptions[phase]}</p>
    </div>
  );
}
