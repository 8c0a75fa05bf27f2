import { Fragment, type ReactNode } from 'react';

/**
 * The placeholder value for the i-th emphasized part of a translated sentence: the catalogue
 * decides where the value stands (word order differs between languages), the page makes it bold.
 */
export const emphasis = (i: number): string => `\uE000${i}\uE000`;

/** `t('plan.capacityIntro', { hours: emphasis(0) })` with `values[0]` in <strong> where it falls. */
export function Emphasized({ text, values }: { text: string; values: ReactNode[] }) {
  const parts = text.split(/\uE000(\d+)\uE000/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 0 ? (
          <Fragment key={i}>{part}</Fragment>
        ) : (
          <strong key={i}>{values[Number(part)]}</strong>
        ),
      )}
    </>
  );
}
