// One truth on every screen: the figures a turn report names are the figures the panels show.
// The report's "Where things stand" is taken from the state the panels read, after everything the
// turn did (its next-turn events too); no report sentence states an indicator's level in the
// middle of a turn (a level that later phases would change), only by how much it moved; and the
// report's after-figures are written by the panels' own formatters.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/cli/files.ts';
import { newGame, otherActorsOrders, resolveTurn, type Scenario, type State, type TurnReport } from '../src/sim/index.ts';
import { standingOf } from '../src/sim/standing.ts';
import { COUNTRY_INDICATORS, SIDE_INDICATORS, sideValue, standingChanges, TALKS_INDICATORS } from '../src/ui/indicators.ts';
import { told } from './english.ts';

function scenario(id: string): Scenario {
  const s = loadScenarioFile(id);
  if (!s.ok) throw new Error(id);
  return s.value;
}

function* turns(s: Scenario, games: number): Generator<{ before: State; after: State; report: TurnReport }> {
  for (let i = 0; i < games; i++) {
    let st = newGame(s, `truth-${i}`);
    while (!st.ending) {
      const ai = otherActorsOrders(s, st, null);
      const { state, report } = resolveTurn(s, st, ai.orders, ai.reasonMsgs);
      yield { before: st, after: state, report };
      st = state;
    }
  }
}

/** A sentence that states where an indicator stands (rather than how far it moved). */
const OIL = /^Oil output (?:fell|rose) from [\d,]+ to ([\d,]+) thousand barrels a day/;
const LEVEL = /\b(?:fell|rose|dropped|climbed|is down|is up|stands?) to \d|\((?:now|enforcement|loyalty now) \d|, now \d|\bfrom \d+ to \d/;

describe('one truth: the report and the panels', () => {
  for (const id of ['geneva-2020', 'sirte-2020']) {
    it(`${id}: the report's standing is the state's, before and after, in 30 games`, () => {
      const s = scenario(id);
      let n = 0;
      for (const t of turns(s, 30)) {
        expect(t.report.standing?.before).toEqual(standingOf(t.before));
        expect(t.report.standing?.after).toEqual(standingOf(t.after));
        n++;
      }
      expect(n).toBeGreaterThan(100);
    });

    it(`${id}: no report sentence states a level mid-turn; the oil output it names is the panel's`, () => {
      const s = scenario(id);
      const said: string[] = [];
      let oil = 0;
      for (const t of turns(s, 30)) {
        for (const ev of t.report.events) {
          const e = { text: told(ev, s) };
          // Oil output is set once a turn, when the money is counted: the level the report gives is the one that stays.
          const m = e.text.match(OIL);
          if (m) {
            expect(Number(m[1]!.replace(/,/g, '')), e.text).toBe(t.after.country.oilOutput);
            oil++;
          } else if (LEVEL.test(e.text)) said.push(e.text);
        }
      }
      expect(said).toEqual([]);
      expect(oil).toBeGreaterThan(0);
    });
  }

  it("every figure of 'Where things stand' is the panel's figure after the turn, for every role", () => {
    const s = scenario('sirte-2020');
    let rows = 0;
    for (const t of turns(s, 10)) {
      const after = standingOf(t.after);
      for (const role of ['gna', 'lna', 'mediator'] as const) {
        for (const c of standingChanges(t.report, role, s)) {
          // The panel's text for the same label, from the state the panels read.
          const panel =
            COUNTRY_INDICATORS.find((i) => i.label === c.label)?.format(after.country[COUNTRY_INDICATORS.find((i) => i.label === c.label)!.key]) ??
            TALKS_INDICATORS.find((i) => i.label === c.label)?.format(after[TALKS_INDICATORS.find((i) => i.label === c.label)!.key]) ??
            (() => {
              const [short, label] = c.label.split(' · ') as [string, string];
              const side = s.sides.gna.shortName === short ? 'gna' : 'lna';
              const ind = SIDE_INDICATORS.find((i) => i.label === label)!;
              if (!ind.public) expect(role).toBe(side);
              return ind.format(sideValue(after, side, ind.key));
            })();
          expect(c.to, c.label).toBe(panel);
          rows++;
        }
      }
    }
    expect(rows).toBeGreaterThan(100);
  });

  it("the mediator sees no side's private indicators among the changes", () => {
    const s = scenario('sirte-2020');
    for (const t of turns(s, 5)) {
      for (const c of standingChanges(t.report, 'mediator', s)) expect(c.label).not.toMatch(/Cohesion|Confidence|War weariness|Support/);
    }
  });
});
