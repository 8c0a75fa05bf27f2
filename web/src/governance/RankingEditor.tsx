import { useEffect, useId, useRef, useState } from 'react';
import { t } from './messages.ts';

export interface Rankable {
  key: string;
  label: string;
}

/**
 * Orders choices best first with buttons only (no dragging): add, move up, move down, remove.
 * After a move the focus stays on the button that was pressed, and the new position is
 * announced. Buttons at the ends are aria-disabled rather than disabled so focus is not lost.
 */
export function RankingEditor({
  choices,
  ranking,
  onChange,
  label,
  error,
}: {
  choices: readonly Rankable[];
  ranking: readonly string[];
  onChange: (ranking: string[]) => void;
  /** What is ranked, such as "candidates". */
  label: string;
  error?: string | undefined;
}) {
  const id = useId();
  const container = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<{ key: string; action: string } | null>(null);
  const byKey = new Map(choices.map((c) => [c.key, c]));
  const ranked = ranking.filter((k) => byKey.has(k));
  const unranked = choices.filter((c) => !ranked.includes(c.key));

  useEffect(() => {
    if (!focusTarget || !container.current) return;
    const selector = `[data-rank-key="${CSS.escape(focusTarget.key)}"] [data-action="${focusTarget.action}"]`;
    const fallback = `[data-rank-key="${CSS.escape(focusTarget.key)}"] button`;
    const target =
      container.current.querySelector<HTMLElement>(selector) ??
      container.current.querySelector<HTMLElement>(fallback);
    target?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const name = (key: string) => byKey.get(key)?.label ?? key;

  const move = (key: string, delta: number, action: string) => {
    const index = ranked.indexOf(key);
    const to = index + delta;
    if (index < 0 || to < 0 || to >= ranked.length) return;
    const next = [...ranked];
    next.splice(index, 1);
    next.splice(to, 0, key);
    onChange(next);
    setAnnouncement(
      t('ranking.movedTo', { name: name(key), position: to + 1, total: next.length }),
    );
    setFocusTarget({ key, action });
  };
  const add = (key: string) => {
    const next = [...ranked, key];
    onChange(next);
    setAnnouncement(t('ranking.addedAt', { name: name(key), position: next.length }));
    setFocusTarget({ key, action: 'up' });
  };
  const remove = (key: string) => {
    const index = ranked.indexOf(key);
    const next = ranked.filter((k) => k !== key);
    onChange(next);
    setAnnouncement(t('ranking.removed', { name: name(key) }));
    const neighbour = next[Math.min(index, next.length - 1)];
    setFocusTarget(neighbour ? { key: neighbour, action: 'remove' } : { key, action: 'add' });
  };

  return (
    <div
      ref={container}
      className={error ? 'ranking field-invalid' : 'ranking'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <p id={`${id}-ranked`} className="ranking-heading">
        {t('ranking.yours')}
      </p>
      {ranked.length === 0 ? (
        <p className="muted">{t('ranking.nothingYet', { what: label })}</p>
      ) : (
        <ol className="rank-list" aria-labelledby={`${id}-ranked`}>
          {ranked.map((key, i) => (
            <li key={key} data-rank-key={key} className="rank-row">
              <span className="rank-number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="rank-label">{name(key)}</span>
              <span className="rank-buttons">
                <button
                  type="button"
                  className="button small"
                  data-action="up"
                  aria-disabled={i === 0 || undefined}
                  onClick={() => move(key, -1, 'up')}
                >
                  <span aria-hidden="true">{t('ranking.up')}</span>
                  <span className="visually-hidden">
                    {t('ranking.moveUp', { name: name(key) })}
                  </span>
                </button>
                <button
                  type="button"
                  className="button small"
                  data-action="down"
                  aria-disabled={i === ranked.length - 1 || undefined}
                  onClick={() => move(key, 1, 'down')}
                >
                  <span aria-hidden="true">{t('ranking.down')}</span>
                  <span className="visually-hidden">
                    {t('ranking.moveDown', { name: name(key) })}
                  </span>
                </button>
                <button
                  type="button"
                  className="button small"
                  data-action="remove"
                  onClick={() => remove(key)}
                  aria-label={t('ranking.removeName', { name: name(key) })}
                >
                  {t('ranking.remove')}
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {unranked.length > 0 ? (
        <>
          <p id={`${id}-unranked`} className="ranking-heading">
            {t('ranking.notRanked')}
          </p>
          <ul className="rank-list unranked" aria-labelledby={`${id}-unranked`}>
            {unranked.map((c) => (
              <li key={c.key} data-rank-key={c.key} className="rank-row">
                <span className="rank-label">{c.label}</span>
                <span className="rank-buttons">
                  <button
                    type="button"
                    className="button small"
                    data-action="add"
                    onClick={() => add(c.key)}
                    aria-label={t('ranking.addName', { name: c.label })}
                  >
                    {t('ranking.add')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
