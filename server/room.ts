// The Colyseus room of a classroom table: a thin shell over the pure table model (table.ts).
// It checks every message (valibot schemas of src/net/protocol.ts, seat, turn, rate), writes
// what happens to the store before it answers, sends each seat only its own fog-of-war view
// and report, and resolves the turn when every person present has ended it or the timer ran out.
import { type AuthContext, type Client, Room, ServerError } from '@colyseus/core';
import { ArraySchema, MapSchema, schema } from '@colyseus/schema';
import {
  type ClientMessageType,
  type ConsoleTable,
  clientMessages,
  hostSchema,
  joinSchema,
  type PreviewAnswer,
  parseInput,
  type Rejection,
  type SeatUpdate,
  type TableInspect,
  type Welcome,
} from '../src/net/protocol.ts';
import { legalOrders, type Order, orderWarnings, type PlayerRole } from '../src/sim/index.ts';
import type { ClassStore } from './classes.ts';
import { CODE_PATTERN, newJoinCode, newTableId, newToken, normaliseCode } from './codes.ts';
import { Bucket, KeyedLimit, LIMITS } from './limits.ts';
import { budgetUsed, seatPreview } from './previews.ts';
import { scenarioFor } from './scenarios.ts';
import { restore, type TableStore } from './store.ts';
import { canRead, Table, type TableConfig, type TableMessage } from './table.ts';

export const PersonState = schema(
  { name: 'string', role: 'string', connected: 'boolean', host: 'boolean' },
  'PersonState',
);
export const SeatState = schema({ role: 'string', ended: 'boolean', people: 'number', connected: 'number' }, 'SeatState');
export const TableState = schema(
  {
    code: 'string',
    scenario: 'string',
    title: 'string',
    status: 'string',
    paused: 'boolean',
    turn: 'number',
    deadline: 'number',
    waitingFor: ['string'],
    seats: { map: SeatState },
    people: { map: PersonState },
  },
  'TableState',
);
type TableStateT = InstanceType<typeof TableState>;

interface Person {
  token: string;
  name: string;
  role: PlayerRole | null;
  host: boolean;
  bucket: Bucket;
  chat: Bucket;
  /** When the last "too fast" rejection was sent (one a second at most). */
  warned: number;
}

/** What the server process gives every room: its store, and how long a dropped seat is kept. */
export const serverContext: { store: TableStore | null; classes: ClassStore | null; graceSeconds: number; log: (line: string) => void; addressLimits: boolean } = {
  store: null,
  classes: null,
  graceSeconds: 60,
  log: () => undefined,
  /** Off only for load tests on loopback (every client from one address). */
  addressLimits: true,
};

const joins = new KeyedLimit(LIMITS.joinBurst, LIMITS.joinRate);
const hosts = new KeyedLimit(LIMITS.hostBurst, LIMITS.hostRate);
export function resetLimits(): void {
  joins.reset();
  hosts.reset();
}

const addressOf = (context: AuthContext | undefined): string => {
  const ip = context?.ip;
  return (Array.isArray(ip) ? ip[0] : ip) ?? 'unknown';
};

/**
 * Seat updates with orders and previews (the heavy ones: up to 50 KB and a few milliseconds of
 * the core each) waiting to be sent, one client's at a time, a few milliseconds of them per turn
 * of the event loop, so that what comes in meanwhile — a table's last "end turn" — is read and
 * played between them rather than after all of them. One update a client: queued again before it
 * went out, it goes out once, worked out when it goes (so it is never stale). A new turn's orders
 * (`first`: a whole table waits for them) go before the answers to orders queued. Measured with
 * bench/classroom.ts: thirty tables queuing their orders at the same instant had them all
 * answered (210 seats' previews worked out again) in one stretch of the event loop, and every
 * table's "end turn" waited behind it.
 */
export class SeatUpdates {
  private readonly urgent = new Map<object, () => void>();
  private readonly jobs = new Map<object, () => void>();
  private scheduled = false;
  constructor(private readonly sliceMs = 5) {}

  add(key: object, job: () => void, first = false): void {
    if (first) {
      this.jobs.delete(key);
      if (!this.urgent.has(key)) this.urgent.set(key, job);
    } else if (!this.urgent.has(key) && !this.jobs.has(key)) this.jobs.set(key, job);
    this.schedule();
  }

  get size(): number {
    return this.urgent.size + this.jobs.size;
  }

