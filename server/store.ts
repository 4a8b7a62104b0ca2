// The table store: everything a table does is written down as it happens — the table, its
// seats, every order action of the turn in play, every message, every resolved turn with its
// hash — so that a table can be rebuilt by replaying (restore, below) after a restart.
import type { Order, PlayerRole, Scenario } from '../src/sim/index.ts';
import type { Db } from './db.ts';
import { type PendingInject, type PlayedTurn, Table, type TableConfig, type TableMessage, type TableStatus } from './table.ts';

export interface SeatRow {
  token: string;
  name: string;
  role: PlayerRole | null;
  host: boolean;
}

export type OrderAction = { action: 'queue'; order: Order } | { action: 'cancel'; index: number } | { action: 'end' };

export interface StoredTable {
  id: string;
  code: string;
  config: TableConfig;
  hostName: string;
  status: TableStatus;
  seats: SeatRow[];
  turns: PlayedTurn[];
  /** The order actions of the turn in play, in order. */
  pending: { role: PlayerRole; action: OrderAction }[];
  messages: TableMessage[];
  /** The class the table belongs to (null: a table hosted on its own), its number in the class, paused by the teacher. */
  classId: string | null;
  tableNo: number | null;
  paused: boolean;
  /** The teacher's injects not yet fired. */
  injects: PendingInject[];
}

interface TableRow {
  id: string;
  code: string;
  scenario: string;
  what_ifs: string[];
  seed: string;
  difficulty: TableConfig['difficulty'];
  seats: PlayerRole[];
  timer_seconds: number;
  host_name: string;
  status: TableStatus;
  class_id: string | null;
  table_no: number | null;
  paused: boolean;
}

const json = (x: unknown): string => JSON.stringify(x);

/** A write waiting for the next group commit. */
type Write = { kind: 'order' | 'message'; row: unknown[] } | { kind: 'turn'; row: unknown[]; status: TableStatus };

type Query = (sql: string, params?: readonly unknown[]) => Promise<unknown>;

/** A group commit's statements: one multi-row INSERT a table, one UPDATE of the tables' status. */
async function writeRows(q: Query, writes: Write[]): Promise<void> {
  const of = (kind: Write['kind']) => writes.filter((w) => w.kind === kind);
  await insertRows(q, 'order_log (table_id, turn, role, action, body)', ['', '', '', '', '::jsonb'], of('order'));
  await insertRows(q, 'messages (table_id, turn, from_role, from_name, to_role, body)', ['', '', '', '', '', ''], of('message'));
  const turns = of('turn');
  await insertRows(q, 'turns (table_id, turn, orders, hash)', ['', '', '::jsonb', ''], turns);
  if (turns.length) {
    const values = turns.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ');
    await q(`UPDATE game_tables g SET status = v.status FROM (VALUES ${values}) AS v(id, status) WHERE g.id = v.id`, turns.flatMap((t) => [t.row[0], t.kind === 'turn' ? t.status : null]));
  }
}

/** One INSERT of many rows (`casts`: each column's cast), in chunks under PostgreSQL's 65,535 parameters. */
async function insertRows(q: Query, into: string, casts: string[], writes: Write[]): Promise<void> {
  const per = Math.floor(60_000 / casts.length);
  for (let at = 0; at < writes.length; at += per) {
    const chunk = writes.slice(at, at + per);
    const values = chunk.map((_, i) => `(${casts.map((c, j) => `$${i * casts.length + j + 1}${c}`).join(', ')})`).join(', ');
    await q(`INSERT INTO ${into} VALUES ${values}`, chunk.flatMap((w) => w.row));
  }
}

export class TableStore {
  constructor(readonly db: Db) {}

  async createTable(id: string, code: string, config: TableConfig, hostName: string): Promise<void> {
    await this.db.query(
      `INSERT INTO game_tables (id, code, scenario, what_ifs, seed, difficulty, seats, timer_seconds, host_name, status)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::jsonb, $8, $9, 'lobby')`,
      [id, code, config.scenario, json(config.whatIfs), config.seed, config.difficulty, json(config.seats), config.timerSeconds, hostName],
    );
  }

