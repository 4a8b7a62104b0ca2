// A class on the server (issue 16): the teacher creates a class of two tables and alone holds
// the teacher key; students join with the class code and are seated, balanced; the teacher
// starts the tables, pauses, ends a seat's turn and injects news into one table only; a
// student who tries the console's messages or guesses the key is refused with a reason; and a
// restart keeps the class, its tables, seats and injects (PGlite on disk; PostgreSQL too when
// DATABASE_URL is set).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ColyseusTestServer } from '@colyseus/testing';
import type { Room } from 'colyseus.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { Running } from '../../server/app.ts';
import { resetClassLimits } from '../../server/class-room.ts';
import { balancedSeat, type ClassConfig, hashKey, keyMatches, rebalance, type Student } from '../../server/classes.ts';
import { resetLimits } from '../../server/room.ts';
import { scenarioFor } from '../../server/scenarios.ts';
import type { ClassView, ClassWelcome, Rejection, StudentPlace, TableInspect } from '../../src/net/protocol.ts';
import { aiOrders, newGame, type Order, resolveTurn, stateHash } from '../../src/sim/index.ts';
import { freePort, Person, tableOf, testServer, until } from './helpers.ts';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) console.log('class test on PostgreSQL skipped: DATABASE_URL is not set');

/** Someone in a class room: what the server sent. */
class Member {
  welcome: ClassWelcome | null = null;
  view: ClassView | null = null;
  place: StudentPlace | null = null;
  inspect: TableInspect | null = null;
  readonly rejected: Rejection[] = [];
  constructor(readonly room: Room) {
    room.onMessage('inspect', (t: TableInspect) => (this.inspect = t));
    room.onMessage('welcome', (w: ClassWelcome) => (this.welcome = w));
    room.onMessage('class', (v: ClassView) => (this.view = v));
    room.onMessage('place', (p: StudentPlace) => (this.place = p));
    room.onMessage('rejected', (r: Rejection) => this.rejected.push(r));
  }
  async refused(type: string, message: unknown): Promise<Rejection> {
    const n = this.rejected.length;
    this.room.send(type, message);
    await until(() => this.rejected.length > n, `a rejection of ${type}`);
    return this.rejected[n]!;
  }
}

const config: ClassConfig = {
  scenario: 'sirte-2020',
  whatIfs: [],
  tables: 2,
  seats: ['gna', 'lna'],
  sameSeed: true,
  seed: 'c',
  difficulty: 'normal',
  timerSeconds: 0,
};

describe('seating a class', () => {
  it('balances: every table gets someone at each seat before any seat gets a team', () => {
    const students: Student[] = [];
    for (let i = 0; i < 6; i++) students.push({ token: `t${i}`, name: `S${i}`, ...balancedSeat(config, students) });
    expect(students.map((s) => `${s.table}:${s.role}`)).toEqual(['1:gna', '2:gna', '1:lna', '2:lna', '1:gna', '2:gna']);
    const moved = students.map((s, i) => (i < 3 ? { ...s, table: 1, role: 'gna' as const } : s));
    expect(rebalance(config, moved).map((s) => `${s.table}:${s.role}`)).toEqual(students.map((s) => `${s.table}:${s.role}`));
  });

  it('keeps only the hash of the teacher key, and checks it', () => {
    const hash = hashKey('secret');
    expect(hash).not.toContain('secret');
    expect(keyMatches('secret', hash)).toBe(true);
    expect(keyMatches('secreT', hash)).toBe(false);
  });
});

