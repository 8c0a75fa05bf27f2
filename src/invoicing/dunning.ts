import { addDays } from './dates.ts';

export interface DunningStage {
  afterDays: number;
  label: string;
}

/**
 * The stage an overdue invoice has reached today, if one is due and none at or after it was
 * sent: the latest stage whose day has come. An invoice found late at a later stage (stages
 * configured after it fell due) gets that stage only, never a burst of the earlier ones.
 */
export function stageDue(
  stages: readonly DunningStage[],
  dueDate: string,
  today: string,
  sent: readonly number[],
): { stage: number; label: string } | null {
  let reached = -1;
  stages.forEach((s, i) => {
    if (addDays(dueDate, s.afterDays) <= today) reached = i;
  });
  if (reached < 0 || sent.some((s) => s >= reached)) return null;
  return { stage: reached, label: stages[reached]!.label };
}

/** Each stage's day for an invoice: the dunning calendar. */
export const stageDays = (stages: readonly DunningStage[], dueDate: string) =>
  stages.map((s, i) => ({ stage: i, label: s.label, on: addDays(dueDate, s.afterDays) }));
