// The odds the sides' AI gives for its attacks (its reason) against the odds they are fought at (docs/ai.md, "Attacks
// planned on the forces that will fight them"). For each scenario and level, seeds calib-1 … N: the attacks, those made from
// a place a unit of the same plan leaves, those whose reason differs from the odds on the forces after the side's own moves
// ("own", with the mean gap), and those whose battle differs from that ("other": the enemy's moves and battles, mean gap).
//
//   npx tsx tools/plan-odds.ts [--games 30]
import { loadScenarioFile } from '../src/cli/files.ts';
import { attackOdds, type Order, playGame, type SideId } from '../src/sim/index.ts';

const at = process.argv.indexOf('--games');
const games = at > 0 ? Number(process.argv[at + 1]) : 30;
const mean = (n: number, sum: number) => (n ? (sum / n).toFixed(1) : '–');

for (const id of ['sirte-2020', 'tripoli-2019']) {
  const r = loadScenarioFile(id);
  if (!r.ok) throw new Error(`no scenario ${id}`);
  const scenario = r.value;
  for (const level of ['historical', 'easy', 'normal'] as const) {
    let attacks = 0;
    let fromLeft = 0;
    let own = 0;
    let ownSum = 0;
    let others = 0;
    let otherSum = 0;
    for (let g = 1; g <= games; g++) {
      playGame(scenario, `calib-${g}`, {
        difficulty: level,
        keepReports: true,
        onTurn: (s, orders, _next, report) => {
          for (const side of ['gna', 'lna'] as SideId[]) {
            const mine = orders.filter((o) => o.actor === side);
            const moved = new Map<string, string>();
            for (const o of mine) if (o.kind === 'move') moved.set(o.formation, o.to);
            const after = { ...s, formations: s.formations.map((f) => (moved.has(f.id) ? { ...f, location: moved.get(f.id)!, dug: 0 } : f)) };
            const reasons = (report.reasonMsgs[side] ?? []).filter((x) => x.key === 'reasons.ai.attack');
            for (const a of mine) {
              if (a.kind !== 'attack') continue;
              const planned = reasons.find((x) => x.values?.placeFrom === a.from && x.values?.placeTarget === a.target)?.values?.odds;
              if (typeof planned !== 'number') continue;
              attacks++;
              if (mine.some((o: Order) => o.kind === 'move' && s.formations.find((f) => f.id === o.formation)?.location === a.from)) fromLeft++;
              const odds = attackOdds(scenario, after, side, a.from, a.target).odds;
              if (odds !== planned) {
                own++;
                ownSum += planned - odds;
              }
              const battle = report.events.find((e) => e.detail?.type === 'battle' && e.detail.from === a.from && e.detail.target === a.target && e.detail.attacker === side);
              if (battle?.detail?.type === 'battle' && battle.detail.odds !== odds) {
                others++;
                otherSum += odds - battle.detail.odds;
              }
            }
          }
        },
      });
    }
    console.log(`| ${id} | ${level} | ${attacks} | ${fromLeft} | ${own} (${mean(own, ownSum)}) | ${others} (${mean(others, otherSum)}) |`);
  }
}
