import type { ClassShares } from '../api/types.ts';
import { t as common } from '../app/messages.ts';
import { percent } from '../app/money.ts';

const parts: { key: keyof ClassShares; memberClass: 'sponsor' | 'community' | 'hacker' }[] = [
  { key: 'sponsors', memberClass: 'sponsor' },
  { key: 'community', memberClass: 'community' },
  { key: 'hackers', memberClass: 'hacker' },
];

/** Shares as labelled horizontal bars: readable without colour, and as text for screen readers. */
export function PieBars({ shares, label }: { shares: ClassShares; label: string }) {
  return (
    <figure className="bars">
      <figcaption>{label}</figcaption>
      <ul className="bar-list">
        {parts.map(({ key, memberClass }) => {
          const value = Math.max(0, Math.min(100, shares[key]));
          return (
            <li key={key} className={`bar-row bar-${key}`}>
              <span className="bar-label">{common(`memberClassPlural.${memberClass}`)}</span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${value}%` }} />
              </span>
              <span className="bar-value">{percent(shares[key])}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