  private schedule(): void {
    if (this.scheduled || this.size === 0) return;
    this.scheduled = true;
    setImmediate(() => this.run());
  }

  private run(): void {
    this.scheduled = false;
    const start = performance.now();
    for (const lane of [this.urgent, this.jobs]) {
      for (const [key, job] of lane) {
        lane.delete(key);
        try {
          job();
        } catch (e) {
          serverContext.log(`seat update: ${(e as Error).message}`);
        }
        if (performance.now() - start >= this.sliceMs) {
          this.schedule();
          return;
        }
      }
    }
  }
}
const seatUpdates = new SeatUpdates();

/** The tables this process holds, by table id (the class console reaches its tables here). */
export const liveTables = new Map<string, TableRoom>();

export class TableRoom extends Room<TableStateT> {
  private table!: Table;
  private tableId = '';
  private code = '';
  /** The class the table belongs to, if any (then the teacher seats people and starts it). */
  private classId: string | null = null;
  private tableNo: number | null = null;
  private readonly persons = new Map<string, Person>();
  /** People by token, including those who have left (their seat comes back with the token). */
  private readonly known = new Map<string, { name: string; role: PlayerRole | null; host: boolean }>();
  private work: Promise<unknown> = Promise.resolve();
  /** Seat tokens of hosts who had the whole record while the game was in play (they may not take a seat then). */
  private readonly sawWholeGame = new Set<string>();
  private fresh = false;
  private timer: { clear(): void } | null = null;
  /** When the last "end turn" of the turn in play came in (for the log's turn latency). */
  private lastEndAt = 0;

  static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<boolean> {
    const address = addressOf(context);
    if (!serverContext.addressLimits) return true;
    if (!joins.take(address, Date.now())) throw new ServerError(429, 'Too many tries from this address: wait a minute.');
    if (typeof options === 'object' && options !== null && !('code' in options)) {
      if (!hosts.take(address, Date.now())) throw new ServerError(429, 'Too many tables hosted from this address: wait a while.');
    }
    return true;
  }

  private get store(): TableStore {
    if (!serverContext.store) throw new Error('The table store is not open.');
    return serverContext.store;
  }

  override async onCreate(options: Record<string, unknown>): Promise<void> {
    this.maxClients = LIMITS.maxClients;
    if ('code' in options) await this.resume(options);
    else await this.host(options);
    this.listing.code = this.code;
    liveTables.set(this.tableId, this);
    // A class's table stays open while nobody is at it: the teacher's console watches it.
    if (this.classId) this.autoDispose = false;
    const t = this.table;
    const state = new TableState();
    state.code = this.code;
    state.scenario = t.config.scenario;
    state.title = t.scenario.title;
    state.seats = new MapSchema();
    state.people = new MapSchema();
    state.waitingFor = new ArraySchema<string>() as unknown as string[];
    for (const role of t.config.seats) {
      const seat = new SeatState();
      seat.role = role;
      seat.ended = false;
      seat.people = 0;
      seat.connected = 0;
      state.seats.set(role, seat);
    }
    this.setState(state);
    this.sync();
    for (const type of Object.keys(clientMessages) as ClientMessageType[]) {
      this.onMessage(type, (client, message) => this.receive(client, type, message));
    }
    this.onMessage('*', (client, type) => this.reject(client, String(type).slice(0, 40), 'unknown-type', 'There is no such message.'));
  }

  private async host(options: Record<string, unknown>): Promise<void> {
    const { name: _name, ...rest } = options;
    const parsed = parseInput(hostSchema, { name: _name ?? '', ...rest });
    if (!parsed.ok) throw new ServerError(400, parsed.message);
    const o = parsed.value;
    const sc = scenarioFor(o.scenario, o.whatIfs ?? []);
    if (!sc.ok) throw new ServerError(400, sc.message);
    const seats = [...new Set(o.seats)] as PlayerRole[];
    for (const r of seats) {
      if (!sc.scenario.playable.includes(r)) throw new ServerError(400, `“${r}” cannot be played in ${sc.scenario.title}.`);
    }
    const config: TableConfig = {
      scenario: o.scenario,
      whatIfs: o.whatIfs ?? [],
      seed: o.seed ?? newToken().slice(0, 8),
      difficulty: o.difficulty ?? 'normal',
      seats: sc.scenario.playable.filter((r) => seats.includes(r)),
      timerSeconds: o.timerSeconds ?? 0,
    };
    let code = newJoinCode();
    for (let i = 0; i < 5 && (await this.store.codeInUse(code)); i++) code = newJoinCode();
    this.tableId = newTableId();
    this.code = code;
    this.table = new Table(sc.scenario, config);
    await this.store.createTable(this.tableId, code, config, o.name);
    this.fresh = true;
    serverContext.log(`table ${code} hosted: ${config.scenario}, seats ${config.seats.join(', ')}`);
  }

