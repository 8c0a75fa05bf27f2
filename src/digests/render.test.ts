import { describe, expect, it } from 'vitest';
import { markdownToHtml, tableCell } from './render.ts';

describe('a digest’s tables', () => {
  it('set a record’s words literally: a title cannot dress a link or add emphasis', () => {
    const title = '[Log in again](https://evil.example) *now* | <b>x</b>';
    const html = markdownToHtml(`| Item |\n| --- |\n| ${tableCell(title)} |\n`, 'en', 'Digest');
    // A bare address may still be linked, but only ever shows itself.
    expect(html).not.toMatch(/<a [^>]*>Log in again/);
    expect(html).toContain('<a href="https://evil.example">https://evil.example</a>');
    expect(html).not.toContain('<em>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('[Log in again](');
    expect(html).toContain(') *now* | &lt;b&gt;x&lt;/b&gt;');
  });
});
