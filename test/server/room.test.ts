// The classroom room on Colyseus (@colyseus/testing): three people play five turns and the
// final hash is the headless game's; each seat gets only its own fog-of-war view (the bytes
// sent are inspected); 30+ malformed or hostile messages are each refused with a reason and
// the room goes on; a person who drops and comes back keeps the seat.
import { unpack } from '@colyseus/msgpackr';
import type { ColyseusTestServer } from '@colyseus/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../server/app.ts';
import { resetLimits } from '../../server/room.ts';
import { scenarioFor } from '../../server/scenarios.ts';
import { restore } from '../../server/store.ts';
import { aiOrders, loadReplay, type Role, replayOrders, stateHash } from '../../src/sim/index.ts';
import { messageText } from '../../src/ui/report-text.ts';
import { captureFrames, freePort, Person, tableOf, testServer, until } from './helpers.ts';

let running: Running;
let colyseus: ColyseusTestServer;

beforeAll(async () => {
  ({ running, colyseus } = await testServer(freePort(1)));
});
afterAll(async () => {
  await running?.stop();
});

async function hostTable(seats: Role[], seed: string, extra: Record<string, unknown> = {}): Promise<{ host: Person; code: string }> {
  const room = await colyseus.sdk.create('table', { name: 'Teacher', scenario: 'sirte-2020', seats, seed, ...extra });
  const host = new Person(room);
  await until(() => host.welcome !== null, 'welcome');
  return { host, code: host.welcome!.code };
}

async function join(code: string, name: string, token?: string): Promise<Person> {
  const room = await colyseus.sdk.joinOrCreate('table', { code, name, ...(token ? { token } : {}) });
  const p = new Person(room);
  await until(() => p.welcome !== null, 'welcome');
  return p;
}

async function seat(p: Person, role: Role): Promise<void> {
  p.send('seat', { role });
  await until(() => colyseus.getRoomById(p.room.roomId)?.state.people.get(p.room.sessionId)?.role === role, `seat ${role}`);
}

