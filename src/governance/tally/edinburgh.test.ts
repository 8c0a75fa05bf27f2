/**
 * The 17 wards of the City of Edinburgh Council election of 4 May 2017, counted from the
 * published preference profiles (/work/shared/data/elections/edinburgh-2017), checked against
 * the declared results.
 *
 * Sources of the declared results (councillors elected, and where given the stage of election
 * and the published stage figures, which are the counts truncated to whole votes):
 * - Edinburgh Evening News, 5 May 2017 ("Edinburgh local elections latest…"): Almond,
 *   Colinton/Fairmilehead, Frank Ross elected (Corstorphine/Murrayfield);
 * - The Edinburgh Reporter, May 2022 results articles, "2017 results" sections: stages of
 *   election in Almond, Pentland Hills, Drum Brae/Gyle, Forth, Sighthill/Gorgie, City Centre;
 *   Almond 2022 preview for the 2017 totals (Lang 6,079, Young 3,652, Hutchison 2,995,
 *   Work 3,744);
 * - Wikipedia ward articles (via wikimili and mirrors): the Leith and Fountainbridge/Craiglockhart
 *   stage tables, Southside/Newington first preferences, the councillors of Inverleith,
 *   Corstorphine/Murrayfield, Craigentinny/Duddingston, Liberton/Gilmerton, Portobello/Craigmillar;
 * - Edinburgh Evening News ward-by-ward analyses (May 2022) for Leith Walk, Southside/Newington,
 *   Craigentinny/Duddingston, Liberton/Gilmerton; Portobello Community Council, 11 May 2017
 *   (Maureen Child: 2,378 first preferences, quota 2,087, elected at the first stage).
 * Morningside (ward 10) is counted but not compared: no declared result was found.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBlt } from './blt.ts';
import { balanceErrors } from './common.ts';
import { tally } from './index.ts';
import type { Election, TallyResult } from './types.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/edinburgh-2017');
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.blt'))
  .sort();
const wards = new Map<string, Election>(
  files.map((f) => [f, parseBlt(fs.readFileSync(path.join(dir, f), 'utf8'))]),
);
const tidy = (name: string) => name.replace(/\s+/g, ' ');

/** Councillors elected, with the stage of election where it was published. */
const declared: Record<string, Record<string, number | null>> = {
  'ward-01.blt': {
    'Kevin LANG': 1,
    'Louise YOUNG': null,
    'Graham HUTCHISON': 3,
    'Norrie WORK': 10,
  },
  'ward-02.blt': { 'Graeme BRUCE': 1, 'Neil GARDINER': 1, 'Ricky HENDERSON': 1, 'Susan WEBBER': 2 },
  'ward-03.blt': { 'Robert Christopher ALDRIDGE': 1, 'Claire BRIDGMAN': 1, 'Mark BROWN': 2 },
  'ward-04.blt': { 'Jim CAMPBELL': 1, 'Cammy DAY': 4, 'Eleanor BIRD': 6, 'George GORDON': 8 },
  'ward-05.blt': {
    'Gavin BARRIE': null,
    'Hal OSLER': null,
    'Max MITCHELL': null,
    'Iain WHYTE': null,
  },
  'ward-06.blt': { 'Scott DOUGLAS': null, 'Gillian GLOYER': null, 'Frank ROSS': null },
  'ward-07.blt': {
    'Catherine FULLERTON': 4,
    'Ashley GRACZYK': 4,
    'Donald WILSON': 7,
    'Denis DIXON': 9,
  },
  'ward-08.blt': { 'Jason RUST': null, 'Scott ARTHUR': null, 'Phil DOGGART': null },
  'ward-09.blt': { 'Andrew JOHNSTON': 1, 'Gavin CORBETT': 1, 'David KEY': 6 },
  'ward-11.blt': {
    'Claire MILLER': 1,
    'Jo MOWAT': null,
    'Alasdair RANKIN': null,
    'Karen DORAN': 6,
  },
  'ward-12.blt': {
    'Susan RAE': null,
    'Amy MCNEESE-MECHAN': null,
    'Lewis RITCHIE': null,
    'Marion DONALDSON': null,
  },
  'ward-13.blt': { 'Adam MCVEY': 1, 'Chas BOOTH': 2, 'Gordon John MUNRO': 4 },
  'ward-14.blt': {
    'John MCLELLAN': null,
    'Ian CAMPBELL': null,
    'Joan GRIFFITHS': null,
    'Alex STANIFORTH': null,
  },
  'ward-15.blt': { 'Cameron ROSE': 1, 'Alison DICKIE': 1, 'Steve BURGESS': 1, 'Ian PERRY': 1 },
  'ward-16.blt': {
    'Lezley Marion CAMERON': null,
    'Stephanie SMITH': null,
    'Derek HOWIE': null,
    'Lesley MACINNES': null,
  },
  'ward-17.blt': {
    'Maureen CHILD': 1,
    'KATE CAMPBELL': null,
    'MARY CAMPBELL': null,
    'Callum LAIDLAW': null,
  },
};

