/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { catalogue, catalogueProblems, type Catalogue } from './messages.ts';
import { serverMessages } from './translator.ts';

// Every message module of the server and of the web app, found by name so a new one is checked
// without being listed here.
const modules = import.meta.glob<Record<string, unknown>>(
  ['../../**/*[mM]essages.ts', '../../../web/src/**/*[mM]essages.ts', '!./messages.ts'],
  { eager: true },
);

function isCatalogue(value: unknown): value is Catalogue<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'namespace' in value &&
    'messages' in value &&
    typeof (value as { messages: unknown }).messages === 'object'
  );
}

const catalogues = Object.entries(modules).flatMap(([file, exports]) =>
  Object.values(exports as Record<string, unknown>)
    .filter(isCatalogue)
    .map((cat) => [file, cat] as const),
);

describe('message catalogues', () => {
  it('are found, server and web alike', () => {
    const files = catalogues.map(([file]) => file);
    expect(files.some((f) => f.includes('web/src/app/messages'))).toBe(true);
    expect(files.some((f) => f.includes('members/mailMessages'))).toBe(true);
  });

  it.each(catalogues.map(([file, cat]) => [cat.namespace, file, cat] as const))(
    '%s (%s) is complete in every language, with the same placeholders',
    (_namespace, _file, cat) => {
      expect(catalogueProblems(cat)).toEqual([]);
    },
  );

  it('have distinct namespaces', () => {
    const names = catalogues.map(([, cat]) => cat.namespace);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('catalogueProblems', () => {
  it('names an empty message, a dropped placeholder and a missing key', () => {
    const broken = catalogue<{ a: string; b: string; c: string }>('broken', {
      en: { a: 'Pay {{amount}} by {{day}}', b: 'Hello', c: 'Bye' },
      de: { a: 'Zahle bis {{day}}', b: ' ', d: 'Extra' } as unknown as {
        a: string;
        b: string;
        c: string;
      },
    });
    expect(catalogueProblems(broken)).toEqual([
      'broken:a in de fills {day}, English {amount,day}',
      'broken:b is empty in de',
      'broken:d in de has no English message',
      'broken:c is missing in de',
    ]);
  });
});

describe('serverMessages', () => {
  const say = serverMessages(
    catalogue('test-greeting', {
      en: { hello: 'Hello {{name}}', items_one: 'one item', items_other: '{{count}} items' },
      de: { hello: 'Hallo {{name}}', items_one: 'ein Eintrag', items_other: '{{count}} Einträge' },
    }),
  );

  it('writes in the language asked for, whatever the last call used', () => {
    expect(say('de', 'hello', { name: 'Jörg' })).toBe('Hallo Jörg');
    expect(say('en', 'hello', { name: 'Ada' })).toBe('Hello Ada');
    expect(say('de', 'hello', { name: 'Jörg' })).toBe('Hallo Jörg');
  });

  it('chooses the plural form by count', () => {
    expect(say('en', 'items', { count: 1 })).toBe('one item');
    expect(say('de', 'items', { count: 3 })).toBe('3 Einträge');
  });
});
