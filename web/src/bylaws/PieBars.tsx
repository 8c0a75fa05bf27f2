import type { ClassShares } from '../api/types.ts';

const parts: { key: keyof ClassShares; label: string }[] = [
  { key: 'sponsors', label: 'Sponsors' },
  { key: 'community', label: 'Community' },
  { key: 'hackers', label: 'Hackers' },
];

/** Shares as labelled horizontal bars: readable without colour, and as text for screen readers. */
export function PieBars({ shares, label }: { shares: ClassShares; label: string }) {
  return (
    <figure className="bars">
      <figcaption>{label}</figcaption>
      <ul className="bar-list">
        {parts.map(({ key, label: partLabel }) => {
          const value = Math.max(0, Math.min(100, shares[key]));
          return (
            <li key={key} className={`bar-row bar-${key}`}>
              <span className="bar-label">{partLabel}</span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${value}%` }} />
              </span>
              <span className="bar-value">{shares[key]}%</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
