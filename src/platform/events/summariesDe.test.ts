import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { registeredEventTypes } from '../../eventCatalogue.ts';
import { eventSummary } from './localized.ts';
import type { EventType } from './registry.ts';
import { summariesDe } from './summariesDe.ts';

/**
 * Event types whose German summary may read exactly as the English one (a sentence made only of
 * proper nouns and code). None yet: each entry needs its reason beside it.
 */
const sameInGerman = new Set<string>([]);

describe('the event catalogue in German', () => {
  const types = registeredEventTypes();

  it('every registered event type has a German summary', () => {
    const missing = types.map((t) => t.name).filter((name) => !(name in summariesDe));
    expect(missing, 'add them to src/platform/events/summariesDe.ts').toEqual([]);
  });

  it('every German summary names a registered event type', () => {
    const names = new Set(types.map((t) => t.name));
    const unknown = Object.keys(summariesDe).filter((name) => !names.has(name));
    expect(unknown, 'renamed or removed events: drop or rename their German summary').toEqual([]);
  });

  it('no German summary is empty or merely the English one', () => {
    const untranslated = types
      .filter((t) => !sameInGerman.has(t.name))
      .filter((t) => {
        const de = summariesDe[t.name]?.trim() ?? '';
        return de === '' || de === t.summary.trim();
      })
      .map((t) => t.name);
    expect(untranslated).toEqual([]);
  });

  it('keeps the field names a summary quotes, which receivers read in the payload', () => {
    for (const type of types) {
      const quoted = type.summary.match(/`[^`]+`/g) ?? [];
      for (const code of quoted) expect(summariesDe[type.name], type.name).toContain(code);
    }
  });

  it('gives the summary in the locale asked for, English when German has none', () => {
    const created = types.find((t) => t.name === 'organization.created')!;
    expect(eventSummary(created, 'en')).toBe(created.summary);
    expect(eventSummary(created, 'de')).toBe(summariesDe['organization.created']);
    const unlisted: EventType = {
      name: 'testing.never-translated',
      version: 1,
      subject: 'testing',
      summary: 'Only in English.',
      data: z.object({}),
    };
    expect(eventSummary(unlisted, 'de')).toBe('Only in English.');
  });
});
