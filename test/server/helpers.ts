// Helpers for the classroom server tests: a server on a free port with an in-memory PGlite,
// and a client wrapper that keeps what the server sent.
import type { Room as ServerRoom } from '@colyseus/core';
import { ColyseusTestServer } from '@colyseus/testing';
import type { Room } from 'colyseus.js';
import { type Running, startServer } from '../../server/app.ts';
import type { Table } from '../../server/table.ts';
import type { NetMessage, Rejection, SeatUpdate, Welcome } from '../../src/net/protocol.ts';

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
