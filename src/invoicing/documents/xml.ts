/** Text and attribute values escaped for XML. */
export const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * One element: its text escaped, or its children as given (already XML); nothing at all when
 * the content is null, undefined or empty, so optional fields simply drop out.
 */
export function el(
  name: string,
  content: string | null | undefined | (string | null | undefined | false)[],
  attrs: Record<string, string | null | undefined> = {},
): string {
  const inner = Array.isArray(content) ? content.filter(Boolean).join('') : content;
  if (inner === null || inner === undefined || inner === '') return '';
  const attributes = Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${esc(v!)}"`)
    .join('');
  return `<${name}${attributes}>${Array.isArray(content) ? inner : esc(inner)}</${name}>`;
}
