// What the player is shown before an order is what decides. A ceasefire proposed this turn is
// answered by each side the computer plays when the proposal is put, by the reckoning the order's
// preview shows (forecast.ts: ceasefireAnswer on the state as the turn began and on the computer's
// orders for the fortnight): over thousands of seeded turns the preview's "will accept"/"will
// refuse" is the answer in the report, with the same figures, whatever else happens in the
// fortnight. If both sides agree, the computer's commanders call off the attacks they planned.
// An attack with nothing else touching its two places is fought at the odds its preview showed.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/cli/files.ts';
import { ceasefireForecast, checkOrder, DEFAULT_TERMS, forecastMsgs, newGame, type Order, otherActorsOrders, resolveTurn, type Scenario, type State } from '../src/sim/index.ts';
import { Rng } from '../src/sim/rng.ts';
import { english, told } from './english.ts';

function scenario(id: string): Scenario {
  const s = loadScenarioFile(id);
  if (!s.ok) throw new Error(id);
  return s.value;
}

const TERMS = [
  DEFAULT_TERMS,
  { ...DEFAULT_TERMS, foreignFightersOut: true },
  { ...DEFAULT_TERMS, monitors: false, oilReopened: false },
  { freezeLines: false, heavyWeaponsOut: true, foreignFightersOut: true, monitors: true, oilReopened: true, revenueShared: true },
];

describe('the ceasefire forecast is the decision', () => {
  for (const id of ['geneva-2020', 'sirte-2020', 'tripoli-2019']) {
    it(`${id}: the mediator's proposal, answered as forecast, in every seeded turn it can be made`, () => {
      const s = scenario(id);
      let checked = 0;
      let accepted = 0;
      let refused = 0;
      for (let g = 0; g < 72; g++) {
        let state: State = newGame(s, `forecast-${g}`, ['mediator']);
        const pick = Rng.fromSeed(`forecast-${g}`);
        while (!state.ending) {
          const terms = TERMS[pick.int(TERMS.length)]!;
          const propose: Order = { actor: 'mediator', kind: 'propose-ceasefire', terms };
          const preview = checkOrder(s, state, propose, []);
          const ai = otherActorsOrders(s, state, 'mediator');
          if (preview.ok) {
            const shown = ceasefireForecast(s, state, 'mediator', terms);
            const forecast = { gna: shown.find((f) => f.side === 'gna')!.calc!, lna: shown.find((f) => f.side === 'lna')!.calc! };

            for (const side of ['gna', 'lna'] as const) {
              const f = forecast[side];
              const line = english(forecastMsgs(s, shown), s).find((l) => l.startsWith(`${s.sides[side].shortName} will `))!;
              expect(line).toMatch(f.accept ? / will accept: / : / will refuse: /);
              expect(line).toContain(String(f.deal));
              expect(line).toContain(String(f.fight));
            }
            const { report } = resolveTurn(s, state, [propose, ...ai.orders], ai.reasonMsgs);
            for (const side of ['gna', 'lna'] as const) {
              const name = s.sides[side].shortName;
              const said = report.events.find((e) => told(e, s).startsWith(`${name} accepted the ceasefire`) || told(e, s).startsWith(`${name} rejected the ceasefire`));
              expect(said && told(said, s), `${id} seed ${g} turn ${state.turn}`).toContain(`${forecast[side].accept ? 'accepted' : 'rejected'} the ceasefire (deal ${forecast[side].deal} against fighting on ${forecast[side].fight})`);
              if (forecast[side].accept) accepted++;
              else refused++;
            }
            if (forecast.gna.accept && forecast.lna.accept) {
              // Both agreed: no attack by either side this fortnight.
              expect(report.events.filter((e) => e.detail?.type === 'battle' && (e.detail.attacker === 'gna' || e.detail.attacker === 'lna'))).toEqual([]);
            }
            checked++;
          }
          // Play on without the proposal (so that the next turns are the ordinary war).
          state = resolveTurn(s, state, ai.orders, ai.reasonMsgs).state;
        }
      }
      expect(checked).toBeGreaterThan(150);
      expect(accepted, 'some answers are yes').toBeGreaterThan(0);
      expect(refused, 'some answers are no').toBeGreaterThan(0);
    });
  }

  it('a side played by a person is not forecast: it answers next fortnight', () => {
    const s = scenario('sirte-2020');
    const state = { ...newGame(s, 'forecast-human', ['mediator', 'lna']), pending: [] };
    expect(english(forecastMsgs(s, ceasefireForecast(s, state, 'mediator', DEFAULT_TERMS)), s)[1]).toBe('LNA is played by a person: it answers next fortnight.');
  });
});