/** Published stage figures (whole votes: the exact figures truncated). */
const published: Record<string, Record<string, number[]>> = {
  'ward-13.blt': {
    'Adam MCVEY': [2753],
    'Chas BOOTH': [1695, 2213],
    'Gordon John MUNRO': [1549, 1690, 1821, 2106],
    'Paul PENMAN': [1213, 1236, 1246, 1354],
    'Sanne DIJKSTRA-DOWNIE': [403, 448, 552],
  },
  'ward-09.blt': {
    'Andrew JOHNSTON': [2908],
    'Gavin CORBETT': [2525],
    'David KEY': [1924, 1939, 2028, 2043, 2125, 2755],
    'Anne WIMBERLEY': [1266, 1395],
  },
  'ward-15.blt': {
    'Cameron ROSE': [3151],
    'Alison DICKIE': [2403],
    'Steve BURGESS': [2381],
    'Ian PERRY': [2354],
    'Dan FARTHING': [1410],
  },
  'ward-17.blt': { 'Maureen CHILD': [2378] },
};
/** Published totals at the stage of election (Almond). */
const totalsAtElection: Record<string, Record<string, number>> = {
  'ward-01.blt': {
    'Kevin LANG': 6079,
    'Louise YOUNG': 3652,
    'Graham HUTCHISON': 2995,
    'Norrie WORK': 3744,
  },
};
const publishedQuota: Record<string, number> = { 'ward-13.blt': 1904, 'ward-17.blt': 2087 };

const whole = (figure: string) => Number(figure.split('.')[0]);
const stageOfElection = (result: TallyResult, name: string) =>
  result.rounds.find((r) => r.elected.some((e) => tidy(e) === name))?.round;
const figures = (result: TallyResult, name: string) => {
  const c = result.candidates.findIndex((n) => tidy(n) === name);
  return result.rounds.map((r) => whole(r.votes[c]!));
};

describe('Edinburgh 2017, Scottish STV', () => {
  it('has all 17 ward files', () => {
    expect(files).toHaveLength(17);
  });

  describe.each(files)('%s', (file) => {
    const election = wards.get(file)!;
    const result = tally(election, { method: 'scottish-stv', seats: election.seats });

    it('fills every seat, with the Droop quota, and balances exactly at every stage', () => {
      expect(result.elected).toHaveLength(election.seats);
      expect(new Set(result.elected).size).toBe(election.seats);
      expect(result.validVotes).toBe(`${election.voters}.00000`);
      expect(whole(result.quota!)).toBe(Math.floor(election.voters / (election.seats + 1)) + 1);
      expect(balanceErrors(result)).toEqual([]);
      for (const round of result.rounds) {
        // A candidate is elected with the quota, or by rule 52 (the last vacancies filled by
        // the continuing candidates); every stage after the first moves one candidate's papers.
        for (const name of round.elected) {
          const votes = whole(round.votes[result.candidates.indexOf(name)]!);
          if (votes < whole(result.quota!)) expect(round.note, name).toMatch(/rule 52/);
        }
        if (round.round > 1)
          expect(round.transfers.filter((t) => t.startsWith('-'))).toHaveLength(1);
      }
    });

    if (file in declared)
      it('elects the declared councillors, at the declared stages', () => {
        const expected = declared[file]!;
        expect(new Set(result.elected.map(tidy))).toEqual(new Set(Object.keys(expected)));
        for (const [name, stage] of Object.entries(expected))
          if (stage !== null) expect(stageOfElection(result, name), name).toBe(stage);
      });

    if (file in published || file in totalsAtElection || file in publishedQuota)
      it('reproduces the published figures', () => {
        for (const [name, stages] of Object.entries(published[file] ?? {}))
          expect(figures(result, name).slice(0, stages.length), name).toEqual(stages);
        for (const [name, totalVotes] of Object.entries(totalsAtElection[file] ?? {}))
          expect(figures(result, name)[stageOfElection(result, name)! - 1], name).toBe(totalVotes);
        if (file in publishedQuota) expect(whole(result.quota!)).toBe(publishedQuota[file]);
      });
  });
});

describe('Edinburgh 2017, the other methods', () => {
  it.each(files)('%s: Meek STV and IRV balance exactly; Schulze ranks everyone', (file) => {
    const election = wards.get(file)!;
    const meek = tally(election, { method: 'meek-stv', seats: election.seats });
    expect(meek.elected).toHaveLength(election.seats);
    expect(balanceErrors(meek)).toEqual([]);
    const irv = tally(election, { method: 'irv', seats: 1 });
    expect(irv.elected).toHaveLength(1);
    expect(balanceErrors(irv)).toEqual([]);
    const schulze = tally(election, { method: 'schulze', seats: election.seats });
    expect(schulze.elected).toHaveLength(election.seats);
    expect(schulze.schulze!.ranking).toHaveLength(election.candidates.length);
  });
});
