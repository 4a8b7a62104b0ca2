// The previews a seat is shown before it decides (cost, odds, risks, warnings) are the core's
// own for the table's true state, sent through the room; the odds are those the rules roll
// against; an order composed at the seat (a ceasefire's terms) is previewed on request, checked
// like an order; and nothing in them, nor in the seat's report, gives another side's exact
// numbers beyond the odds themselves.
import { unpack } from '@colyseus/msgpackr';
import type { ColyseusTestServer } from '@colyseus/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../server/app.ts';
import { resetLimits } from '../../server/room.ts';
import type { PreviewAnswer, SeatUpdate } from '../../src/net/protocol.ts';
import {
  airstrikeOdds,
  attackOdds,
  ceasefireForecast,
  checkOrder,
  forecastMsgs,
  type Order,
  orderWarnings,
  type Role,
} from '../../src/sim/index.ts';
import { requestOdds } from '../../src/sim/rules/backers.ts';
import { messageText } from '../../src/ui/report-text.ts';
import { captureFrames, freePort, Person, tableOf, testServer, until } from './helpers.ts';

let running: Running;
let colyseus: ColyseusTestServer;

beforeAll(async () => {
  ({ running, colyseus } = await testServer(freePort(7)));
});
afterAll(async () => {
  await running?.stop();
});

async function table(seed: string): Promise<{ gna: Person; lna: Person; roomId: string; frames: Uint8Array[] }> {
  resetLimits();
  const room = await colyseus.sdk.create('table', { name: 'Teacher', scenario: 'sirte-2020', seats: ['gna', 'lna'], seed });
  const gna = new Person(room);
  await until(() => gna.welcome !== null, 'welcome');
  const lnaRoom = await colyseus.sdk.joinOrCreate('table', { code: gna.welcome!.code, name: 'Badr' });
  const lna = new Person(lnaRoom);
  await until(() => lna.welcome !== null, 'welcome');
  // Every frame the GNA's browser is sent, to read the bytes.
  const frames = captureFrames(colyseus, room.roomId, room.sessionId);
  const serverRoom = colyseus.getRoomById(room.roomId)!;
  for (const [p, role] of [
    [gna, 'gna'],
    [lna, 'lna'],
  ] as [Person, Role][]) {
    p.send('seat', { role });
    await until(() => serverRoom.state.people.get(p.room.sessionId)?.role === role, `seat ${role}`);
  }
  gna.send('start', {});
  await until(() => gna.seat?.turn === 1 && lna.seat?.turn === 1, 'turn 1');
  return { gna, lna, roomId: room.roomId, frames };
}

/** The room messages of one type among the frames sent ([13, type, msgpack payload]). */
function decoded<T>(frames: Uint8Array[], wanted: string): T[] {
  const out: T[] = [];
  for (const f of frames) {
    if (f[0] !== 13) continue;
    const typeLen = f[1]! & 0x1f;
    const type = new TextDecoder().decode(f.subarray(2, 2 + typeLen));
    if (type === wanted) out.push(unpack(f.subarray(2 + typeLen)) as T);
  }
  return out;
}

