// Warm-up at start: before the server takes its first table, it plays two turns of each
// scenario the way a table does — every seat's view, report, legal orders and their previews,
// the computer's orders, the resolution, the encoding of each seat's update — so that the
// first turns of the first class do not pay for the JavaScript engine's compiling. Measured
// (bench/classroom.ts, 30 tables): without it turn 1 was the slowest turn of the run.
import { pack } from '@colyseus/msgpackr';
import { legalOrders, orderWarnings, type PlayerRole } from '../src/sim/index.ts';
import { budgetUsed, seatPreview } from './previews.ts';
import { knownScenarios, scenarioFor } from './scenarios.ts';
import { Table } from './table.ts';

/** Plays `turns` turns of every scenario as a table would, and returns how long it took (ms). */
export function warmUp(turns = 2): number {
  const started = performance.now();
  for (const id of knownScenarios()) {
    const sc = scenarioFor(id, []);
    if (!sc.ok) continue;
    const seats = sc.scenario.playable as PlayerRole[];
    const t = new Table(sc.scenario, { scenario: id, whatIfs: [], seed: 'warm-up', difficulty: 'normal', seats, timerSeconds: 0 });
    for (const r of seats) t.present.add(r);
    t.start(0);
    for (let turn = 0; turn < turns && t.status === 'playing'; turn++) {
      for (const role of seats) {
        const legal = legalOrders(t.scenario, t.state, role);
        const previews = legal.map((o) => seatPreview(t.scenario, t.state, role, o, []));
        pack({ view: t.view(role), report: t.seatReport(role), legal, previews });
        const order = legal.find((o, i) => o.kind !== 'propose-ceasefire' && previews[i]?.check.ok);
        if (order) t.queue(role, order);
        const queued = t.queued.get(role) ?? [];
        // The previews again beside the queue, as after a seat queues an order.
        pack(legal.map((o) => seatPreview(t.scenario, t.state, role, o, queued)));
        budgetUsed(t.scenario, t.state, queued);
        orderWarnings(t.scenario, t.state, role, queued);
        t.end(role);
      }
      t.resolve(0);
    }
  }
  return performance.now() - started;
}