  /** The turn timer changed by the teacher: a table rebuilt after a restart keeps it. */
  async setTimer(id: string, seconds: number): Promise<void> {
    await this.db.query('UPDATE game_tables SET timer_seconds = $2 WHERE id = $1', [id, seconds]);
  }

  async setStatus(id: string, status: TableStatus): Promise<void> {
    await this.db.query('UPDATE game_tables SET status = $2 WHERE id = $1', [id, status]);
  }

  async saveSeat(tableId: string, seat: SeatRow): Promise<void> {
    await this.db.query(
      `INSERT INTO seats (table_id, token, name, role, host) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (table_id, token) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role`,
      [tableId, seat.token, seat.name, seat.role, seat.host],
    );
  }

  /** An order action of the turn in play (written with the others of the moment: see `flush`). */
  logOrder(tableId: string, turn: number, role: PlayerRole, action: OrderAction): Promise<void> {
    const body = action.action === 'queue' ? json(action.order) : action.action === 'cancel' ? json(action.index) : null;
    return this.later({ kind: 'order', row: [tableId, turn, role, action.action, body] });
  }

  addMessage(tableId: string, m: TableMessage): Promise<void> {
    return this.later({ kind: 'message', row: [tableId, m.turn, m.from, m.fromName, m.to, m.text] });
  }

  /** A resolved turn (number `turn`, 1-based) and the table's status after it, in one transaction. */
  recordTurn(tableId: string, turn: number, played: PlayedTurn, status: TableStatus): Promise<void> {
    return this.later({ kind: 'turn', row: [tableId, turn, json(played.orders), played.hash], status });
  }

  // ---- Group commit -----------------------------------------------------------------------------
  // The writes of one moment — every table's orders, messages and resolved turns while a class
  // plays — are gathered until the event loop is free (setImmediate) and written together: one
  // transaction, one multi-row INSERT a table. Each caller's promise settles when that transaction
  // has committed, so a room still answers only after what it answers about is written; but a
  // statement costs PGlite (WebAssembly, on the server's own thread) about 0.4 ms of processor
  // whatever its size, and 30 tables ending a turn together write 600 rows. A room awaits each of
  // its writes before its next one, and batches commit one after another, so a table's rows keep
  // their order.

  /**
   * The group commit's statements played once in a transaction rolled back, at start: PGlite's
   * WebAssembly compiles its code paths the first time they run, which made the first turn of
   * the first class the slowest (measured with bench/classroom.ts).
   */
  async warmUp(): Promise<void> {
    const id = `warm-up-${process.pid}`;
    const undo = new Error('warm-up: rolled back');
    const writes: Write[] = [];
    for (let i = 0; i < 40; i++) {
      writes.push({ kind: 'order', row: [id, 1, 'gna', 'queue', json({ actor: 'gna', kind: 'pay-salaries' })] });
      writes.push({ kind: 'message', row: [id, 1, 'gna', 'Warm-up', null, 'A message.'] });
    }
    for (let i = 1; i <= 5; i++) writes.push({ kind: 'turn', row: [id, i, json([]), 'hash'], status: 'playing' });
    await this.db
      .tx(async (q) => {
        await q(
          `INSERT INTO game_tables (id, code, scenario, what_ifs, seed, difficulty, seats, timer_seconds, host_name, status)
           VALUES ($1, $1, 'warm-up', '[]'::jsonb, 'warm-up', 'normal', '[]'::jsonb, 0, 'Warm-up', 'lobby')`,
          [id],
        );
        await writeRows(q, writes);
        throw undo;
      })
      .catch((e: unknown) => {
        if (e !== undo) throw e;
      });
  }