describe('classroom room', () => {
  it('hosts a table, three people join and play five turns: the same hash as the headless game', async () => {
    resetLimits();
    const { host, code } = await hostTable(['gna', 'lna', 'mediator'], 'net-5');
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTWXY]{6}$/);
    const lna = await join(code, 'Badr');
    const med = await join(code, 'Chiara');
    await seat(host, 'gna');
    await seat(lna, 'lna');
    await seat(med, 'mediator');
    const people: [Person, Role][] = [
      [host, 'gna'],
      [lna, 'lna'],
      [med, 'mediator'],
    ];
    host.send('start', {});
    await until(() => people.every(([p]) => p.seat?.turn === 1), 'turn 1 views');
    const roomId = host.room.roomId;
    for (let turn = 1; turn <= 5; turn++) {
      const table = tableOf(colyseus, roomId);
      for (const [p, role] of people) {
        const orders = aiOrders(table.scenario, table.state, role).orders;
        for (const order of orders) p.send('order', { turn, order });
        await until(() => (p.seat?.queued.length ?? 0) === orders.length, `${role}'s queue`);
        p.send('end', { turn });
      }
      await until(() => people.every(([p]) => p.seat?.turn === turn + 1), `turn ${turn + 1}`);
    }
    expect(people.flatMap(([p]) => p.rejected)).toEqual([]);
    const table = tableOf(colyseus, roomId);
    const sc = scenarioFor('sirte-2020', []);
    if (!sc.ok) throw new Error(sc.message);
    const headless = replayOrders(
      sc.scenario,
      'net-5',
      ['gna', 'lna', 'mediator'],
      table.turns.map((t) => t.orders),
      'normal',
    );
    expect(stateHash(headless.state)).toBe(stateHash(table.state));
    // Mid-game, the table gives no seat the replay nor the record (they hold every seat's orders).
    expect((await host.refused('replay', {})).code).toBe('not-ended');
    expect((await lna.refused('replay', {})).code).toBe('not-ended');
    expect((await host.refused('record', {})).code).toBe('not-ended');
    expect((await lna.refused('record', {})).code).toBe('not-host');
    expect(host.replay).toBeNull();
    // The order stream as the database holds it replays, turn by turn, to the table's state.
    const fromDb = await running.store.load((await running.store.idByCode(code))!);
    const rebuilt = restore(sc.scenario, fromDb!, 0);
    const verified = loadReplay(JSON.stringify(rebuilt.replay(`Table ${code}`)), (id) => (id === 'sirte-2020' ? sc.scenario : undefined));
    expect(verified.ok).toBe(true);
    if (verified.ok) {
      expect(verified.value.frames.length).toBe(6);
      expect(verified.value.frames.at(-1)?.hash).toBe(stateHash(table.state));
    }
    // Everything was written down.
    const stored = await running.store.load((await running.store.idByCode(code))!);
    expect(stored?.turns.map((t) => t.hash)).toEqual(table.turns.map((t) => t.hash));
    for (const [p] of people) await p.room.leave();
  });

  it('sends each seat only its own view: the bytes the LNA receives hold no exact GNA numbers', async () => {
    resetLimits();
    const { host, code } = await hostTable(['gna', 'lna'], 'fog-1');
    const lna = await join(code, 'Badr');
    await seat(host, 'gna');
    const frames = captureFrames(colyseus, host.room.roomId, lna.room.sessionId);
    await seat(lna, 'lna');
    host.send('start', {});
    await until(() => lna.seat?.turn === 1, 'turn 1');
    host.send('end', { turn: 1 });
    lna.send('end', { turn: 1 });
    await until(() => lna.seat?.turn === 2, 'turn 2');
    // A new turn comes in two updates: at once the view and the report, then the orders and their previews.
    expect(lna.firstOfTurn).toMatchObject({ turn: 2, ordersComing: true, legal: [], previews: [] });
    expect(lna.seat!.legal.length).toBeGreaterThan(0);
    expect(lna.seat!.previews.length).toBe(lna.seat!.legal.length);
    expect(lna.seat!.view).toEqual(lna.firstOfTurn!.view);
    const table = tableOf(colyseus, host.room.roomId);
    // Decode every room message the LNA was sent: [code 13, type, msgpack payload].
    const payloads: unknown[] = [];
    for (const f of frames) {
      if (f[0] !== 13) continue;
      const typeLen = f[1]! & 0x1f;
      const type = new TextDecoder().decode(f.subarray(2, 2 + typeLen));
      if (type === 'seat') payloads.push(unpack(f.subarray(2 + typeLen)));
    }
    expect(payloads.length).toBeGreaterThanOrEqual(2);
    const text = frames.map((f) => Buffer.from(f).toString('latin1')).join('\n');
    // Keys only the whole state has (its random generator's state, the people list) never go out.
    expect(text).not.toContain('\xa3rng');
    expect(text).not.toContain('\xa6humans');
    for (const p of payloads as { view: { formations: { id: string; side: string; strength: number | null; loyalty: number | null }[] } }[]) {
      for (const f of p.view.formations) {
        const real = table.state.formations.find((x) => x.id === f.id)!;
        if (real.side === 'lna') continue;
        expect(f.strength, f.id).toBeNull();
        expect(f.loyalty, f.id).toBeNull();
      }
      expect(Object.keys((p as unknown as { report: { ledger: object } }).report.ledger)).not.toContain('gna');
    }
    await host.room.leave();
    await lna.room.leave();
  });

  it('the replay and the record: refused to a seat mid-game (its bytes hold no replay), given once the table has ended', async () => {
    resetLimits();
    const sc = scenarioFor('geneva-2020', []);
    if (!sc.ok) throw new Error(sc.message);
    const room = await colyseus.sdk.create('table', { name: 'Teacher', scenario: 'geneva-2020', seats: ['lna', 'mediator'], seed: 'end-1' });
    const host = new Person(room);
    await until(() => host.welcome !== null, 'welcome');
    const lna = await join(host.welcome!.code, 'Badr');
    await seat(host, 'mediator');
    // Every frame the LNA is sent.
    const frames = captureFrames(colyseus, host.room.roomId, lna.room.sessionId);
    await seat(lna, 'lna');
    host.send('start', {});
    await until(() => lna.seat?.turn === 1 && host.seat?.turn === 1, 'turn 1');
    const table = tableOf(colyseus, host.room.roomId);
    for (let turn = 1; turn <= 20 && table.status === 'playing'; turn++) {
      for (const [p, role] of [
        [host, 'mediator'],
        [lna, 'lna'],
      ] as const) {
        const orders = aiOrders(table.scenario, table.state, role).orders;
        for (const order of orders) p.send('order', { turn, order });
        await until(() => (p.seat?.queued.length ?? 0) === orders.length, `${role}'s queue`);
      }
      if (turn === 2) {
        // Mid-game: every ask is refused with a reason, whoever asks.
        expect((await lna.refused('replay', {})).code).toBe('not-ended');
        expect((await host.refused('replay', {})).code).toBe('not-ended');
        const r = await host.refused('record', {});
        expect(r.code).toBe('not-ended');
        expect('message' in r && r.message).toMatch(/once the table has ended/);
        expect((await lna.refused('record', {})).code).toBe('not-host');
      }
      host.send('end', { turn });
      lna.send('end', { turn });
      await until(() => table.status === 'ended' || (lna.seat?.turn === turn + 1 && host.seat?.turn === turn + 1), `turn ${turn + 1}`);
    }
    expect(table.status).toBe('ended');
    await until(() => lna.seat?.ending != null, 'the ending');
    // Until the end, nothing the LNA was sent holds a replay, a record or the other seats' orders.
    const mediatorOrders = table.turns.flatMap((t) => t.orders).filter((o) => o.actor !== 'lna');
    expect(mediatorOrders.length).toBeGreaterThan(0);
    const before = frames.map((f) => Buffer.from(f).toString('latin1')).join('\n');
    expect(before).not.toContain('ceasefire-line-replay');
    expect(before).not.toContain('ceasefire-line-table');
    expect(before).not.toContain('"orders"');
    // After the end, the replay is given to a seat and verifies to the table's last state.
    const sent = frames.length;
    lna.send('replay', {});
    await until(() => lna.replay !== null, 'the replay');
    expect(frames.slice(sent).map((f) => Buffer.from(f).toString('latin1')).join('\n')).toContain('ceasefire-line-replay');
    const verified = loadReplay(lna.replay!, (id) => (id === 'geneva-2020' ? sc.scenario : undefined));
    expect(verified.ok).toBe(true);
    if (verified.ok) expect(verified.value.frames.at(-1)?.hash).toBe(stateHash(table.state));
    // And the host's record for the debrief: the replay, every message, who sat where.
    lna.send('message', { to: 'mediator', text: 'A word for the debrief.' });
    await until(() => host.messages.some((m) => m.text === 'A word for the debrief.'), 'the message');
    let record: { format: string; messages: { text: string }[]; people: { name: string; role: string }[]; replay: { turns: unknown[] } } | null = null;
    host.room.onMessage('record', (r: { text: string }) => (record = JSON.parse(r.text)));
    host.send('record', {});
    await until(() => record !== null, 'the record');
    expect(record!.format).toBe('ceasefire-line-table');
    expect(record!.messages.map((m) => m.text)).toContain('A word for the debrief.');
    expect(record!.people.map((p) => p.role).sort()).toEqual(['lna', 'mediator']);
    expect(record!.replay.turns.length).toBe(table.turns.length);
    await host.room.leave();
    await lna.room.leave();
  });

  it('a host who holds no seat (a teacher who watches) has the record mid-game, and may not then take a seat', async () => {
    resetLimits();
    const { host, code } = await hostTable(['gna', 'lna'], 'watch-1');
    const gna = await join(code, 'Amal');
    const lna = await join(code, 'Badr');
    await seat(gna, 'gna');
    await seat(lna, 'lna');
    host.send('start', {});
    await until(() => gna.seat?.turn === 1 && lna.seat?.turn === 1, 'turn 1');
    expect(host.seat).toBeNull();
    gna.send('end', { turn: 1 });
    lna.send('end', { turn: 1 });
    await until(() => gna.seat?.turn === 2 && lna.seat?.turn === 2, 'turn 2');
    expect((await gna.refused('replay', {})).code).toBe('not-ended');
    let record: { replay: { turns: unknown[] } } | null = null;
    host.room.onMessage('record', (r: { text: string }) => (record = JSON.parse(r.text)));
    host.send('record', {});
    await until(() => record !== null, 'the record');
    expect(record!.replay.turns.length).toBe(1);
    host.send('replay', {});
    await until(() => host.replay !== null, 'the replay');
    // Having seen every seat's orders, the host cannot sit at one of them in this game.
    const r = await host.refused('seat', { role: 'lna' });
    expect(r.code).toBe('saw-record');
    expect(colyseus.getRoomById(host.room.roomId)!.state.people.get(host.room.sessionId)?.role).toBe('');
    await host.room.leave();
    await gna.room.leave();
    await lna.room.leave();
  });

  it('a person who drops keeps the seat: reconnection within the grace, and the token after it', async () => {
    resetLimits();
    const { host, code } = await hostTable(['gna', 'lna'], 'drop-1');
    const lna = await join(code, 'Badr');
    await seat(lna, 'lna');
    host.send('start', {});
    await until(() => lna.seat?.turn === 1, 'turn 1');
    const token = lna.welcome!.token;
    const reconnectionToken = lna.room.reconnectionToken;
    const serverRoom = colyseus.getRoomById(host.room.roomId)!;
    await lna.room.leave(false);
    await until(() => serverRoom.state.people.get(lna.room.sessionId)?.connected === false, 'marked away');
    expect(tableOf(colyseus, host.room.roomId).present.has('lna')).toBe(true);
    const back = await colyseus.sdk.reconnect(reconnectionToken);
    lna.seat = null;
    lna.listen(back);
    back.send('sync', {});
    await until(() => lna.seat?.role === 'lna', 'the seat view again');
    expect(serverRoom.state.people.get(back.sessionId)?.connected).toBe(true);
    // Gone past the grace: the computer holds the seat; the token brings the person back to it.
    await back.leave(false);
    await until(() => !tableOf(colyseus, host.room.roomId).present.has('lna'), 'the grace to run out', 10_000);
    const again = await join(code, 'Badr', token);
    expect(again.welcome?.role).toBe('lna');
    await until(() => again.seat?.role === 'lna', 'seat view');
    await host.room.leave();
    await again.room.leave();
  });

  it('the turn timer ends a turn no one ended, with the queued orders standing', async () => {
    resetLimits();
    const { host, code } = await hostTable(['gna', 'lna'], 'timer-1', { timerSeconds: 2 });
    const lna = await join(code, 'Badr');
    await seat(host, 'gna');
    await seat(lna, 'lna');
    host.send('start', {});
    await until(() => host.seat?.turn === 1 && lna.seat?.turn === 1, 'turn 1');
    const table = tableOf(colyseus, host.room.roomId);
    const order = aiOrders(table.scenario, table.state, 'gna').orders[0]!;
    host.send('order', { turn: 1, order });
    await until(() => host.seat?.queued.length === 1, 'queued');
    expect(colyseus.getRoomById(host.room.roomId)!.state.deadline).toBeGreaterThan(Date.now());
    await until(() => host.seat?.turn === 2 && lna.seat?.turn === 2, 'the timer to end turn 1', 20_000);
    expect(table.turns[0]!.orders).toContainEqual(order);
    expect(table.turns[0]!.orders.some((o) => o.actor === 'lna')).toBe(false);
    await host.room.leave();
    await lna.room.leave();
  });

  it('refuses 30+ malformed or hostile messages, each with a reason, and the room goes on', async () => {
    resetLimits();
    const { host, code } = await hostTable(['gna', 'lna'], 'bad-1');
    const lna = await join(code, 'Badr');
    const loner = await join(code, 'Nadia');
    await seat(host, 'gna');
    await seat(lna, 'lna');
    const before: [string, unknown, string][] = [
      ['order', { turn: 1, order: { actor: 'gna', kind: 'pay-salaries' } }, 'not-started'],
      ['start', {}, 'not-host'],
    ];
    for (const [type, msg, code_] of before) expect((await lna.refused(type, msg)).code, type).toBe(code_);
    host.send('start', {});
    await until(() => lna.seat?.turn === 1, 'turn 1');
    const table = tableOf(colyseus, host.room.roomId);
    const good = aiOrders(table.scenario, table.state, 'lna').orders[0]!;
    const proto = JSON.parse('{"turn":1,"order":{"actor":"lna","kind":"pay-salaries","__proto__":{"polluted":true}}}');
    let deep: unknown = { actor: 'lna', kind: 'pay-salaries' };
    for (let i = 0; i < 12; i++) deep = { x: deep };
    const cases: [string, unknown, string][] = [
      ['order', { turn: 1, order: { ...good, actor: 'gna' } }, 'wrong-seat'],
      ['order', { turn: 1, order: { actor: 'mediator', kind: 'shuttle-diplomacy' } }, 'wrong-seat'],
      ['order', { turn: 2, order: good }, 'wrong-turn'],
      ['order', { turn: 0, order: good }, 'malformed'],
      ['order', { turn: 1.5, order: good }, 'malformed'],
      ['order', { turn: '1', order: good }, 'malformed'],
      ['order', { turn: 1, order: { actor: 'lna', kind: 'nuke', target: 'tripoli' } }, 'malformed'],
      ['order', { turn: 1, order: { actor: 'lna', kind: 'attack', from: 'nowhere', target: 'tripoli' } }, 'unknown-place'],
      ['order', { turn: 1, order: { ...good, extra: 1 } }, 'malformed'],
      ['order', proto, 'malformed'],
      ['order', { turn: 1, order: deep }, 'malformed'],
      ['order', { turn: 1, order: null }, 'malformed'],
      ['order', { turn: 1, order: [good] }, 'malformed'],
      ['order', { turn: 1, order: 'attack Tripoli' }, 'malformed'],
      ['order', { turn: 1 }, 'malformed'],
      ['order', null, 'malformed'],
      ['order', [1, 2, 3], 'malformed'],
      ['cancel', { turn: 1, index: 7 }, 'no-such-order'],
      ['cancel', { turn: 1, index: -1 }, 'malformed'],
      ['end', { turn: 'now' }, 'malformed'],
      ['end', { turn: 9 }, 'wrong-turn'],
      ['seat', { role: 'mediator' }, 'no-such-seat'],
      ['seat', { role: 'root' }, 'malformed'],
      ['seat', { role: 'backer:turkey' }, 'no-such-seat'],
      ['assign', { person: host.room.sessionId, role: 'lna' }, 'not-host'],
      ['start', {}, 'not-host'],
      ['start', { now: true }, 'malformed'],
      ['message', { to: 'mediator', text: 'hello' }, 'no-such-seat'],
      ['message', { to: null, text: 'x'.repeat(4_000) }, 'malformed'],
      ['message', { to: null, text: 'x'.repeat(800) }, 'too-long'],
      ['message', { to: null, text: '   ' }, 'empty'],
      ['message', { to: null }, 'malformed'],
      ['message', 42, 'malformed'],
      ['replay', { all: true }, 'malformed'],
      ['teleport', { to: 'tripoli' }, 'unknown-type'],
    ];
    for (const [type, msg, code_] of cases) {
      const r = await lna.refused(type, msg);
      expect(r.code, `${type} ${JSON.stringify(msg)?.slice(0, 80)}`).toBe(code_);
      // The server's own words, or the core's refusal of an order as its code (told here in English).
      expect('message' in r ? r.message : messageText(r.msg)).toMatch(/^\S.{5,}/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A person without a seat gives no orders.
    expect((await loner.refused('order', { turn: 1, order: good })).code).toBe('no-seat');
    // The order goes through once; twice is a duplicate; after ending the turn, no more.
    lna.send('order', { turn: 1, order: good });
    await until(() => lna.seat?.queued.length === 1, 'queued');
    const duplicate = await lna.refused('order', { turn: 1, order: good });
    expect(duplicate.code).toBe('duplicate');
    // The core's refusal reaches the seat with its message code, for its screen's language.
    expect('msg' in duplicate && duplicate.msg).toEqual({ key: 'orders.problem.queued', values: {} });
    expect('message' in duplicate).toBe(false);
    // Chat flood: five go through, then "wait".
    for (let i = 0; i < 5; i++) lna.send('message', { to: 'gna', text: `offer ${i}` });
    expect((await lna.refused('message', { to: 'gna', text: 'one more' })).code).toBe('too-fast');
    // Message flood: refused, with one warning a second, and the room goes on.
    const n = lna.rejected.length;
    for (let i = 0; i < 200; i++) lna.send('cancel', { turn: 1, index: 50 });
    await until(() => lna.rejected.slice(n).some((r) => r.code === 'too-fast'), 'the flood warning');
    expect(lna.rejected.length - n).toBeLessThan(80);
    await new Promise((r) => setTimeout(r, 3100));
    lna.send('end', { turn: 1 });
    host.send('end', { turn: 1 });
    await until(() => host.seat?.turn === 2 && lna.seat?.turn === 2, 'turn 2 after all that');
    expect(lna.seat?.queued).toEqual([]);
    expect(table.turns[0]!.orders).toContainEqual(good);
    expect(host.messages.filter((m) => m.from === 'lna').length).toBe(5);
    expect(loner.messages.filter((m) => m.to === 'gna')).toEqual([]);
    // Bad joins and bad tables: refused with a reason.
    await expect(colyseus.sdk.joinOrCreate('table', { code: 'QQQQQQ', name: 'Eve' })).rejects.toThrow(/No table has this code/);
    await expect(colyseus.sdk.joinOrCreate('table', { code: 'ab1', name: 'Eve' })).rejects.toThrow(/six letters/);
    await expect(colyseus.sdk.joinOrCreate('table', { code, name: 'E'.repeat(100) })).rejects.toThrow(/at most 40/);
    await expect(colyseus.sdk.joinOrCreate('table', { code, name: 'Eve\u0007' })).rejects.toThrow(/control/);
    await expect(colyseus.sdk.create('table', { name: 'T', scenario: 'mars-2030', seats: ['gna'] })).rejects.toThrow(/no scenario/i);
    await expect(colyseus.sdk.create('table', { name: 'T', scenario: 'tutorial', seats: ['lna'] })).rejects.toThrow(/cannot be played/);
    await expect(colyseus.sdk.create('table', { name: 'T', scenario: 'sirte-2020', seats: [] })).rejects.toThrow(/at least one seat/);
    // A frame over the size limit closes that connection; the room goes on.
    const closed = new Promise<number>((r) => loner.room.onLeave((c) => r(c)));
    loner.send('message', { to: null, text: 'x'.repeat(40_000) });
    expect(await closed).toBe(1009);
    host.send('message', { to: 'lna', text: 'Still here?' });
    await until(() => lna.messages.some((m) => m.text === 'Still here?'), 'a message after the oversized frame');
    for (const p of [host, lna]) await p.room.leave();
  });
});
