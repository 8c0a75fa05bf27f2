import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Liquid, LiquidError } from 'liquidjs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { badRequest } from '../platform/errors.ts';
import { codedReason, type ReasonParams } from '../platform/reasons.ts';
import { locales, type Locale } from '../platform/i18n/locales.ts';
import { templateKeys, type TemplateKey } from './templateKeys.ts';

const templatesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates');

export { templateKeys, type TemplateKey };

const frontMatterSchema = z.object({
  key: z.enum(templateKeys),
  version: z.string().regex(/^\d+\.\d+(\.\d+)?$/),
  title: z.string().min(1),
  /** Who accepts it: a sponsor's signatory, a member, or nobody (it is informative). */
  acceptedBy: z.enum(['organization', 'member', 'none']),
  description: z.string().default(''),
  attribution: z.string().optional(),
  /** The language the text is written in. */
  locale: z.enum(locales).default('en'),
});

export interface Template extends z.infer<typeof frontMatterSchema> {
  body: string;
}

const cache = new Map<string, Template>();

/** A template file: YAML front matter between `---` lines, then Markdown with Liquid tags. */
export function parseTemplateFile(text: string): Template {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replace(/\r\n/g, '\n'));
  if (!match) throw new Error('a template starts with front matter between --- lines');
  return { ...frontMatterSchema.parse(parseYaml(match[1]!)), body: match[2]! };
}

/**
 * A template in a language: `quote.de.md` beside `quote.md`. Most templates (the legal texts,
 * the DCO) exist in English only, and every language gets that text.
 */
export function loadTemplate(key: TemplateKey, locale: Locale = 'en'): Template {
  const translated = path.join(templatesDir, `${key}.${locale}.md`);
  const file =
    locale !== 'en' && fs.existsSync(translated)
      ? translated
      : path.join(templatesDir, `${key}.md`);
  const known = cache.get(file);
  if (known) return known;
  const template = parseTemplateFile(fs.readFileSync(file, 'utf8'));
  if (template.key !== key) throw new Error(`${file} declares the key ${template.key}`);
  cache.set(file, template);
  return template;
}

export const listTemplates = (): Template[] => templateKeys.map((key) => loadTemplate(key));

/**
 * Liquid, sandboxed: no file system (no include or render of other files), own properties only
 * (no prototype walking), and a missing variable or filter is an error, never an empty gap in a
 * contract.
 */
const liquid = new Liquid({
  strictVariables: true,
  strictFilters: true,
  ownPropertyOnly: true,
  relativeReference: false,
  fs: {
    exists: async () => false,
    existsSync: () => false,
    readFile: async () => {
      throw new Error('templates cannot read files');
    },
    readFileSync: () => {
      throw new Error('templates cannot read files');
    },
    resolve: (_dir: string, file: string) => file,
  },
});

/**
 * liquidjs's refusal as a kind the web words, at its line and column in the template: a
 * variable the data lacks, a filter or tag Liquid does not know, a tag or output not closed, a
 * template reaching for a file; any other is a syntax error (TokenizationError, ParseError) or
 * one in filling (RenderError), its own words quoted. An error that is no LiquidError (it has
 * no place) keeps only its English.
 */
export function templateReason(error: unknown): ReasonParams {
  const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  if (!LiquidError.is(error)) return { reason };
  const [line, column] = error.token.getPosition();
  const place = { line: line!, column: column! };
  // The library's words without the place it appends (", line:1, col:9").
  const words = (error.originalError?.message ?? reason).replace(/, line:\d+, col:\d+$/, '');
  const original = error.originalError as { variableName?: unknown } | undefined;
  if (typeof original?.variableName === 'string')
    return codedReason(reason, 'template.undefined-variable', {
      variable: original.variableName,
      ...place,
    });
  const known: [RegExp, string, string][] = [
    [/^undefined filter: (.+)$/, 'template.undefined-filter', 'filter'],
    [/^tag "(.+)" not found$/, 'template.unknown-tag', 'tag'],
    [/^(?:output |tag )?(.+) not closed$/, 'template.not-closed', 'text'],
  ];
  for (const [pattern, code, figure] of known) {
    const m = pattern.exec(words);
    if (m)
      return codedReason(reason, code, { [figure]: m[1]!.replace(/^"(.*)"$/, '$1'), ...place });
  }
  // The sandbox's file system (see `liquid` above) finds no file: an include or a render.
  if (/^ENOENT: Failed to lookup /.test(words))
    return codedReason(reason, 'template.reads-file', place);
  return codedReason(reason, error.name === 'RenderError' ? 'template.render' : 'template.syntax', {
    text: words,
    ...place,
  });
}

/** Fills a template; a variable the data lacks is a 400 naming it. */
export async function fillTemplate(
  template: Pick<Template, 'key' | 'body'>,
  data: Record<string, unknown>,
): Promise<string> {
  try {
    return await liquid.parseAndRender(template.body, data);
  } catch (error) {
    const reason = templateReason(error);
    throw badRequest(`The ${template.key} template cannot be filled: ${reason.reason}`, [
      { pointer: '/template', message: reason.reason },
    ]).because('template.unfillable', { template: template.key, ...reason });
  }
}
