import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { setupInputSchema } from '../../coop/setupInput.ts';
import { claimInputSchema } from '../../finance/expenses/claimInput.ts';
import { lockInputSchema } from '../../finance/commands/lockPeriod.ts';
import { sponsorPointsSchema } from '../../governance/sponsorPointsRule.ts';
import { inviteInputSchema } from '../../members/invitationInput.ts';
import { leaves } from '../i18n/messages.ts';
import { AmountError, parseAmount } from '../money/amount.ts';
import { validationCatalogue } from '../validation.ts';
import { bodyIssues } from './problemMessages.ts';
import {
  schemaWords,
  schemaWordsCatalogue,
  schemaWordsIn,
  schemaWordsOf,
} from './validationMessages.ts';

/** What a schema says about an input, as the problem handler and the web form word it. */
function issues(schema: z.ZodType, input: unknown, locale: 'en' | 'de') {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('the input was meant to be refused');
  return bodyIssues(locale, result.error.issues);
}

describe('the schemas’ own words in German', () => {
  it('words a refinement, a pattern, a date range and zod’s own checks', () => {
    const pie = { sponsors: 50, community: 30, hackers: 30 };
    const setup = {
      name: 'Acme',
      pie,
      admin: { displayName: 'Ada', email: 'not-mail', password: 'a long enough passphrase' },
    };
    expect(issues(setupInputSchema, setup, 'en')).toEqual([
      { pointer: '/body/pie', message: 'the pie shares must sum to 100' },
      { pointer: '/body/admin/email', message: 'not an email address' },
    ]);
    expect(issues(setupInputSchema, setup, 'de')).toEqual([
      { pointer: '/body/pie', message: 'die Anteile am Kuchen müssen zusammen 100 ergeben' },
      { pointer: '/body/admin/email', message: 'keine gültige E-Mail-Adresse' },
    ]);

    const claim = {
      title: 'Train',
      category: 'travel',
      account: 'expenses:travel',
      incurredOn: '2026-03-01',
      amount: '42,50',
    };
    expect(issues(claimInputSchema, claim, 'de')).toEqual([
      { pointer: '/body/amount', message: 'ein positiver Betrag wie 42.50' },
    ]);

    const backwards = { fromDay: '2026-03-31', toDay: '2026-03-01' };
    expect(issues(lockInputSchema, backwards, 'de')).toEqual([
      { pointer: '/body/toDay', message: 'der Zeitraum endet, bevor er beginnt' },
    ]);

    const sponsor = { email: 'x@example.org', memberClass: 'sponsor' };
    expect(issues(inviteInputSchema, sponsor, 'de').map((i) => i.message)).toContain(
      'eine Vertretung eines Sponsors braucht eine Organisation',
    );

    const points = { 'c5d8b0b6-6b0a-4c6c-8d43-2a3f7c5b9a10': 1.5 };
    expect(issues(sponsorPointsSchema, points, 'de')).toEqual([
      { pointer: '/body/c5d8b0b6-6b0a-4c6c-8d43-2a3f7c5b9a10', message: 'nur ganze Punkte' },
    ]);
  });

  it('words a parser’s refusal by its English text, figures and all', () => {
    const refusal = (text: string) => {
      try {
        parseAmount(text, 'EUR');
      } catch (error) {
        if (error instanceof AmountError) return error.message;
      }
      throw new Error(`${text} was meant to be refused`);
    };
    expect(refusal('12.345')).toBe('EUR has 2 decimals: “12.345” has 3');
    expect(schemaWordsIn('de', undefined, refusal('12.345'))).toBe(
      'EUR hat 2 Nachkommastellen: „12.345“ hat 3',
    );
    expect(schemaWordsIn('de', undefined, refusal('lots'))).toBe(
      '„lots“ ist kein Betrag wie 1234.50',
    );
    // A sentence that is none of the schemas' words is left to its writer.
    expect(schemaWordsIn('de', undefined, 'already taken')).toBeUndefined();
  });

  it('finds each message again by its English words, as itself and nothing else', () => {
    for (const [key, text] of leaves(schemaWordsCatalogue.messages.en)) {
      const vars = Object.fromEntries(
        [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m, i) => [m[1]!, `${m[1]}-${i}`]),
      );
      const english = schemaWords(key as never, vars).message;
      expect(schemaWordsOf(english), english).toEqual(
        Object.keys(vars).length > 0 ? { key, vars } : { key },
      );
    }
    // zod's own plain messages ("at most 200 characters") are not mistaken for a schema's.
    for (const [, text] of leaves(validationCatalogue.messages.en))
      expect(schemaWordsOf(text.replaceAll(/\{\{\w+\}\}/g, '3')), text).toBeUndefined();
  });
});