describe('attack odds: the preview is the fight, when nothing else touches its places', () => {
  it('sirte-2020: every legal attack of the GNA on turn 1, alone, is fought at its preview odds (40 seeds)', () => {
    const s = scenario('sirte-2020');
    let fights = 0;
    for (let g = 0; g < 40; g++) {
      const state = { ...newGame(s, `odds-${g}`, ['gna', 'lna', 'mediator']), pending: [] };
      for (const from of Object.keys(state.places)) {
        for (const target of Object.keys(state.places)) {
          const order: Order = { actor: 'gna', kind: 'attack', from, target };
          const preview = checkOrder(s, state, order, []);
          if (!preview.ok || preview.value.odds === undefined) continue;
          const { report } = resolveTurn(s, state, [order]);
          const battle = report.events.find((e) => e.detail?.type === 'battle');
          if (battle?.detail?.type === 'battle') {
            expect(battle.detail.odds, `${from} → ${target}`).toBe(preview.value.odds);
            fights++;
          }
        }
      }
    }
    expect(fights).toBeGreaterThan(40);
  });
});

describe('attack odds: queued and fought', () => {
  it('sirte-2020: when a fight’s odds differ from its preview, the report gives both and why (40 seeded games)', () => {
    const s = scenario('sirte-2020');
    let differ = 0;
    let same = 0;
    for (let g = 0; g < 40; g++) {
      let state = newGame(s, `queued-${g}`);
      while (!state.ending) {
        const ai = otherActorsOrders(s, state, null);
        const previews = new Map<string, number>();
        for (const o of ai.orders) {
          if (o.kind !== 'attack') continue;
          const p = checkOrder(s, state, o, []);
          if (p.ok && p.value.odds !== undefined) previews.set(`${o.actor} ${o.from} ${o.target}`, p.value.odds);
        }
        const { state: next, report } = resolveTurn(s, state, ai.orders, ai.reasonMsgs);
        for (const e of report.events) {
          if (e.detail?.type !== 'battle' || (e.detail.attacker !== 'gna' && e.detail.attacker !== 'lna')) continue;
          const shown = previews.get(`${e.detail.attacker} ${e.detail.from} ${e.detail.target}`);
          if (shown === undefined) continue;
          if (shown === e.detail.odds) {
            expect(e.detail.queued).toBeUndefined();
            expect(told(e, s)).toContain(`(odds ${shown}%)`);
            same++;
          } else {
            expect(e.detail.queued).toBe(shown);
            expect(told(e, s)).toMatch(new RegExp(`\\(queued at ${shown}%, fought at ${e.detail.odds}%: [^)]+\\)`));
            differ++;
          }
        }
        state = next;
      }
    }
    expect(same).toBeGreaterThan(50);
    expect(differ).toBeGreaterThan(5);
  });
});