describe('order previews at a classroom table', () => {
  it("sends each legal order's preview as the core works it out on the table's true state, with the odds the rules roll against", async () => {
    const { gna, lna, roomId } = await table('previews-1');
    const t = tableOf(colyseus, roomId);
    for (const [p, role] of [
      [gna, 'gna'],
      [lna, 'lna'],
    ] as [Person, 'gna' | 'lna'][]) {
      const seat = p.seat as SeatUpdate;
      expect(seat.previews.length).toBe(seat.legal.length);
      expect(seat.legal.length).toBeGreaterThan(5);
      let withOdds = 0;
      for (const [i, order] of seat.legal.entries()) {
        const sent = seat.previews[i]!;
        const core = checkOrder(t.scenario, t.state, order, []);
        expect(sent.check.ok, `${order.kind}`).toBe(core.ok);
        if (!core.ok || !sent.check.ok) continue;
        const { summaryMsg: coreSummaryMsg, ...coreRest } = core.value;
        const { summaryMsg, ...rest } = sent.check.value;
        expect(rest, `${order.kind}`).toEqual(coreRest);
        if (order.kind !== 'attack') expect(summaryMsg).toEqual(coreSummaryMsg);
        expect(sent.warnings).toEqual(orderWarnings(t.scenario, t.state, role, [order]).filter((w) => w.order === 0));
        // The odds shown are the very function the resolution rolls against.
        const odds = sent.check.value.odds;
        if (odds !== undefined) withOdds++;
        if (order.kind === 'attack') expect(odds).toBe(attackOdds(t.scenario, t.state, role, order.from, order.target).odds);
        if (order.kind === 'airstrike') expect(odds).toBe(airstrikeOdds(t.scenario, t.state, role));
        if (order.kind === 'request-support') {
          const def = t.scenario.backers.find((b) => b.id === order.backer)!;
          expect(odds).toBe(requestOdds(t.scenario, t.state, def));
        }
      }
      expect(withOdds).toBeGreaterThan(0);
    }

    // Queued, an order changes the previews of the others (the budget, a duplicate): worked out again beside the queue.
    const seat = gna.seat!;
    const first = seat.legal.find((o) => o.kind === 'request-support') ?? seat.legal[0]!;
    gna.send('order', { turn: 1, order: first });
    await until(() => gna.seat!.queued.length === 1, 'the queue');
    const after = gna.seat!;
    expect(after.budgetUsed).toBe((checkOrder(t.scenario, t.state, first, []) as { ok: true; value: { budget: number } }).value.budget);
    expect(after.warnings).toEqual(orderWarnings(t.scenario, t.state, 'gna', [first]));
    for (const [i, order] of after.legal.entries()) {
      const core = checkOrder(t.scenario, t.state, order, [first]);
      const sent = after.previews[i]!.check;
      expect(sent.ok).toBe(core.ok);
      if (!core.ok && !sent.ok) expect(sent.error).toEqual(core.error);
    }

    // A ceasefire proposal with terms composed at the seat: previewed on request, with the
    // answers the computer's sides will give (the forecast the single game shows).
    const proposal = after.legal.find((o): o is Extract<Order, { kind: 'propose-ceasefire' }> => o.kind === 'propose-ceasefire');
    expect(proposal).toBeDefined();
    const terms = { ...proposal!.terms, monitors: !proposal!.terms.monitors };
    const composed: Order = { ...proposal!, terms };
    let answer: PreviewAnswer | null = null;
    gna.room.onMessage('preview', (a: PreviewAnswer) => (answer = a));
    gna.send('preview', { turn: 1, order: composed });
    await until(() => answer !== null, 'the preview');
    const core = checkOrder(t.scenario, t.state, composed, [first]);
    expect(core.ok).toBe(true);
    const got = answer! as PreviewAnswer;
    expect(got.order).toEqual(composed);
    expect(got.check.ok && got.check.value.riskMsgs).toEqual(core.ok && [...core.value.riskMsgs, ...forecastMsgs(t.scenario, ceasefireForecast(t.scenario, t.state, 'gna', terms))]);

    // Checked as an order is: the seat's own, this turn, a valid order; refused with a reason.
    expect((await gna.refused('preview', { turn: 1, order: { ...composed, actor: 'lna' } })).code).toBe('wrong-seat');
    expect((await gna.refused('preview', { turn: 2, order: composed })).code).toBe('wrong-turn');
    expect((await gna.refused('preview', { turn: 1, order: { actor: 'gna', kind: 'nuke' } })).code).toBe('malformed');
    expect((await gna.refused('preview', { turn: 1, order: 'attack' })).code).toBe('malformed');
    expect((await gna.refused('preview', { turn: 1, order: composed, extra: 1 })).code).toBe('malformed');
    await gna.room.leave();
    await lna.room.leave();
  });

  it("leaks no exact number of the other side: an attack's preview keeps its odds but not the defenders' strength, and the report keeps the other side's inner figures out", async () => {
    const { gna, lna, roomId, frames } = await table('previews-fog');
    const t = tableOf(colyseus, roomId);
    const start = t.state;
    const seats = decoded<SeatUpdate>(frames, 'seat');
    const seat = seats.at(-1)!;
    const attacks = seat.legal.map((o, i) => [o, seat.previews[i]!] as const).filter(([o]) => o.kind === 'attack');
    expect(attacks.length).toBeGreaterThan(0);
    for (const [order, preview] of attacks) {
      if (order.kind !== 'attack' || !preview.check.ok) continue;
      const exact = attackOdds(t.scenario, start, 'gna', order.from, order.target);
      const core = checkOrder(t.scenario, start, order, []);
      // The core's own summary names the defence exactly (so this test can fail); the seat's does not.
      expect(core.ok && messageText(core.value.summaryMsg, t.scenario)).toContain(`against their ${exact.defence}.`);
      expect(messageText(preview.check.value.summaryMsg, t.scenario)).not.toContain(`their ${exact.defence}`);
      expect(messageText(preview.check.value.summaryMsg, t.scenario)).toContain(`your combat power ${exact.attack}`);
      // In its values: the core's code carries the defence, the seat's does not.
      expect(core.ok && core.value.summaryMsg.values.defence).toBe(exact.defence);
      expect(preview.check.value.summaryMsg).toEqual({ key: 'orders.summary.attackHidden', values: { placeTarget: order.target, placeFrom: order.from, attack: exact.attack } });
      expect(preview.check.value.odds).toBe(exact.odds);
    }
    // The LNA's exact fighters never appear next to its formations, in views or previews.
    const text = frames.map((f) => Buffer.from(f).toString('latin1')).join('\n');
    expect(text).not.toContain('\xa3rng');
    for (const s of seats) {
      for (const f of s.view.formations) if (start.formations.find((x) => x.id === f.id)?.side === 'lna') expect(f.strength, f.id).toBeNull();
    }

    // After a turn: the GNA's report says how the LNA's legitimacy moved (public), not its cohesion or support.
    gna.send('end', { turn: 1 });
    lna.send('end', { turn: 1 });
    await until(() => gna.seat?.turn === 2 && lna.seat?.turn === 2, 'turn 2');
    const report = gna.seat!.report;
    expect(report.standing).toBeDefined();
    for (const st of [report.standing!.before, report.standing!.after]) {
      expect(Object.keys(st.sides.lna)).toEqual(['legitimacy']);
      expect(st.sides.gna.cohesion).toBeTypeOf('number');
    }
    expect(Object.keys(lna.seat!.report.standing!.after.sides.gna)).toEqual(['legitimacy']);
    await gna.room.leave();
    await lna.room.leave();
  });
});