/**
 * Where a message could be written into a schema as a literal, bypassing the catalogue: the
 * checks that take one (`.regex(re, 'words')`, `.refine(ok, 'words')`, `.min(1, 'words')`), and
 * a `message` or `error` property of a zod call's options or of `ctx.addIssue`.
 */
const checksTakingWords = new Set([
  'refine',
  'regex',
  'min',
  'max',
  'length',
  'int',
  'positive',
  'nonnegative',
  'negative',
  'nonpositive',
  'nonempty',
  'gt',
  'gte',
  'lt',
  'lte',
  'multipleOf',
  'custom',
]);
const callsTakingOptions = new Set([
  ...checksTakingWords,
  'superRefine',
  'addIssue',
  'string',
  'number',
  'bigint',
  'boolean',
  'date',
  'datetime',
  'time',
  'email',
  'url',
  'uuid',
  'enum',
  'literal',
  'array',
  'object',
  'strictObject',
  'record',
  'union',
]);

// Read only by whoever runs the server or the CLI, in English: the environment's settings and
// the `coop` command line's options.
const englishOnly = [/^src\/platform\/config\.ts$/, /^src\/cli\//, /^src\/testing\//];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const isText = (node: ts.Node) =>
  ts.isStringLiteral(node) ||
  ts.isNoSubstitutionTemplateLiteral(node) ||
  ts.isTemplateExpression(node);

/** Each literal message written into a zod call in a file, as "file:line words". */
function literalMessages(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  if (!/from 'zod'/.test(source.text)) return [];
  const found: { at: number; text: string }[] = [];
  const report = (node: ts.Node) => {
    const at = node.getStart();
    const { line } = source.getLineAndCharacterOfPosition(at);
    found.push({ at, text: `${file}:${line + 1} ${node.getText().slice(0, 60)}` });
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      node.arguments.forEach((arg, i) => {
        // z.literal('closed') names a value; its message comes in the options after it.
        if (checksTakingWords.has(name) && isText(arg) && !(name === 'literal' && i === 0))
          report(arg);
        if (callsTakingOptions.has(name) && ts.isObjectLiteralExpression(arg))
          for (const property of arg.properties)
            if (
              ts.isPropertyAssignment(property) &&
              ['message', 'error'].includes(property.name.getText()) &&
              isText(property.initializer)
            )
              report(property.initializer);
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.sort((a, b) => a.at - b.at).map((f) => f.text);
}

describe('every message written into a schema', () => {
  it('comes from the schema words’ catalogue, so it has its German twin', () => {
    const files = sourceFiles('src').filter((f) => !englishOnly.some((re) => re.test(f)));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((file) => literalMessages(file))).toEqual([]);
  });

  it('is caught by the scan when written as a literal', () => {
    const schema = [
      "import { z } from 'zod';",
      "const a = z.string().regex(/^x$/, 'an x');",
      "const b = z.number({ error: 'a number' }).int(`whole`).min(1, { message: 'one' });",
      "const c = z.object({}).refine(() => true, 'fine').superRefine((v, ctx) => {",
      "  ctx.addIssue({ code: 'custom', message: `bad ${v}` });",
      '});',
      "const d = z.literal('closed', { error: 'not closed' }).describe('words for OpenAPI');",
      "const e = z.string().regex(/^x$/, schemaWords('shortSlug'));",
    ].join('\n');
    expect(literalMessages('schema.ts', schema).map((m) => m.replace(/^\S+ /, ''))).toEqual([
      "'an x'",
      "'a number'",
      '`whole`',
      "'one'",
      "'fine'",
      '`bad ${v}`',
      "'not closed'",
    ]);
  });
});