  private pending: { write: Write; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private scheduled = false;
  private flushing: Promise<void> = Promise.resolve();

  private later(write: Write): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        const batch = this.pending.splice(0);
        this.flushing = this.flushing.then(() => this.flush(batch));
      });
    });
  }

  private async flush(batch: { write: Write; resolve: () => void; reject: (e: unknown) => void }[]): Promise<void> {
    try {
      await this.db.tx((q) => writeRows(q, batch.map((b) => b.write)));
    } catch (e) {
      for (const b of batch) b.reject(e);
      return;
    }
    for (const b of batch) b.resolve();
  }

  async idByCode(code: string): Promise<string | null> {
    const rows = await this.db.query<{ id: string }>('SELECT id FROM game_tables WHERE code = $1', [code]);
    return rows[0]?.id ?? null;
  }

  async codeInUse(code: string): Promise<boolean> {
    return (await this.idByCode(code)) !== null;
  }

  async openTableIds(): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>("SELECT id FROM game_tables WHERE status <> 'ended' ORDER BY created_at");
    return rows.map((r) => r.id);
  }

  async load(id: string): Promise<StoredTable | null> {
    const [row] = await this.db.query<TableRow>('SELECT * FROM game_tables WHERE id = $1', [id]);
    if (!row) return null;
    const seats = await this.db.query<SeatRow>('SELECT token, name, role, host FROM seats WHERE table_id = $1 ORDER BY joined_at, token', [id]);
    const turns = await this.db.query<{ orders: Order[]; hash: string }>('SELECT orders, hash FROM turns WHERE table_id = $1 ORDER BY turn', [id]);
    const current = turns.length + 1;
    const log = await this.db.query<{ role: PlayerRole; action: string; body: unknown }>(
      'SELECT role, action, body FROM order_log WHERE table_id = $1 AND turn = $2 ORDER BY id',
      [id, current],
    );
    const injects = await this.db.query<{ body: { fromName: string; text: string }; fire_turn: number }>(
      "SELECT body, fire_turn FROM teacher_actions WHERE table_id = $1 AND action = 'inject' AND fire_turn > $2 ORDER BY id",
      [id, current],
    );
    const messages = await this.db.query<{ turn: number; from_role: PlayerRole | null; from_name: string; to_role: PlayerRole | null; body: string }>(
      'SELECT turn, from_role, from_name, to_role, body FROM messages WHERE table_id = $1 ORDER BY id',
      [id],
    );
    return {
      id: row.id,
      code: row.code,
      hostName: row.host_name,
      status: row.status,
      config: {
        scenario: row.scenario,
        whatIfs: row.what_ifs,
        seed: row.seed,
        difficulty: row.difficulty,
        seats: row.seats,
        timerSeconds: row.timer_seconds,
      },
      seats: seats.map((s) => ({ token: s.token, name: s.name, role: s.role, host: s.host })),
      turns: turns.map((t) => ({ orders: t.orders, hash: t.hash })),
      pending: log.map((l) => ({
        role: l.role,
        action:
          l.action === 'queue'
            ? { action: 'queue', order: l.body as Order }
            : l.action === 'cancel'
              ? { action: 'cancel', index: l.body as number }
              : { action: 'end' },
      })),
      messages: messages.map((m, i) => ({ id: i + 1, turn: m.turn, from: m.from_role, fromName: m.from_name, to: m.to_role, text: m.body })),
      classId: row.class_id ?? null,
      tableNo: row.table_no ?? null,
      paused: row.paused ?? false,
      injects: injects.map((x) => ({ fireTurn: x.fire_turn, fromName: x.body.fromName, text: x.body.text })),
    };
  }
}

/**
 * Rebuilds a table from what the store holds: the game from its seed, every resolved turn
 * (checked against its recorded hash), then the turn in play's order actions and the messages.
 */
export function restore(scenario: Scenario, stored: StoredTable, now: number): Table {
  const table = new Table(scenario, stored.config);
  for (const m of stored.messages) table.messages.push(m);
  table.injects.push(...stored.injects);
  if (stored.status === 'lobby') return table;
  table.paused = stored.paused;
  table.start(now);
  stored.turns.forEach((t, i) => {
    if (!table.replayTurn(t, now)) throw new Error(`Table ${stored.code}: turn ${i + 1} does not replay to its recorded hash.`);
  });
  for (const p of stored.pending) {
    const a = p.action;
    if (a.action === 'queue') table.queue(p.role, a.order);
    else if (a.action === 'cancel') table.cancel(p.role, a.index);
    else table.end(p.role);
  }
  return table;
}