describe('a request to a backer: the preview is the chance, and the chances come true as often as they say', () => {
  it('sirte-2020 and tripoli-2019: each side asks one patron it can a fortnight, at turns 1–8 of 30 seeded wars each; the report weighs it at the preview’s chance or says what changed it', () => {
    let requests = 0;
    let same = 0;
    let expectedGrants = 0;
    let grants = 0;
    let variance = 0;
    for (const id of ['sirte-2020', 'tripoli-2019']) {
      const s = scenario(id);
      for (let g = 0; g < 30; g++) {
        let state: State = newGame(s, `ask-${g}`, ['mediator']);
        for (let t = 0; t < 8 && !state.ending; t++) {
          const base = { ...state, pending: [] };
          for (const side of ['gna', 'lna'] as const) {
            // One request a side a fortnight: every request of the same fortnight would throw the same dice.
            const patrons = s.backers.filter((x) => x.client === side && checkOrder(s, base, { actor: side, kind: 'request-support', backer: x.id }, []).ok);
            const b = patrons[(g + t) % Math.max(1, patrons.length)];
            if (b) {
              const order: Order = { actor: side, kind: 'request-support', backer: b.id };
              const preview = checkOrder(s, base, order, []);
              if (!preview.ok) continue;
              const odds = preview.value.odds!;
              const { report } = resolveTurn(s, base, [order]);
              const answer = report.events.find((e) => e.detail?.type === 'request' && e.detail.backer === b.id);
              const skipped = report.events.some((e) => (e.msg.key === 'report.request.alreadyChanged' || e.msg.key === 'report.request.atMost') && e.msg.values.backer === b.id);
              expect(answer || skipped, `${id} ${g} turn ${t + 1}: ${b.id}'s answer is in the report`).toBeTruthy();
              if (answer?.detail?.type !== 'request') continue;
              requests++;
              // The preview's chance is the one reckoned on the same state as the order's.
              expect(answer.detail.asked).toBe(odds);
              if (answer.detail.odds === odds) same++;
              else expect(told(answer, s)).toMatch(new RegExp(`chance ${answer.detail.odds}%; ${odds}% when asked`));
              expectedGrants += answer.detail.odds / 100;
              variance += (answer.detail.odds / 100) * (1 - answer.detail.odds / 100);
              if (answer.detail.granted) grants++;
            }
          }
          const ai = otherActorsOrders(s, state, 'mediator');
          state = resolveTurn(s, state, ai.orders, ai.reasonMsgs).state;
        }
      }
    }
    expect(requests).toBeGreaterThan(150);
    // Most requests are weighed at the very chance the preview showed.
    expect(same / requests).toBeGreaterThan(0.5);
    // The chances come true as often as they say: within four standard deviations.
    expect(Math.abs(grants - expectedGrants)).toBeLessThan(4 * Math.sqrt(variance));
  });
});

describe('an air strike: the preview is the chance, and strikes land as often as it says', () => {
  it('sirte-2020 and red-line-2020: one legal strike of each side a fortnight, alone, at turns 1–6 of 30 seeded wars each', () => {
    let strikes = 0;
    let same = 0;
    let expected = 0;
    let variance = 0;
    let hits = 0;
    for (const id of ['sirte-2020', 'red-line-2020']) {
      const s = scenario(id);
      for (let g = 0; g < 30; g++) {
        let state: State = newGame(s, `strike-${g}`, ['mediator']);
        for (let t = 0; t < 6 && !state.ending; t++) {
          const base = { ...state, pending: [] };
          for (const side of ['gna', 'lna'] as const) {
            // One strike a side a fortnight: every strike of the same fortnight would throw the same dice.
            const targets = Object.keys(base.places).filter((target) => checkOrder(s, base, { actor: side, kind: 'airstrike', target }, []).ok);
            const target = targets[(g + t) % Math.max(1, targets.length)];
            if (target) {
              const order: Order = { actor: side, kind: 'airstrike', target };
              const preview = checkOrder(s, base, order, []);
              if (!preview.ok || preview.value.odds === undefined) continue;
              const { report } = resolveTurn(s, base, [order]);
              const line = report.events.find((e) => e.mechanic === 'air' && (e.places ?? []).includes(target) && /\(odds (were )?\d+%/.test(told(e, s)));
              expect(line, `${id} ${g} turn ${t + 1}: ${side} strike on ${target} is in the report`).toBeDefined();
              const fought = Number(/\(odds (?:were )?(\d+)%/.exec(told(line!, s))![1]);
              strikes++;
              if (fought === preview.value.odds) same++;
              else expect(told(line!, s)).toContain(`${fought}%; ${preview.value.odds}% when ordered`);
              expected += fought / 100;
              variance += (fought / 100) * (1 - fought / 100);
              if (!/ failed: /.test(told(line!, s))) hits++;
            }
          }
          const ai = otherActorsOrders(s, state, 'mediator');
          state = resolveTurn(s, state, ai.orders, ai.reasonMsgs).state;
        }
      }
    }
    expect(strikes).toBeGreaterThan(300);
    expect(same / strikes).toBeGreaterThan(0.5);
    expect(Math.abs(hits - expected)).toBeLessThan(4 * Math.sqrt(variance));
  });
});
