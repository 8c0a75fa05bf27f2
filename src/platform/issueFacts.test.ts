import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { setLocale } from '../../web/src/app/i18n.ts';
import { factMessage, knowsProblem } from '../../web/src/app/problemMessages.ts';
import { schemaWords } from './http/validationMessages.ts';
import { issueFact, issueFieldError } from './issueFacts.ts';
import './validation.ts';

const facts = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a failure');
  return result.error.issues.map((issue) => issueFact(issue));
};

describe('a schema issue as a fact the web words', () => {
  const row = z.strictObject({
    email: z.email(),
    name: z.string().min(1, 'a name is required').max(5),
    tags: z.array(z.string()).min(2),
    class: z.enum(['hacker', 'sponsor']),
    hours: z.number().positive().max(24),
    day: z.iso.date({ message: 'a date as YYYY-MM-DD' }),
    half: z
      .number()
      .refine((n) => Number.isInteger(n * 2), { message: 'halves', params: { code: 'x.halves' } }),
  });

  it('names every kind of issue by a code the web knows, and a refinement by its own', () => {
    const found = facts(row, {
      email: 'nope',
      name: '',
      tags: ['one'],
      class: 'member',
      hours: 0,
      day: '31.03.2027',
      half: 0.3,
      extra: 1,
    });
    expect(found).toEqual([
      { code: 'input.format', params: { format: 'email' } },
      { code: 'input.required', params: {} },
      { code: 'input.too-few', params: { count: 2 } },
      { code: 'input.one-of', params: { values: 'hacker, sponsor' } },
      { code: 'input.more-than', params: { n: 0 } },
      { code: 'input.format', params: { format: 'date' } },
      { code: 'x.halves', params: {} },
      { code: 'input.unknown-fields', params: { count: 1, keys: 'extra' } },
    ]);
    expect(facts(row.shape.name, 'longer than five')).toEqual([
      { code: 'input.too-long', params: { count: 5 } },
    ]);
    expect(facts(row.shape.email, undefined)).toEqual([{ code: 'input.required', params: {} }]);
    expect(facts(z.number().int(), 1.5)).toEqual([{ code: 'input.whole-number', params: {} }]);
    expect(facts(z.number(), 'ten')).toEqual([{ code: 'input.number', params: {} }]);
    expect(facts(z.number(), undefined)).toEqual([{ code: 'input.required', params: {} }]);
    const codes = found.map((f) => f.code).filter((c) => c !== 'x.halves');
    expect(codes.filter((c) => !knowsProblem(c))).toEqual([]);
  });

  it('words them in German', () => {
    setLocale('de', { remember: false });
    try {
      expect(factMessage({ code: 'input.format', params: { format: 'email' } })).toBe(
        'keine gültige E-Mail-Adresse',
      );
      expect(factMessage({ code: 'input.too-few', params: { count: 2 } })).toBe(
        'mindestens 2 Einträge',
      );
      expect(factMessage({ code: 'input.one-of', params: { values: 'hacker, sponsor' } })).toBe(
        'einer von hacker, sponsor',
      );
    } finally {
      setLocale('en', { remember: false });
    }
  });

  it('leaves a schema’s own words without a generic code, so the specific sentence stands', () => {
    const first = (schema: z.ZodType, input: unknown) =>
      issueFieldError('/x', schema.safeParse(input).error!.issues[0]!);
    // Ours: "rank at least one item" says more than "at least 1 entry".
    expect(first(z.array(z.string()).min(1, schemaWords('rankAnItem')), [])).toEqual({
      pointer: '/x',
      message: 'rank at least one item',
    });
    // A refinement that names its code keeps it, with its figures.
    const options = z
      .record(z.string(), z.number())
      .refine(() => false, schemaWords('optionCount', { options: 3 }, 'ballot.options'));
    expect(first(options, {})).toMatchObject({ code: 'ballot.options', params: { options: 3 } });
    // zod's own check keeps its generic code.
    expect(first(z.array(z.string()).min(2), [])).toMatchObject({ code: 'input.too-few' });
  });
});
