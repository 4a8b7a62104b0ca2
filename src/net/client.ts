// The browser's side of a classroom table: connects to the table server that served the page
// (the same origin), hosts or joins a table, keeps what the server sends, and comes back after
// a lost connection (Colyseus reconnection within the grace, else the seat token).
import { Client, type Room } from 'colyseus.js';
import type { Order, PlayerRole } from '../sim/types.ts';
import { type HostOptions, type NetMessage, type PreviewAnswer, type Rejection, ROOM_NAME, type SeatUpdate, type Welcome } from './protocol.ts';

/** The public state of the table (Colyseus schema state, decoded). */
export interface PublicTable {
  code: string;
  status: 'lobby' | 'playing' | 'ended';
  turn: number;
  deadline: number;
  waitingFor: string[];
  seats: { role: string; ended: boolean; people: number; connected: number }[];
  people: { id: string; name: string; role: string; connected: boolean; host: boolean }[];
}

const TOKEN_KEY = (code: string) => `ceasefire-line:table:${code}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The address of the table server: the page's own origin. */
export function serverAddress(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/** A readable sentence for a failure to reach or join a table. */
export function explain(e: unknown): string {
  if (noServer(e)) return 'No table server answered. A classroom table needs the game to be opened from `npm run server` (the address it prints), not from `npm start`.';
  return e instanceof Error ? e.message : typeof e === 'string' ? e : '';
}

/** Whether a failure means that no table server answered (the screens say so in the player's language). */
export function noServer(e: unknown): boolean {
  const text = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return /Failed to fetch|NetworkError|ECONNREFUSED|404|Not Found|Method Not Allowed|Unexpected token|JSON|<!doctype/i.test(text) || !text;
}

export class TableClient {
  welcome: Welcome | null = null;
  seat: SeatUpdate | null = null;
  table: PublicTable | null = null;
  readonly messages: NetMessage[] = [];
  lastRejection: Rejection | null = null;
  /** Counts the rejections, so a screen can tell a new one from the one it has shown. */
  rejections = 0;
  private readonly previewListeners = new Set<(p: PreviewAnswer) => void>();
  replay: string | null = null;
  /** The host's record of the table (replay, messages, seats), when asked for. */
  record: string | null = null;
  connected = true;
  private readonly listeners = new Set<() => void>();
  private closed = false;

  private constructor(
    private readonly client: Client,
    private room: Room,
    private readonly name: string,
  ) {
    this.attach(room);
  }

  static async host(options: HostOptions): Promise<TableClient> {
    const client = new Client(serverAddress());
    const room = await client.create(ROOM_NAME, options);
    return new TableClient(client, room, options.name);
  }

  static async join(code: string, name: string): Promise<TableClient> {
    const client = new Client(serverAddress());
    const clean = code.toUpperCase().replace(/[\s-]/g, '');
    const token = storage()?.getItem(TOKEN_KEY(clean)) ?? undefined;
    const room = await client.joinOrCreate(ROOM_NAME, { code: clean, name, ...(token ? { token } : {}) });
    return new TableClient(client, room, name);
  }

  get sessionId(): string {
    return this.room.sessionId;
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Hears the previews asked for (askPreview), as they come. */
  onPreview(fn: (p: PreviewAnswer) => void): () => void {
    this.previewListeners.add(fn);
    return () => this.previewListeners.delete(fn);
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }

  private attach(room: Room): void {
    this.room = room;
    room.onMessage('welcome', (w: Welcome) => {
      this.welcome = w;
      storage()?.setItem(TOKEN_KEY(w.code), w.token);
      storage()?.setItem('ceasefire-line:last-table', w.code);
      this.changed();
    });
    room.onMessage('seat', (s: SeatUpdate) => {
      this.seat = s;
      this.changed();
    });
    room.onMessage('seated', (s: { role: PlayerRole | null }) => {
      if (this.welcome) this.welcome = { ...this.welcome, role: s.role };
      if (s.role === null) this.seat = null;
      this.changed();
    });
    room.onMessage('messages', (list: NetMessage[]) => {
      this.messages.splice(0, this.messages.length, ...list);
      this.changed();
    });
    room.onMessage('message', (m: NetMessage) => {
      this.messages.push(m);
      this.changed();
    });
    room.onMessage('rejected', (r: Rejection) => {
      this.lastRejection = r;
      this.rejections++;
      this.changed();
    });
    room.onMessage('preview', (p: PreviewAnswer) => {
      for (const fn of this.previewListeners) fn(p);
      this.changed();
    });
    room.onMessage('record', (r: { text: string }) => {
      this.record = r.text;
      this.changed();
    });
    room.onMessage('replay', (r: { text: string }) => {
      this.replay = r.text;
      this.changed();
    });
    room.onStateChange((state: unknown) => {
      this.table = readTable(state);
      this.changed();
    });
    room.onLeave((code) => {
      if (this.closed || code === 4000) return;
      this.connected = false;
      this.changed();
      void this.comeBack();
    });
    room.send('sync', {});
  }

  /** After a lost connection: reconnect within the grace, else join again with the seat token. */
  private async comeBack(): Promise<void> {
    for (let attempt = 0; attempt < 20 && !this.closed; attempt++) {
      await new Promise((r) => setTimeout(r, Math.min(500 * (attempt + 1), 3000)));
      try {
        const room = await this.client.reconnect(this.room.reconnectionToken);
        this.connected = true;
        this.attach(room);
        return;
      } catch {
        const code = this.welcome?.code;
        if (!code) continue;
        try {
          const token = storage()?.getItem(TOKEN_KEY(code)) ?? undefined;
          const room = await this.client.joinOrCreate(ROOM_NAME, { code, name: this.name, ...(token ? { token } : {}) });
          this.connected = true;
          this.attach(room);
          return;
        } catch {
          // try again
        }
      }
    }
  }

  takeSeat(role: PlayerRole | null): void {
    this.room.send('seat', { role });
  }
  /** The host seats someone (by their session id). */
  assign(person: string, role: PlayerRole | null): void {
    this.room.send('assign', { person, role });
  }
  start(): void {
    this.room.send('start', {});
  }
  queue(order: Order): void {
    if (this.seat) this.room.send('order', { turn: this.seat.turn, order });
  }
  /** Asks the preview of an order the seat composes; the answer comes as a `preview` message. */
  askPreview(order: Order): void {
    if (this.seat) this.room.send('preview', { turn: this.seat.turn, order });
  }
  cancel(index: number): void {
    if (this.seat) this.room.send('cancel', { turn: this.seat.turn, index });
  }
  endTurn(): void {
    if (this.seat) this.room.send('end', { turn: this.seat.turn });
  }
  say(to: PlayerRole | null, text: string): void {
    this.room.send('message', { to, text });
  }
  askRecord(): void {
    this.record = null;
    this.room.send('record', {});
  }
  askReplay(): void {
    this.replay = null;
    this.room.send('replay', {});
  }

  leave(): void {
    this.closed = true;
    void this.room.leave(true).catch(() => undefined);
  }
}

function readTable(state: unknown): PublicTable {
  const s = state as {
    code: string;
    status: PublicTable['status'];
    turn: number;
    deadline: number;
    waitingFor: Iterable<string>;
    seats: { forEach(fn: (v: PublicTable['seats'][number], k: string) => void): void };
    people: { forEach(fn: (v: Omit<PublicTable['people'][number], 'id'>, k: string) => void): void };
  };
  const seats: PublicTable['seats'] = [];
  s.seats?.forEach((v) => seats.push({ role: v.role, ended: v.ended, people: v.people, connected: v.connected }));
  const people: PublicTable['people'] = [];
  s.people?.forEach((v, k) => people.push({ id: k, name: v.name, role: v.role, connected: v.connected, host: v.host }));
  return { code: s.code, status: s.status, turn: s.turn, deadline: s.deadline, waitingFor: [...(s.waitingFor ?? [])], seats, people };
}
