import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../web/src/app/i18n.ts';
import { en } from '../../../web/src/governance/messages.en.ts';
import {
  explanationLines,
  reasonText,
  tallyNoteText,
} from '../../../web/src/governance/resultWords.ts';
import { irvRules } from '../tally/irv.ts';
import { meekRules } from '../tally/meekStv.ts';
import { schulzeRules } from '../tally/schulze.ts';
import { scottishRules } from '../tally/scottishStv.ts';
import { countPoll, type CastBallot, type PollToCount, type ReasonCode } from './countPoll.ts';
import { withholdClassFigures } from './publishBallots.ts';

const poll = (over: Partial<PollToCount> = {}): PollToCount => ({
  method: 'yes-no',
  threshold: 'simple',
  seats: 1,
  options: ['yes'],
  quorumPercent: 20,
  classWeights: null,
  electorate: 10,
  ...over,
});
const yn = (voterClass: string, ...choices: ('yes' | 'no' | 'abstain')[]): CastBallot[] =>
  choices.map((choice) => ({ voterClass, content: { choice } }));
const options = ['Red', 'Green', 'Blue'];

/** One count for every reason code. */
const counts: Record<ReasonCode, ReturnType<typeof countPoll>> = {
  'quorum-not-reached': countPoll(poll({ electorate: 100, quorumPercent: 40 }), yn('c', 'yes')),
  'no-yes-or-no': countPoll(poll(), yn('c', 'abstain', 'abstain')),
  'not-reached-in-classes': countPoll(
    poll({ threshold: 'two-thirds', requiredClasses: ['hacker', 'sponsor'] }),
    [...yn('hacker', 'yes', 'yes', 'yes', 'yes'), ...yn('sponsor', 'no')],
  ),
  passed: countPoll(poll(), yn('c', 'yes', 'yes', 'no', 'abstain')),
  'not-passed': countPoll(poll({ threshold: 'two-thirds' }), yn('c', 'yes', 'no', 'no')),
  chosen: countPoll(poll({ method: 'approval', options }), [
    { voterClass: 'c', content: { approve: [2] } },
    { voterClass: 'c', content: { approve: [2, 3] } },
  ]),
  elected: countPoll(poll({ method: 'irv', options }), [
    { voterClass: 'c', content: { ranking: [3, 1] } },
    { voterClass: 'c', content: { ranking: [3] } },
  ]),
};

afterEach(() => setLocale('en', { remember: false }));
/** Intl puts (narrow) no-break spaces before "%": read as plain spaces. */
const plain = (s: string | undefined) => s?.replace(/[\u00a0\u202f]/g, ' ');

describe('a result’s reason in the reader’s language', () => {
  it('words every reason code in German with the count’s figures', () => {
    setLocale('de', { remember: false });
    const german = Object.fromEntries(
      Object.entries(counts).map(([code, result]) => [code, plain(reasonText(result))]),
    );
    expect(german).toEqual({
      'quorum-not-reached':
        'Nicht entschieden: Das Quorum von 40 % wurde nicht erreicht; 1,0 % haben abgestimmt (1 von 100).',
      'no-yes-or-no':
        'Abgelehnt: Niemand hat mit Ja oder Nein gestimmt; 20,0 % haben abgestimmt (2 von 10), Quorum 20 %.',
      'not-reached-in-classes':
        'Abgelehnt: insgesamt 80,0 % Ja unter den Ja- und Nein-Stimmen, aber in jeder Klasse nötig: mindestens zwei Drittel; nicht erreicht bei Sponsor.',
      passed:
        'Angenommen: 66,7 % Ja unter den Ja- und Nein-Stimmen, nötig: mehr als die Hälfte; 40,0 % haben abgestimmt (4 von 10), Quorum 20 %.',
      'not-passed':
        'Abgelehnt: 33,3 % Ja unter den Ja- und Nein-Stimmen, nötig: mindestens zwei Drittel; 30,0 % haben abgestimmt (3 von 10), Quorum 20 %.',
      chosen:
        'Gewählt mit den meisten Zustimmungen: Green; 20,0 % haben abgestimmt (2 von 10), Quorum 20 %.',
      elected:
        'Gewählt nach Integrierte Stichwahl: Blue; 20,0 % haben abgestimmt (2 von 10), Quorum 20 %.',
    });
  });

  it('says in English what the server’s sentence says', () => {
    expect(reasonText(counts['quorum-not-reached'])).toBe(
      'Not decided: the quorum of 40% was not reached; 1.0% voted (1 of 100).',
    );
    expect(reasonText(counts.passed)).toBe(
      'Passed: 66.7% yes among yes and no, more than half needed; 40.0% voted (4 of 10), quorum 20%.',
    );
  });

  it('keeps the English reason of a result counted before facts were written', () => {
    const old = { ...counts.passed, why: undefined };
    setLocale('de', { remember: false });
    expect(reasonText(old)).toBe(counts.passed.reason);
  });

  it('words how it was counted line by line, withheld classes included', () => {
    const ballots = [...yn('hacker', 'yes', 'yes'), ...yn('sponsor', 'no')];
    const result = countPoll(poll({ classWeights: { hacker: 60, sponsor: 40 } }), ballots);
    withholdClassFigures(result, 2, ballots);
    setLocale('de', { remember: false });
    expect(explanationLines(result).map(plain)).toEqual([
      '3 Stimmzettel bei 10 Stimmberechtigten: Beteiligung 30,0 %, Quorum 20 % erreicht.',
      'Hacker: 2 Ja, 0 Nein, Gewicht 60 von 100.',
      'Anteil Ja 0,6000, Schwelle mehr als die Hälfte: angenommen.',
      'Sponsor: weniger als 2 Stimmzettel, ihre Zahlen werden nicht gezeigt.',
    ]);
    const ranked = explanationLines(counts.elected);
    expect(ranked[1]).toMatch(
      /^Ausgezählt nach Integrierte Stichwahl: Integrierte Stichwahl \(ein Sitz\)/,
    );
  });

  it('knows the tally engine’s rules and round notes word for word, so it can word them', () => {
    expect(en.how.rules).toEqual({
      irv: irvRules,
      'meek-stv': meekRules,
      schulze: schulzeRules,
      'scottish-stv': scottishRules,
    });
    const engine = ['irv', 'meekStv', 'scottishStv']
      .map((file) => readFileSync(new URL(`../tally/${file}.ts`, import.meta.url), 'utf8'))
      .join('\n');
    for (const note of Object.values(en.how.tallyNote)) expect(engine).toContain(`'${note}'`);
    setLocale('de', { remember: false });
    expect(tallyNoteText('The only continuing candidate is elected.')).toBe(
      'Die einzige verbleibende Person ist gewählt.',
    );
    expect(tallyNoteText('A note from a newer engine.')).toBe('A note from a newer engine.');
  });
});
