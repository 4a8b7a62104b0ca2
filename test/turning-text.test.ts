// Turning points in words (src/ui/turning-text.ts): endings named from the scenario, signed
// figures, and each effect said the way its figures are: worth, cost or within the noise.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/cli/files.ts';
import type { Effect, TurnAnalysis, TurningSummary } from '../src/sim/turning.ts';
import { effectSentences, endingPhrase, signed, topTurningPoints, turningIntro, turningLines } from '../src/ui/turning-text.ts';

const loaded = loadScenarioFile('sirte-2020');
if (!loaded.ok) throw new Error('sirte-2020 does not load');
const sirte = loaded.value;

function turn(effect: Partial<Effect>, turnNo = 3): TurnAnalysis {
  const e: Effect = { alternative: 'nothing', scoreDiff: 8.2, low: 1.5, high: 14.9, noise: false, ending: { ending: 'military-victory:lna', real: 5, alternative: 35 }, ...effect };
  return {
    turn: turnNo,
    date: '2020-02-05',
    branches: [
      { kind: 'real', orders: [{ actor: 'gna', kind: 'public-messaging' }], runs: 100, score: 54.8, scoreLow: 50.1, scoreHigh: 59.5, endings: [{ ending: 'frozen-conflict', games: 60, share: 60, low: 50.2, high: 69.1 }] },
      { kind: 'nothing', orders: [], runs: 100, score: 46.6, scoreLow: 41, scoreHigh: 52.2, endings: [] },
    ],
    effects: [e],
    same: ['baseline'],
    size: Math.abs(e.scoreDiff),
    noise: e.noise,
  };
}

describe('turning points in words', () => {
  it.each([
    ['military-victory:gna', 'a GNA military victory'],
    ['military-victory:lna', 'an LNA military victory'],
    ['collapse:gna', 'the collapse of the LNA'],
    ['settlement', 'a negotiated settlement'],
    ['frozen-conflict', 'a frozen conflict'],
    ['regional-war', 'a regional war'],
    ['catastrophe', 'a humanitarian catastrophe'],
    ['time-out', 'the war undecided at the last turn'],
  ])('%s is “%s”', (key, words) => {
    expect(endingPhrase(key, sirte)).toBe(words);
  });

  it.each([
    [8.2, '+8.2'],
    [-3.4, '−3.4'],
    [0, '0'],
  ])('%d is written %s', (x, text) => {
    expect(signed(x)).toBe(text);
  });

  it('says what the orders were worth, with the interval and the ending that moved', () => {
    const t = turn({});
    const lines = effectSentences(t, t.effects[0] as Effect, sirte);
    expect(lines[0]).toBe('Had you given no orders, your score would have averaged 46.6 instead of 54.8: your orders were worth 8.2 points to you (95% interval 1.5 to 14.9).');
    expect(lines[1]).toBe('The chance of an LNA military victory: 5% with your orders, 35% with none.');
  });

  it('says what the orders cost', () => {
    const t = turn({ scoreDiff: -10.3, low: -15.1, high: -5.5 });
    expect(effectSentences(t, t.effects[0] as Effect, sirte)[0]).toMatch(/your orders cost you 10\.3 points \(95% interval −15\.1 to −5\.5\)\.$/);
  });

  it('says plainly when a difference is within the noise, and when there is none at all', () => {
    const noisy = turn({ scoreDiff: 4.6, low: -0.8, high: 10, noise: true });
    expect(effectSentences(noisy, noisy.effects[0] as Effect, sirte)[0]).toMatch(/a difference of 4\.6 points that is within the noise: the dice of the rest of the war could give as much either way \(95% interval −0\.8 to 10\)/);
    const even = turn({ scoreDiff: 0, low: -1.1, high: 1.1, noise: true });
    expect(effectSentences(even, even.effects[0] as Effect, sirte)[0]).toMatch(/: no difference on average that is within the noise: the dice of the rest of the war could give as much either way \(95% interval −1\.1 to 1\.1\)\.$/);
    const none = turn({ scoreDiff: 0, low: 0, high: 0, noise: true, ending: null });
    expect(effectSentences(none, none.effects[0] as Effect, sirte)).toEqual(['Had you given no orders, your score would have averaged 46.6 instead of 54.8: no difference at all in any continuation.']);
  });

  it('puts first only the decisions beyond the noise, at most three, largest first', () => {
    const turns = [turn({ scoreDiff: 2, low: -1, high: 5, noise: true }, 1), turn({ scoreDiff: -9, low: -14, high: -4 }, 2), turn({ scoreDiff: 5, low: 1, high: 9 }, 3), turn({ scoreDiff: 12, low: 6, high: 18 }, 4), turn({ scoreDiff: 7, low: 2, high: 12 }, 5)];
    const summary: TurningSummary = { scenario: 'sirte-2020', seed: 's', role: 'gna', runs: 100, units: 1000, turns, ranking: [4, 2, 5, 3, 1] };
    expect(topTurningPoints(summary).map((t) => t.turn)).toEqual([4, 2, 5]);
    expect(turningIntro(summary, 'gna', sirte)).toMatch(/Three decisions changed your war beyond the noise of the dice, the largest first\.$/);
    const lines = turningLines(summary, sirte);
    expect(lines.filter((l) => /^ \d\. Turn/.test(l)).map((l) => l.slice(0, 12))).toEqual([' 1. Turn 4, ', ' 2. Turn 2, ', ' 3. Turn 5, ', ' 4. Turn 3, ', ' 5. Turn 1, ']);
    expect(lines.join('\n')).toContain('5. Turn 1, 5 February 2020 — effect 2 points (within the noise)');
  });

  it('says when nothing was ordered, and when nothing mattered', () => {
    expect(turningIntro({ scenario: 'x', seed: 's', role: 'lna', runs: 100, units: 0, turns: [], ranking: [] }, 'lna', sirte)).toBe('The LNA gave no orders in this game: there is no decision to try again.');
    const quiet: TurningSummary = { scenario: 'x', seed: 's', role: 'gna', runs: 50, units: 100, turns: [turn({ scoreDiff: 1, low: -2, high: 4, noise: true }, 1)], ranking: [1] };
    expect(turningIntro(quiet, 'gna', sirte)).toMatch(/None of your decisions moved your score beyond the noise of the dice\.$/);
  });
});