async function runClass(colyseus: ColyseusTestServer): Promise<{ teacher: Member; key: string; code: string; students: Member[]; people: Person[] }> {
  resetLimits();
  resetClassLimits();
  const teacherRoom = await colyseus.sdk.create('class', {
    create: true,
    name: 'Ms Haddad',
    scenario: 'sirte-2020',
    tables: 2,
    seats: ['gna', 'lna'],
    sameSeed: true,
    seed: 'class-1',
  });
  const teacher = new Member(teacherRoom);
  await until(() => teacher.welcome !== null && teacher.view !== null, 'the teacher welcome');
  const key = teacher.welcome!.key!;
  const code = teacher.welcome!.code;
  expect(teacher.welcome!.teacher).toBe(true);
  expect(key.length).toBeGreaterThanOrEqual(30);
  expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTWXY]{6}$/);
  expect(teacher.view!.tables.map((t) => [t.no, t.status, t.seed])).toEqual([
    [1, 'lobby', 'class-1'],
    [2, 'lobby', 'class-1'],
  ]);

  const students: Member[] = [];
  for (const name of ['Amal', 'Badr', 'Chiara', 'Dawud']) {
    const s = new Member(await colyseus.sdk.joinOrCreate('class', { classCode: code, name }));
    await until(() => s.place !== null && s.welcome !== null, `${name}'s place`);
    // A student is never sent the key, nor the console's view.
    expect(s.welcome!.key).toBeUndefined();
    expect(s.welcome!.teacher).toBe(false);
    students.push(s);
  }
  expect(students.map((s) => `${s.place!.table}:${s.place!.role}`)).toEqual(['1:gna', '2:gna', '1:lna', '2:lna']);
  expect(students.every((s) => s.place!.tableCode === null)).toBe(true);

  // A student who tries the console's messages is refused, with a reason; and sees no class view.
  for (const [type, message] of [
    ['start', {}],
    ['inject', { table: null, text: 'Fake news' }],
    ['pause', { table: 1, paused: true }],
    ['seat', { token: students[1]!.welcome!.token, table: 1, role: 'gna' }],
    ['inspect', { table: 1 }],
    ['inspect', { table: 2 }],
    ['timer', { seconds: 0 }],
  ] as const) {
    const r = await students[0]!.refused(type, message);
    expect(r.code, type).toBe('not-teacher');
    expect('message' in r && r.message).toMatch(/teacher key/);
  }
  expect(students[0]!.view).toBeNull();
  expect(students[0]!.inspect).toBeNull();

  // A guessed key is refused; after ten tries from one address, every try is refused for a while.
  await expect(colyseus.sdk.joinOrCreate('class', { classCode: code, key: 'guess' })).rejects.toThrow(/not the teacher key/);
  // A class code typed where a table's code goes is explained.
  await expect(colyseus.sdk.joinOrCreate('table', { code, name: 'Eyad' })).rejects.toThrow(/class code/);

  // The teacher moves Dawud to table 1 as a second LNA, then back by balancing.
  teacher.room.send('seat', { token: students[3]!.welcome!.token, table: 1, role: 'lna' });
  await until(() => students[3]!.place?.table === 1, 'Dawud moved');
  teacher.room.send('balance', {});
  await until(() => students[3]!.place?.table === 2, 'Dawud balanced back');

  teacher.room.send('start', {});
  await until(() => students.every((s) => s.place?.tableCode), 'the table codes');
  const codes = teacher.view!.tables.map((t) => t.code);
  expect(students.map((s) => s.place!.tableCode)).toEqual([codes[0], codes[1], codes[0], codes[1]]);

  // Each student joins their table with their token and finds their seat.
  const people: Person[] = [];
  for (const s of students) {
    const p = new Person(await colyseus.sdk.joinOrCreate('table', { code: s.place!.tableCode, name: s.welcome!.name, token: s.welcome!.token }));
    await until(() => p.seat !== null, `${s.welcome!.name}'s seat`);
    expect(p.welcome!.role).toBe(s.place!.role);
    people.push(p);
  }
  // At a class table a student cannot change seat.
  expect((await people[0]!.refused('seat', { role: 'lna' })).code).toBe('class-table');
  return { teacher, key, code, students, people };
}

async function playTurn(colyseus: ColyseusTestServer, people: Person[], turn: number): Promise<void> {
  for (const p of people) {
    const table = tableOf(colyseus, p.room.roomId);
    const orders = aiOrders(table.scenario, table.state, p.seat!.role).orders.slice(0, 2);
    for (const order of orders) p.send('order', { turn, order });
    await until(() => (p.seat?.queued.length ?? 0) === orders.length, 'the queue');
    p.send('end', { turn });
  }
  await until(() => people.every((p) => p.seat?.turn === turn + 1), `turn ${turn + 1}`);
}

