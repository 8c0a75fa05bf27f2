import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../../web/src/app/i18n.ts';
import { problemMessage } from '../../../web/src/app/problemMessages.ts';
import type { Problem } from '../../../web/src/app/api.ts';
import {
  addMember,
  adminCredentials,
  setUpCoop,
  startTestApp,
  type TestApp,
} from '../../testing/testApp.ts';

/**
 * The domains whose refusals are all named by code, so that a member reads them in their own
 * language. (Finance, invoicing, agreements and the sponsor-facing domains are checked by
 * problemCodes.test.ts code by code.)
 */
const coded = [
  'src/governance',
  'src/bylaws',
  'src/coop',
  'src/members',
  'src/platform',
  'src/todo',
  'src/audit',
  'src/transparency',
];

/**
 * Refusals left without a code on purpose, by file and the start of the call's arguments.
 * Refusals that carry one message per field name each field's problem by code (FieldError's
 * `code`, checked by fieldCodes.test.ts) and the whole by a code that counts them.
 */
const uncodedOnPurpose = [
  // A schema's issues for input that did not come over HTTP (zod's words, localized at HTTP).
  { file: 'src/platform/validation.ts', call: 'badRequest(\n' },
];

const refusal =
  /\b(?:badRequest|conflict|gone|unauthorized|forbidden|tooManyRequests)\(|\bnew AppError\(/g;

/** Past a quoted string that starts at `i`. */
function pastQuoted(source: string, i: number): number {
  const quote = source[i];
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === quote) return j + 1;
  }
  return source.length;
}

/** Past a template literal that starts at `i`, its `${…}` read as code. */
function pastTemplate(source: string, i: number): number {
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === '`') return j + 1;
    else if (source.startsWith('${', j)) j = pastCode(source, j + 2, '}') - 1;
  }
  return source.length;
}

/** Past the `closer` that ends the code starting at `i`, strings and comments skipped. */
function pastCode(source: string, i: number, closer: ')' | '}'): number {
  let depth = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === closer && depth === 0) return i + 1;
    if (c === "'" || c === '"') i = pastQuoted(source, i);
    else if (c === '`') i = pastTemplate(source, i);
    else if (source.startsWith('//', i)) i = source.indexOf('\n', i) + 1 || source.length;
    else if (source.startsWith('/*', i)) i = source.indexOf('*/', i) + 2;
    else {
      if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) depth--;
      i++;
    }
  }
  return source.length;
}

interface Refusal {
  file: string;
  line: number;
  call: string;
}

/** Every refusal built in a directory's sources that is not followed by `.because(`. */
function uncodedRefusals(dir: string): Refusal[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) return uncodedRefusals(file);
    // errors.ts defines the helpers themselves.
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file === 'src/platform/errors.ts')
      return [];
    const source = readFileSync(file, 'utf8');
    return [...source.matchAll(refusal)].flatMap((match): Refusal[] => {
      const end = pastCode(source, match.index + match[0].length, ')');
      if (/^\s*\.because\(/.test(source.slice(end))) return [];
      const line = source.slice(0, match.index).split('\n').length;
      return [{ file, line, call: source.slice(match.index, end) }];
    });
  });
}

describe('refusals named by code', () => {
  it('reads a call to its closing parenthesis, past strings, templates and comments', () => {
    const source = "conflict(`a ${f(')')} (b`, [{ m: ')' }] /* ) */).because('x')";
    expect(pastCode(source, 'conflict('.length, ')')).toBe(source.indexOf('.because'));
  });

  it('names every refusal of governance, bylaws, the co-op, members, platform and transparency', () => {
    const uncoded = coded.flatMap((dir) => uncodedRefusals(dir));
    const onPurpose = (r: Refusal) =>
      uncodedOnPurpose.some((u) => u.file === r.file && r.call.startsWith(u.call));
    expect(
      uncoded.filter((r) => !onPurpose(r)).map((r) => `${r.file}:${r.line}: ${r.call}`),
    ).toEqual([]);
    // A stale entry would let a new uncoded refusal in the same file pass unnoticed.
    for (const u of uncodedOnPurpose)
      expect(
        uncoded.filter((r) => r.file === u.file && r.call.startsWith(u.call)),
        `${u.file} ${u.call}`,
      ).toHaveLength(1);
  });

  describe('over HTTP, to a German member', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp();
      await setUpCoop(app);
    });
    afterAll(() => app.stop());

    const german = { 'accept-language': 'de-DE,de;q=0.9' };
    const inGerman = (body: unknown) => {
      setLocale('de', { remember: false });
      try {
        return problemMessage(body as Problem);
      } finally {
        setLocale('en', { remember: false });
      }
    };

    it('words a failed sign-in, a stale page and an unchanged status in German', async () => {
      const stranger = app.client('10.0.7.1');
      const wrong = await stranger.request(
        'POST',
        '/api/auth/login',
        { email: adminCredentials.email, password: 'not the password' },
        german,
      );
      expect(wrong.status).toBe(401);
      expect(wrong.body).toMatchObject({
        detail: 'Wrong email or password.',
        code: 'sign-in.wrong-password',
      });
      expect(inGerman(wrong.body)).toBe('E-Mail oder Passwort ist falsch.');

      const admin = app.client('10.0.7.2');
      await admin.post('/api/auth/login', adminCredentials);
      const stale = await admin.request(
        'POST',
        '/api/invitations',
        { email: 'late@example.org', memberClass: 'community' },
        { ...german, 'x-csrf-token': 'from an old page' },
      );
      expect(stale.status).toBe(403);
      expect(stale.body).toMatchObject({ code: 'csrf.token' });
      expect(inGerman(stale.body)).toBe(
        'Diese Seite ist veraltet: Lade sie neu und versuche es noch einmal.',
      );

      const { personId } = await addMember(
        app,
        admin,
        { email: 'hacker@example.org', name: 'Hedy Hacker', memberClass: 'hacker' },
        '10.0.7.3',
      );
      const unchanged = await admin.request(
        'POST',
        `/api/members/${personId}/status`,
        { status: 'active', reason: 'she is back' },
        german,
      );
      expect(unchanged.status).toBe(400);
      expect(unchanged.body).toMatchObject({
        detail: 'The membership is already active.',
        code: 'membership.unchanged',
        params: { membershipStatus: 'active' },
        errors: [{ pointer: '/status', message: 'unchanged' }],
      });
      expect(inGerman(unchanged.body)).toBe('Die Mitgliedschaft ist bereits aktiv.');
    });
  });
});