  private async resume(options: Record<string, unknown>): Promise<void> {
    const code = typeof options.code === 'string' ? normaliseCode(options.code) : '';
    if (!CODE_PATTERN.test(code)) throw new ServerError(404, 'A join code is six letters.');
    const id = await this.store.idByCode(code);
    const stored = id ? await this.store.load(id) : null;
    if (!id && (await serverContext.classes?.idByCode(code))) throw new ServerError(404, 'This is a class code: join it under “Join a class”.');
    if (!id || !stored) throw new ServerError(404, 'No table has this code.');
    const sc = scenarioFor(stored.config.scenario, stored.config.whatIfs);
    if (!sc.ok) throw new ServerError(500, sc.message);
    this.table = restore(sc.scenario, stored, this.clock.currentTime);
    this.tableId = id;
    this.code = code;
    for (const s of stored.seats) this.known.set(s.token, { name: s.name, role: s.role, host: s.host });
    this.classId = stored.classId;
    this.tableNo = stored.tableNo;
    serverContext.log(`table ${code} resumed at turn ${this.table.turn} (${stored.status})`);
  }

  override async onJoin(client: Client, options: Record<string, unknown>): Promise<void> {
    const parsed = this.fresh
      ? parseInput(hostSchema, options)
      : parseInput(joinSchema, { name: options.name ?? '', code: options.code ?? '', ...(options.token !== undefined ? { token: options.token } : {}) });
    if (!parsed.ok) throw new ServerError(400, parsed.message);
    const host = this.fresh;
    this.fresh = false;
    const token = parsed.value.token && this.known.has(parsed.value.token) ? parsed.value.token : newToken();
    const before = this.known.get(token);
    const now = this.clock.currentTime;
    const person: Person = {
      token,
      name: parsed.value.name,
      role: before?.role ?? null,
      host: before?.host ?? host,
      bucket: new Bucket(LIMITS.clientBurst, LIMITS.clientRate, now),
      chat: new Bucket(LIMITS.chatBurst, LIMITS.chatRate, now),
      warned: 0,
    };
    await this.serial(async () => {
      this.persons.set(client.sessionId, person);
      this.known.set(token, { name: person.name, role: person.role, host: person.host });
      await this.store.saveSeat(this.tableId, { token, name: person.name, role: person.role, host: person.host });
      this.refreshPresence();
      // A table rebuilt after a restart whose seats had all ended the turn plays it now.
      await this.maybeResolve();
    });
    this.greet(client);
  }

  /** Who the person is, the messages they may read, and their seat's view. */
  private greet(client: Client): void {
    const person = this.persons.get(client.sessionId);
    if (!person) return;
    const t = this.table;
    const welcome: Welcome = {
      code: this.code,
      token: person.token,
      name: person.name,
      role: person.role,
      host: person.host,
      scenario: t.config.scenario,
      title: t.scenario.title,
      seats: t.config.seats,
      seed: t.config.seed,
      difficulty: t.config.difficulty,
      timerSeconds: t.config.timerSeconds,
      whatIfs: t.config.whatIfs,
    };
    client.send('welcome', welcome);
    client.send('messages', t.messages.filter((m) => canRead(m, person.role, person.host)));
    this.sendSeat(client);
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const person = this.persons.get(client.sessionId);
    if (!person) return;
    if (!consented && serverContext.graceSeconds > 0) {
      this.setConnected(client.sessionId, false);
      try {
        await this.allowReconnection(client, serverContext.graceSeconds);
        this.setConnected(client.sessionId, true);
        this.sendSeat(client);
        return;
      } catch {
        // The grace ran out: the seat goes to the computer until the person comes back.
      }
    }
    await this.serial(async () => {
      this.persons.delete(client.sessionId);
      this.state.people.delete(client.sessionId);
      this.refreshPresence();
      await this.maybeResolve();
    });
  }

  override async onDispose(): Promise<void> {
    if (liveTables.get(this.tableId) === this) liveTables.delete(this.tableId);
    this.timer?.clear();
    await this.work.catch(() => undefined);
  }