async function classOn(running: Running, colyseus: ColyseusTestServer, restartWith: () => Promise<{ running: Running; colyseus: ColyseusTestServer }>): Promise<Running> {
  const { teacher, key, code, students, people } = await runClass(colyseus);
  // Table 1 gets the teacher's news; table 2 does not.
  teacher.room.send('inject', { table: 1, text: 'Rumours of a ceasefire in Sirte.' });
  await until(() => teacher.view?.tables[0]?.injects.length === 1, 'the inject queued');
  await playTurn(colyseus, people, 1);
  const news = (p: Person) => p.messages.filter((m) => m.fromName === 'News from the teacher').map((m) => m.text);
  await until(() => news(people[0]!).length === 1 && news(people[2]!).length === 1, 'the news at table 1');
  expect(news(people[0]!)).toEqual(['Rumours of a ceasefire in Sirte.']);
  expect(news(people[1]!)).toEqual([]);
  expect(news(people[3]!)).toEqual([]);

  // The console shows both tables at turn 2 with their figures.
  await until(() => teacher.view?.tables.every((t) => t.turn === 2) ?? false, 'the console at turn 2');
  // Students at their tables are not away, though they have left the class's waiting room.
  await until(() => teacher.view?.students.every((s) => s.connected) ?? false, 'students at their tables');
  for (const t of teacher.view!.tables) {
    expect(t.figures.length).toBe(2);
    expect(t.figures[1]!.holders.tripoli).toBe('gna');
    expect(typeof t.figures[1]!.escalation).toBe('number');
  }

  // Pause table 2: its turn is not played even when everyone has ended it; resume plays it.
  teacher.room.send('pause', { table: 2, paused: true });
  await until(() => teacher.view?.tables[1]?.paused === true, 'table 2 paused');
  people[1]!.send('end', { turn: 2 });
  people[3]!.send('end', { turn: 2 });
  await until(() => teacher.view?.tables[1]?.waitingFor.length === 0, 'table 2 all ended');
  await new Promise((r) => setTimeout(r, 200));
  expect(tableOf(colyseus, people[1]!.room.roomId).turn).toBe(2);
  teacher.room.send('resume', {});
  expect((await teacher.refused('resume', {})).code).toBe('unknown-type');
  teacher.room.send('pause', { table: 2, paused: false });
  await until(() => people[1]!.seat?.turn === 3, 'table 2 at turn 3 after resume');

  // Table 1: Badr... Amal has ended; the teacher ends the LNA seat for Chiara, who is absent-minded.
  people[0]!.send('end', { turn: 2 });
  teacher.room.send('endSeat', { table: 1, role: 'lna' });
  await until(() => people[0]!.seat?.turn === 3, 'table 1 at turn 3 after the teacher ended the LNA seat');
  // The teacher opens table 1 in full: every turn's orders, checked by replaying from the seed
  // (the whole state, no fog: the LNA's money and every formation, which the GNA seat never sees).
  teacher.room.send('inspect', { table: 1 });
  await until(() => teacher.inspect?.turns.length === 2, 'table 1 in full');
  const full = teacher.inspect!;
  expect([full.no, full.seed, full.status, full.seats]).toEqual([1, 'class-1', 'playing', ['gna', 'lna']]);
  const sc = scenarioFor(full.scenario, full.whatIfs);
  if (!sc.ok) throw new Error(sc.message);
  let state = newGame(sc.scenario, full.seed, ['gna', 'lna'], full.difficulty);
  for (const t of full.turns) {
    state = resolveTurn(sc.scenario, state, t.orders as Order[]).state;
    expect(stateHash(state)).toBe(t.hash);
  }
  expect(stateHash(state)).toBe(stateHash(tableOf(colyseus, people[0]!.room.roomId).state));
  expect(state.sides.lna.money).toBeGreaterThan(0);
  // No student ever received a table in full.
  expect(students.every((s) => s.inspect === null)).toBe(true);

  // The teacher gives every table five minutes a turn, from the turn in play on.
  teacher.room.send('timer', { seconds: 300 });
  await until(() => (teacher.view?.timerSeconds === 300 && teacher.view.tables.every((t) => t.timerSeconds === 300 && t.deadline > Date.now())) ?? false, 'the new timer');
  await until(() => people.every((p) => p.room.state.deadline > Date.now() + 290_000), 'the students’ deadline');

  // An inject for the next turn waits in the record across the restart.
  teacher.room.send('inject', { table: null, event: 'berlin-conference' });
  await until(() => teacher.view?.tables.every((t) => t.injects.length === 1) ?? false, 'the event inject queued');
  for (const p of people) await p.room.leave();
  await teacher.room.leave();

  // Restart: the class, its tables, seats and injects are all there.
  await running.stop();
  const again = await restartWith();
  const back = new Member(await again.colyseus.sdk.joinOrCreate('class', { classCode: code, key }));
  await until(() => back.view !== null && back.view.tables.length === 2, 'the console after the restart');
  expect(back.welcome!.teacher).toBe(true);
  expect(back.welcome!.key).toBeUndefined();
  expect(back.view!.status).toBe('playing');
  expect(back.view!.tables.map((t) => t.turn)).toEqual([3, 3]);
  expect(back.view!.tables.map((t) => t.injects.length)).toEqual([1, 1]);
  expect(back.view!.timerSeconds).toBe(300);
  expect(back.view!.tables.map((t) => t.timerSeconds)).toEqual([300, 300]);
  expect(back.view!.students.map((s) => `${s.name}:${s.table}:${s.role}`)).toEqual(['Amal:1:gna', 'Badr:2:gna', 'Chiara:1:lna', 'Dawud:2:lna']);
  expect(back.view!.tables[0]!.messages.map((m) => m.text)).toContain('Rumours of a ceasefire in Sirte.');
  const actions = await again.running.db.query<{ action: string }>('SELECT action FROM teacher_actions ORDER BY id');
  expect(actions.map((a) => a.action)).toEqual(['start', 'start', 'inject', 'pause', 'resume', 'end-seat', 'timer', 'timer', 'inject', 'inject']);
  await back.room.leave();
  return again.running;
}

describe('a class on the server', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('PGlite on disk: teacher, students, two tables, inject to one, pause, end a seat, restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'class-'));
    dirs.push(dir);
    const port = freePort(41);
    const first = await testServer(port, { dataDir: dir });
    const last = await classOn(first.running, first.colyseus, () => testServer(port, { dataDir: dir }));
    await last.stop();
  }, 120_000);

  it.skipIf(!DATABASE_URL)('PostgreSQL: the same class survives a restart', async () => {
    const schema = `class_${process.pid}`;
    const { openPostgres } = await import('../../server/db.ts');
    const admin = await openPostgres(DATABASE_URL!);
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`CREATE SCHEMA ${schema}`);
    const port = freePort(42);
    const options = { databaseUrl: DATABASE_URL, databaseSchema: schema };
    try {
      const first = await testServer(port, options);
      const last = await classOn(first.running, first.colyseus, () => testServer(port, options));
      await last.stop();
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    }
  }, 120_000);
});
