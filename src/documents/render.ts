import type { Locale } from '../platform/i18n/locales.ts';
import { markdownPdf, sha256Hex } from './markdownPdf.ts';
import { fillTemplate, loadTemplate, type TemplateKey } from './templates.ts';

export interface RenderedDocument {
  templateKey: TemplateKey;
  templateVersion: string;
  title: string;
  body: string;
  sha256: string;
  pdf: Buffer;
  pdfSha256: string;
}

/**
 * Fills a template with data and sets it as a PDF. The same template, data and time give the
 * same bytes, so a version can be checked by rendering it again.
 */
export async function renderDocument(
  key: TemplateKey,
  data: Record<string, unknown>,
  options: { coopName: string; title?: string; createdAt: Date; locale?: Locale },
): Promise<RenderedDocument> {
  const template = loadTemplate(key, options.locale);
  const body = await fillTemplate(template, data);
  const sha256 = sha256Hex(body);
  const title = options.title ?? template.title;
  const pdf = await markdownPdf(body, {
    title,
    coopName: options.coopName,
    templateKey: key,
    templateVersion: template.version,
    sha256,
    createdAt: options.createdAt,
    // The frame speaks the text's language: English around a template that exists only in English.
    locale: template.locale,
  });
  return {
    templateKey: key,
    templateVersion: template.version,
    title,
    body,
    sha256,
    pdf,
    pdfSha256: sha256Hex(pdf),
  };
}