  // ---- Messages -------------------------------------------------------------------------------

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.work.then(fn, fn);
    this.work = next.catch((e) => serverContext.log(`table ${this.code}: ${(e as Error).message}`));
    return next;
  }

  /** Refuses a message in the server's own words. */
  private reject(client: Client, type: string, code: string, message: string): void {
    this.refuse(client, { type, code, message });
  }

  /** Refuses a message: the server's own words, or the core's refusal of an order (a message code). */
  private refuse(client: Client, r: Rejection): void {
    client.send('rejected', r);
  }

  private receive(client: Client, type: ClientMessageType, raw: unknown): void {
    const person = this.persons.get(client.sessionId);
    if (!person) {
      this.reject(client, type, 'not-joined', 'You have not joined this table.');
      return;
    }
    const now = this.clock.currentTime;
    if (!person.bucket.take(now)) {
      if (now - person.warned >= 1000) {
        person.warned = now;
        this.reject(client, type, 'too-fast', 'Too many messages: slow down.');
      }
      return;
    }
    const parsed = parseInput(clientMessages[type], raw);
    if (!parsed.ok) {
      this.reject(client, type, 'malformed', parsed.message);
      return;
    }
    void this.serial(() => this.handle(client, person, type, parsed.value as never)).catch((e) => {
      serverContext.log(`table ${this.code}: ${(e as Error).message}`);
      this.reject(client, type, 'server-error', 'The server could not do that; try again.');
    });
  }

  private async handle(client: Client, person: Person, type: ClientMessageType, m: Record<string, unknown>): Promise<void> {
    const t = this.table;
    const now = this.clock.currentTime;
    const fail = (code: string, message: string) => this.reject(client, type, code, message);
    switch (type) {
      case 'seat':
      case 'assign': {
        const role = m.role as PlayerRole | null;
        let target = person;
        let targetId = client.sessionId;
        if (this.classId) return fail('class-table', 'At a class table the teacher seats everyone.');
        if (type === 'assign') {
          if (!person.host) return fail('not-host', 'Only the host assigns seats.');
          const other = this.persons.get(m.person as string);
          if (!other) return fail('no-such-person', 'There is no such person at the table.');
          target = other;
          targetId = m.person as string;
        }
        if (role !== null && !t.isSeat(role)) return fail('no-such-seat', 'That seat is not open to people at this table.');
        if (role !== null && t.status === 'playing' && this.sawWholeGame.has(target.token)) {
          return fail('saw-record', 'The whole record of this game in play has been seen from this place: no seat can be taken from it before the table ends.');
        }
        target.role = role;
        this.known.set(target.token, { name: target.name, role, host: target.host });
        await this.store.saveSeat(this.tableId, { token: target.token, name: target.name, role, host: target.host });
        this.refreshPresence();
        const targetClient = this.clients.find((c) => c.sessionId === targetId);
        if (targetClient) {
          targetClient.send('seated', { role });
          targetClient.send('messages', t.messages.filter((x) => canRead(x, role, target.host)));
          this.sendSeat(targetClient);
        }
        return;
      }
      case 'start': {
        if (this.classId) return fail('class-table', 'At a class table the teacher starts the game.');
        // The host starts; if the host has gone, anyone with a seat may.
        const hostHere = [...this.persons.values()].some((p) => p.host);
        if (!person.host && (hostHere || !person.role)) return fail('not-host', 'Only the host starts the game.');
        const r = t.start(now);
        if (!r.ok) return fail(r.error.code, r.error.message);
        await this.store.setStatus(this.tableId, t.status);
        serverContext.log(`table ${this.code} started`);
        this.armTimer();
        this.sync();
        this.sendAll();
        return;
      }
      case 'order':
      case 'cancel':
      case 'end': {
        if (!person.role) return fail('no-seat', 'Take a seat first.');
        const role = person.role;
        const turn = m.turn as number;
        const r = type === 'order' ? t.queue(role, m.order, turn) : type === 'cancel' ? t.cancel(role, m.index as number, turn) : t.end(role, turn);
        if (!r.ok) return this.refuse(client, { type, ...r.error });
        if (type === 'end') this.lastEndAt = performance.now();
        const queued = t.queued.get(role) ?? [];
        // Written before it is answered, but without holding the table's other messages back: the
        // answer goes out when the write has committed (writes commit in order, several tables'
        // together: see TableStore). Seven seats ending a turn together are one commit, not seven.
        const written = this.store.logOrder(
          this.tableId,
          turn,
          role,
          type === 'order' ? { action: 'queue', order: queued[queued.length - 1]! } : type === 'cancel' ? { action: 'cancel', index: m.index as number } : { action: 'end' },
        );
        void written.then(
          () => {
            // The turn played meanwhile: the new turn's update has gone to everyone.
            if (t.turn !== turn) return;
            // Everyone on the seat (a team) sees the same queue (sent between other tables' messages: see SeatUpdates).
            for (const c of this.clients) if (this.persons.get(c.sessionId)?.role === role) this.sendSeatLater(c);
            this.sync();
          },
          (e: unknown) => {
            serverContext.log(`table ${this.code}: ${(e as Error).message}`);
            fail('server-error', 'The server could not write that down; try again.');
          },
        );
        // The turn's record is written after the order actions above: when it has committed, so have they.
        await this.maybeResolve();
        return;
      }
      case 'preview': {
        // What an order the seat composes would do (a ceasefire's terms), checked like an order:
        // the seat's own, this turn; the core's check says why it is not allowed.
        if (!person.role) return fail('no-seat', 'Take a seat first.');
        const role = person.role;
        if (t.status !== 'playing') return fail(t.status === 'lobby' ? 'not-started' : 'game-over', t.status === 'lobby' ? 'The game has not started yet.' : 'The game is over.');
        if (m.turn !== t.turn) return fail('wrong-turn', `That was for turn ${m.turn}; the table is at turn ${t.turn}.`);
        const order = m.order as { actor?: unknown } | null;
        if (typeof order !== 'object' || order === null || Array.isArray(order)) return fail('malformed', 'This is not a valid order.');
        if (order.actor !== role) return fail('wrong-seat', `An order for “${String(order.actor).slice(0, 40)}” cannot be given from the ${role} seat.`);
        const p = seatPreview(t.scenario, t.state, role, order as Order, t.queued.get(role) ?? [], true);
        if (!p.check.ok && p.check.error.code === 'malformed') return this.refuse(client, { type, ...p.check.error });
        const answer: PreviewAnswer = { turn: t.turn, order: order as Order, ...p };
        client.send('preview', answer);
        return;
      }
      case 'message': {
        const problem = t.messageProblem({ to: m.to as PlayerRole | null, text: m.text as string });
        if (problem) return fail(problem.code, problem.message);
        if (!person.chat.take(now)) return fail('too-fast', 'Wait a moment before the next message.');
        const r = t.addMessage({ from: person.role, fromName: person.name, to: m.to as PlayerRole | null, text: m.text as string });
        if (!r.ok) return fail(r.error.code, r.error.message);
        // Delivered once written, without holding the table's next messages back (as orders, above).
        void this.store.addMessage(this.tableId, r.value).then(
          () => this.deliver(r.value),
          (e: unknown) => {
            serverContext.log(`table ${this.code}: ${(e as Error).message}`);
            fail('server-error', 'The server could not write that down; try again.');
          },
        );
        return;
      }
      case 'sync': {
        this.greet(client);
        return;
      }
      case 'record': {
        if (!person.host) return fail('not-host', 'Only the host downloads the whole record of the table.');
        const refusal = this.wholeGameRefusal(person, 'record');
        if (refusal) return fail(refusal.code, refusal.message);
        const record = {
          format: 'ceasefire-line-table',
          version: 1,
          code: this.code,
          title: t.scenario.title,
          people: [...this.known.values()].map((k) => ({ name: k.name, role: k.role, host: k.host })),
          messages: t.messages,
          replay: t.replay(`Table ${this.code}`),
        };
        client.send('record', { text: `${JSON.stringify(record, null, 1)}\n` });
        return;
      }
      case 'replay': {
        const refusal = this.wholeGameRefusal(person, 'replay');
        if (refusal) return fail(refusal.code, refusal.message);
        client.send('replay', { text: JSON.stringify(t.replay(`Table ${this.code}`)) });
        return;
      }
    }
  }

  /**
   * The replay and the record hold every seat's orders, turn by turn: replayed from the seed they
   * give the whole state, every side's hidden numbers. So they go out only once the table has
   * ended (the fog lifts, as in a debrief), or to a host who holds no seat — a teacher who only
   * watches may see everything, at any time. Such a host, having seen the game in play, may not
   * then take a seat in it (see `seat`). Null when the person may have it now.
   */
  private wholeGameRefusal(person: Person, what: 'replay' | 'record'): { code: string; message: string } | null {
    const t = this.table;
    if (t.status === 'ended') return null;
    if (person.host && !person.role) {
      if (t.status === 'playing') this.sawWholeGame.add(person.token);
      return null;
    }
    const name = what === 'replay' ? 'The replay' : 'The record';
    return {
      code: 'not-ended',
      message: `${name} is given once the table has ended: until then it would show your seat the other seats' orders and hidden forces.${what === 'record' ? ' A host who holds no seat (a teacher who watches) may have it at any time.' : ''}`,
    };
  }

  private deliver(m: TableMessage): void {
    for (const c of this.clients) {
      const p = this.persons.get(c.sessionId);
      if (p && canRead(m, p.role, p.host)) c.send('message', m);
    }
  }

  // ---- Turns ----------------------------------------------------------------------------------

  private armTimer(): void {
    this.timer?.clear();
    this.timer = null;
    const deadline = this.table.deadline;
    if (deadline === null) return;
    this.timer = this.clock.setTimeout(
      () => {
        void this.serial(() => this.maybeResolve());
      },
      Math.max(0, deadline - this.clock.currentTime),
    );
  }

  private async maybeResolve(): Promise<void> {
    const t = this.table;
    if (!t.ready(this.clock.currentTime)) return;
    const turn = t.turn;
    const played = t.resolve(this.clock.currentTime);
    // The new turn goes out while its record is being written (queued behind the order actions it
    // was played from, committed with other tables' writes: see TableStore): waiting for the
    // commit first cost a class ending its turns together 100–200 ms of PGlite a turn. The table
    // handles nothing more until the record is written. A crash in between leaves the order
    // actions written (each was answered only once written), or all but the last "end turn"s:
    // the table comes back at the turn before, and playing it again from the same orders gives
    // the same turn (onJoin resolves it once its seats have all ended).
    const writes: Promise<void>[] = [this.store.recordTurn(this.tableId, turn, played, t.status)];
    for (const m of t.fireInjects()) {
      writes.push(this.store.addMessage(this.tableId, m));
      this.deliver(m);
    }
    this.armTimer();
    this.sync();
    this.sendAll();
    const ms = this.lastEndAt ? performance.now() - this.lastEndAt : 0;
    serverContext.log(`table ${this.code}: turn ${turn} played (${played.hash}) in ${ms.toFixed(1)} ms from the last end turn`);
    await Promise.all(writes);
  }

  /**
   * Every seat's update after a turn is resolved (or the game started), in two steps: at once the
   * view and the report (cheap), then — through SeatUpdates, between whatever else comes in — the
   * legal orders and their previews (most of a turn's work and of its bytes: the LNA's 154
   * previews are 30 KB). A class ends its turns together; this way no table's new turn waits
   * behind thirty tables' previews.
   */
  private sendAll(): void {
    const open = this.table.status === 'playing';
    for (const c of this.clients) this.sendSeat(c, open);
    if (!open) return;
    for (const c of this.clients) this.sendSeatLater(c, true);
  }

  /** A client's full seat update, as it stands when it goes out (see SeatUpdates); `first`: a new turn's. */
  private sendSeatLater(client: Client, first = false): void {
    seatUpdates.add(
      client,
      () => {
        if (this.clients.includes(client)) this.sendSeat(client);
      },
      first,
    );
  }

  /** Each seat's view, report and legal orders for the turn in play, worked out once per seat. */
  private perSeat = new Map<PlayerRole, { key: string; view: SeatUpdate['view']; report: SeatUpdate['report']; legal: SeatUpdate['legal'] | null }>();

  /** Each seat's previews of its legal orders, for the queue they were worked out beside. */
  private previews = new Map<PlayerRole, { key: string; previews: SeatUpdate['previews']; budgetUsed: number; warnings: SeatUpdate['warnings'] }>();

  /**
   * A seat's own view and report; nothing to a person without a seat or before the start.
   * `viewOnly`: the first update of a turn, without the orders (see sendAll).
   */
  private sendSeat(client: Client, viewOnly = false): void {
    const person = this.persons.get(client.sessionId);
    const t = this.table;
    if (!person?.role || t.status === 'lobby') return;
    const role = person.role;
    const open = t.status === 'playing' && !t.ended.has(role);
    const key = `${t.turn}:${t.status}:${open}`;
    let cached = this.perSeat.get(role);
    if (cached?.key !== key) {
      cached = { key, view: t.view(role), report: t.seatReport(role), legal: null };
      this.perSeat.set(role, cached);
    }
    const queued = t.queued.get(role) ?? [];
    const common = {
      turn: t.turn,
      role,
      view: cached.view,
      report: cached.report,
      queued,
      pending: t.state.pending.filter((p) => p.role === role),
      concepts: t.state.concepts,
      ended: t.ended.has(role),
      ending: t.state.ending,
    };
    if (viewOnly && open && !this.previews.get(role)?.key.startsWith(`${key}:`)) {
      const first: SeatUpdate = { ...common, legal: [], previews: [], budgetUsed: 0, warnings: [], ordersComing: true };
      client.send('seat', first);
      return;
    }
    if (cached.legal === null) cached.legal = open ? legalOrders(t.scenario, t.state, role) : [];
    const legal = cached.legal;
    // Each legal order's preview beside the queue as it stands (worked out again when the queue changes).
    const queueKey = `${key}:${JSON.stringify(queued)}`;
    let previews = this.previews.get(role);
    if (previews?.key !== queueKey) {
      previews = {
        key: queueKey,
        previews: legal.map((o) => seatPreview(t.scenario, t.state, role, o, queued)),
        budgetUsed: budgetUsed(t.scenario, t.state, queued),
        warnings: t.status === 'playing' ? orderWarnings(t.scenario, t.state, role, queued) : [],
      };
      this.previews.set(role, previews);
    }
    const update: SeatUpdate = { ...common, legal, previews: previews.previews, budgetUsed: previews.budgetUsed, warnings: previews.warnings };
    client.send('seat', update);
  }

  // ---- The teacher (server/class-room.ts calls these, in this process) ------------------------

  private get classes(): ClassStore {
    if (!serverContext.classes || !this.classId) throw new Error('This is not a class table.');
    return serverContext.classes;
  }

  /** A student seated by the teacher: their token gives them this seat when they join. */
  seatStudent(token: string, name: string, role: PlayerRole): Promise<void> {
    return this.serial(async () => {
      this.known.set(token, { name, role, host: false });
      await this.store.saveSeat(this.tableId, { token, name, role, host: false });
    });
  }

  teacherStart(): Promise<void> {
    return this.serial(async () => {
      const r = this.table.start(this.clock.currentTime);
      if (!r.ok) return;
      await this.store.setStatus(this.tableId, this.table.status);
      await this.classes.logAction(this.classId!, this.tableId, this.table.turn, 'start', null);
      this.armTimer();
      this.sync();
      this.sendAll();
    });
  }

  teacherPause(paused: boolean): Promise<string | null> {
    return this.serial(async () => {
      const r = this.table.setPaused(paused, this.clock.currentTime);
      if (!r.ok) return r.error.message;
      await this.classes.setPaused(this.tableId, paused);
      await this.classes.logAction(this.classId!, this.tableId, this.table.turn, paused ? 'pause' : 'resume', null);
      this.armTimer();
      this.sync();
      if (!paused) await this.maybeResolve();
      return null;
    });
  }

  /** Ends the turn for a seat whose person has gone (or is slow): its queued orders stand. */
  teacherEndSeat(role: PlayerRole): Promise<string | null> {
    return this.serial(async () => {
      const t = this.table;
      const turn = t.turn;
      const r = t.end(role, turn);
      if (!r.ok) return r.error.message;
      await this.store.logOrder(this.tableId, turn, role, { action: 'end' });
      await this.classes.logAction(this.classId!, this.tableId, turn, 'end-seat', { role });
      for (const c of this.clients) if (this.persons.get(c.sessionId)?.role === role) this.sendSeat(c);
      this.sync();
      await this.maybeResolve();
      return null;
    });
  }

  /** A news item for everyone at the table, fired at the start of the next turn; in the table's record. */
  teacherInject(fromName: string, text: string, body: Record<string, unknown>): Promise<string | null> {
    return this.serial(async () => {
      const t = this.table;
      if (t.status === 'ended') return 'This table has ended.';
      const fireTurn = t.turn + 1;
      await this.classes.logAction(this.classId!, this.tableId, t.turn, 'inject', { ...body, fromName, text }, fireTurn);
      t.injects.push({ fireTurn, fromName, text });
      return null;
    });
  }

  /** The teacher changes the turn timer: from the turn in play on, in the table's record. */
  teacherTimer(seconds: number): Promise<string | null> {
    return this.serial(async () => {
      const t = this.table;
      if (t.status === 'ended') return 'This table has ended.';
      const r = t.setTimer(seconds, this.clock.currentTime);
      if (!r.ok) return r.error.message;
      await this.store.setTimer(this.tableId, seconds);
      await this.classes.logAction(this.classId!, this.tableId, t.turn, 'timer', { seconds });
      this.armTimer();
      this.sync();
      return null;
    });
  }

  /** The whole table, no fog, to rebuild every state and report by replaying: the teacher's only. */
  inspectView(): TableInspect {
    const t = this.table;
    return {
      no: this.tableNo ?? 0,
      code: this.code,
      scenario: t.config.scenario,
      whatIfs: [...t.config.whatIfs],
      seed: t.config.seed,
      difficulty: t.config.difficulty,
      seats: [...t.config.seats],
      status: t.status,
      turns: t.turns.map((x) => ({ orders: x.orders, hash: x.hash })),
      queued: Object.fromEntries([...t.queued.entries()].map(([role, orders]) => [role, [...orders]])),
      ended: [...t.ended],
    };
  }

  /** Whether the person with this seat token is at the table now (connected or within the grace). */
  hasPerson(token: string): boolean {
    for (const p of this.persons.values()) if (p.token === token) return true;
    return false;
  }

  /** Everything about the table, no fog: for the teacher's console only. */
  consoleView(): ConsoleTable {
    const t = this.table;
    const ending = t.state.ending;
    return {
      no: this.tableNo ?? 0,
      code: this.code,
      seed: t.config.seed,
      status: t.status,
      paused: t.paused,
      turn: t.turn,
      waitingFor: t.status === 'playing' ? t.waitingFor() : [],
      seats: t.config.seats.map((role) => {
        const names: string[] = [];
        let connected = 0;
        for (const [id, p] of this.persons) {
          if (p.role !== role) continue;
          names.push(p.name);
          if (this.state.people.get(id)?.connected !== false) connected++;
        }
        return { role, names, connected, ended: t.ended.has(role) };
      }),
      figures: t.figures,
      ending: ending
        ? {
            kind: ending.kind,
            winner: ending.winner,
            turn: ending.turn,
            scores: Object.fromEntries(Object.entries(ending.scores).map(([r, s]) => [r, s.total])),
          }
        : null,
      messages: t.messages,
      injects: t.injects.map((i) => ({ fireTurn: i.fireTurn, text: i.text })),
      timerSeconds: t.config.timerSeconds,
      deadline: t.deadline === null ? 0 : Date.now() + (t.deadline - this.clock.currentTime),
    };
  }

  private setConnected(sessionId: string, connected: boolean): void {
    const p = this.state.people.get(sessionId);
    if (p) p.connected = connected;
    this.refreshPresence();
  }

  /** Which seats have a person (connected or within the grace), and the public table state. */
  private refreshPresence(): void {
    const t = this.table;
    t.present.clear();
    for (const [id, p] of this.persons) {
      let s = this.state.people.get(id);
      if (!s) {
        s = new PersonState();
        s.connected = true;
        this.state.people.set(id, s);
      }
      s.name = p.name;
      s.role = p.role ?? '';
      s.host = p.host;
      if (p.role) t.present.add(p.role);
    }
    this.sync();
  }

  private sync(): void {
    const t = this.table;
    const st = this.state;
    st.status = t.status;
    st.paused = t.paused;
    st.turn = t.turn;
    // The deadline on the wall clock (epoch ms), for the browsers' countdown.
    st.deadline = t.deadline === null ? 0 : Date.now() + (t.deadline - this.clock.currentTime);
    const waiting = t.status === 'playing' ? t.waitingFor() : [];
    if (st.waitingFor.join() !== waiting.join()) {
      const list = st.waitingFor as unknown as ArraySchema<string>;
      list.clear();
      for (const r of waiting) list.push(r);
    }
    for (const [role, seat] of st.seats) {
      seat.ended = t.ended.has(role as PlayerRole);
      let people = 0;
      let connected = 0;
      for (const [id, p] of this.persons) {
        if (p.role !== role) continue;
        people++;
        if (st.people.get(id)?.connected !== false) connected++;
      }
      seat.people = people;
      seat.connected = connected;
    }
  }
}
