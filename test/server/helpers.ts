// Helpers for the classroom server tests: a server on a free port with an in-memory PGlite,
// a server as its own process (npm run server's entry point), and a client wrapper that keeps
// what the server sent.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Room as ServerRoom } from '@colyseus/core';
import { ColyseusTestServer } from '@colyseus/testing';
import type { Client, Room } from 'colyseus.js';
import { type Running, startServer } from '../../server/app.ts';
import type { Db } from '../../server/db.ts';
import { scenarioFor } from '../../server/scenarios.ts';
import { restore, TableStore } from '../../server/store.ts';
import type { Table } from '../../server/table.ts';
import type { NetMessage, Rejection, SeatUpdate, Welcome } from '../../src/net/protocol.ts';
import { loadReplay, type Order, type Scenario } from '../../src/sim/index.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export function freePort(offset: number): number {
  return 20_000 + ((process.pid * 7 + offset * 101) % 20_000);
}

export async function testServer(port: number, extra: Partial<Parameters<typeof startServer>[0]> = {}): Promise<{ running: Running; colyseus: ColyseusTestServer }> {
  const running = await startServer({ port, host: '127.0.0.1', dist: null, dataDir: null, graceSeconds: 2, ...extra });
  return { running, colyseus: new ColyseusTestServer(running.colyseus) };
}

/** A person at a table: every message the server sent, by type. */
export class Person {
  welcome: Welcome | null = null;
  seat: SeatUpdate | null = null;
  /** The last first-of-turn update (view and report, the orders to follow). */
  firstOfTurn: SeatUpdate | null = null;
  readonly rejected: Rejection[] = [];
  readonly messages: NetMessage[] = [];
  replay: string | null = null;
  constructor(public room: Room) {
    this.listen(room);
  }

  listen(room: Room): void {
    this.room = room;
    room.onMessage('welcome', (w: Welcome) => (this.welcome = w));
    // A turn's first update (view and report) is followed by the full one (its orders and their previews): tests read the full one.
    room.onMessage('seat', (s: SeatUpdate) => {
      if (s.ordersComing) this.firstOfTurn = s;
      else this.seat = s;
    });
    room.onMessage('seated', () => undefined);
    room.onMessage('rejected', (r: Rejection) => this.rejected.push(r));
    room.onMessage('messages', (list: NetMessage[]) => this.messages.splice(0, this.messages.length, ...list));
    room.onMessage('message', (m: NetMessage) => this.messages.push(m));
    room.onMessage('replay', (r: { text: string }) => (this.replay = r.text));
  }

  send(type: string, message?: unknown): void {
    this.room.send(type, message);
  }

  /** Sends and waits for the rejection it should get. */
  async refused(type: string, message: unknown): Promise<Rejection> {
    const n = this.rejected.length;
    this.send(type, message);
    await until(() => this.rejected.length > n, `a rejection of ${type}`);
    return this.rejected[n]!;
  }
}

export async function until(test: () => boolean, what: string, ms = 30_000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The table a room holds (tests peek at it to choose legal orders, as a person would from the panels). */
export function tableOf(colyseus: ColyseusTestServer, roomId: string): Table {
  return (colyseus.getRoomById(roomId) as ServerRoom & { table: Table }).table;
}

/** Records every websocket frame the server sends to one client (to read the bytes a seat receives). */
export function captureFrames(colyseus: ColyseusTestServer, roomId: string, sessionId: string): Uint8Array[] {
  const serverRoom = colyseus.getRoomById(roomId)!;
  const serverClient = serverRoom.clients.find((c: { sessionId: string }) => c.sessionId === sessionId)!;
  const frames: Uint8Array[] = [];
  const ws = serverClient.ref as unknown as { send: (data: Uint8Array, ...rest: unknown[]) => void };
  const send = ws.send.bind(ws);
  ws.send = (data, ...rest) => {
    frames.push(new Uint8Array(data));
    send(data, ...rest);
  };
  return frames;
}

/** A server process and everything it printed so far. */
export type ServerChild = ChildProcess & { output: string };

const children: ChildProcess[] = [];
/** Kills every server process a test started and left running (call from afterAll). */
export function killServers(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

/** `npm run server` as its own process on `port` (no DATABASE_URL or REDIS_URL unless `env` gives them); `preload`: modules given to node --import. */
export async function serverProcess(port: number, env: Record<string, string>, args: string[] = [], preload: string[] = []): Promise<ServerChild> {
  const imports = ['tsx', ...preload].flatMap((m) => ['--import', m]);
  const child = spawn(process.execPath, [...imports, 'server/main.ts', '--port', String(port), '--host', '127.0.0.1', '--grace', '1', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  }) as ServerChild;
  children.push(child);
  child.output = '';
  child.stdout?.on('data', (d) => (child.output += String(d)));
  child.stderr?.on('data', (d) => (child.output += String(d)));
  await until(() => child.output.includes('classroom server on port') || child.exitCode !== null, `the server on ${port}`, 180_000);
  if (child.exitCode !== null) throw new Error(`the server stopped: ${child.output}`);
  return child;
}

export function sirte(): Scenario {
  const s = scenarioFor('sirte-2020', []);
  if (!s.ok) throw new Error(s.message);
  return s.scenario;
}

/**
 * The table's replay as the database holds it (the order stream of every resolved turn, each
 * turn checked against its recorded hash on the way): how a test reads the whole game while it
 * is in play, since the table itself gives a seat no replay before the end.
 */
export async function replayFromDb(db: Db, code: string): Promise<ReturnType<typeof loadReplay>> {
  const store = new TableStore(db);
  const id = await store.idByCode(code);
  const stored = id ? await store.load(id) : null;
  if (!stored) throw new Error(`no table ${code} in the database`);
  const sc = sirte();
  const table = restore(sc, stored, 0);
  return loadReplay(JSON.stringify(table.replay(`Table ${code}`)), (x) => (x === sc.id ? sc : undefined));
}

/** Queues up to `n` of the seat's own legal orders, each one its latest previews say the rules accept beside the queue. */
export async function queueLegal(p: Person, turn: number, n: number): Promise<Order[]> {
  const chosen: Order[] = [];
  for (let k = 0; k < n; k++) {
    const s = p.seat!;
    const i = s.legal.findIndex((o, j) => s.previews[j]?.check.ok === true && !chosen.some((c) => JSON.stringify(c) === JSON.stringify(o)));
    if (i < 0) break;
    chosen.push(s.legal[i]!);
    p.send('order', { turn, order: s.legal[i] });
    await until(() => p.seat?.queued.length === chosen.length, 'the order queued');
  }
  return chosen;
}

/** Joins a table by its code (with a seat token: back to that seat), and waits for the welcome. */
export async function joinTable(client: Client, code: string, name: string, token?: string): Promise<Person> {
  // As the browser does: a connection the dead process left in the pool ("socket hang up") is tried again.
  let room: Room | null = null;
  for (let attempt = 0; !room; attempt++) {
    try {
      room = await client.joinOrCreate('table', { code, name, ...(token ? { token } : {}) });
    } catch (e) {
      if (attempt >= 4 || !/hang up|ECONNRESET|ECONNREFUSED/.test(String((e as Error).message))) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const p = new Person(room);
  await until(() => p.welcome !== null, 'welcome');
  return p;
}
