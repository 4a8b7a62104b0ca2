// A class: one teacher, several tables of the same scenario, students seated at them. The
// students have the class code; the teacher alone has the teacher key (only its SHA-256 is
// stored). Everything is in the database (migration 2), so a class survives a restart.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Difficulty, PlayerRole } from '../src/sim/index.ts';
import type { Db } from './db.ts';
import type { TableStore } from './store.ts';
import type { TableConfig } from './table.ts';

export interface ClassConfig {
  scenario: string;
  whatIfs: string[];
  /** How many tables. */
  tables: number;
  /** The roles people play at every table (the computer plays the others). */
  seats: PlayerRole[];
  /** The same seed at every table (the differences come from the students), or one each. */
  sameSeed: boolean;
  seed: string;
  difficulty: Difficulty;
  timerSeconds: number;
}

export type ClassStatus = 'gathering' | 'playing';

export interface ClassTable {
  id: string;
  no: number;
  code: string;
  seed: string;
}

export interface Student {
  token: string;
  name: string;
  /** Table number (1-based) and seat, or null while not seated. */
  table: number | null;
  role: PlayerRole | null;
}

export interface StoredClass {
  id: string;
  code: string;
  teacherName: string;
  config: ClassConfig;
  status: ClassStatus;
  tables: ClassTable[];
  students: Student[];
}

/** The seed of table n (1-based): the class's own, or one per table made from it. */
export function tableSeed(config: ClassConfig, no: number): string {
  return config.sameSeed ? config.seed : `${config.seed}-${no}`;
}

export function tableConfig(config: ClassConfig, no: number): TableConfig {
  return {
    scenario: config.scenario,
    whatIfs: config.whatIfs,
    seed: tableSeed(config, no),
    difficulty: config.difficulty,
    seats: config.seats,
    timerSeconds: config.timerSeconds,
  };
}

export function newTeacherKey(): string {
  return randomBytes(24).toString('base64url');
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The key against the stored hash, in constant time. */
export function keyMatches(key: string, hash: string): boolean {
  const a = Buffer.from(hashKey(key), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A seat for a newcomer, balanced: the table with the fewest students (the lowest number on a
 * tie), then at it the seat with the fewest (in the scenario's order). Teams form on a seat
 * only once every seat of every table has someone.
 */
export function balancedSeat(config: ClassConfig, students: readonly Student[]): { table: number; role: PlayerRole } {
  const count = (table: number, role?: PlayerRole) => students.filter((s) => s.table === table && (role === undefined || s.role === role)).length;
  let best = 1;
  for (let t = 2; t <= config.tables; t++) if (count(t) < count(best)) best = t;
  let role = config.seats[0]!;
  for (const r of config.seats) if (count(best, r) < count(best, role)) role = r;
  return { table: best, role };
}

/** Seats everyone again, balanced, in the order they joined. */
export function rebalance(config: ClassConfig, students: readonly Student[]): Student[] {
  const out: Student[] = [];
  for (const s of students) out.push({ ...s, ...balancedSeat(config, out) });
  return out;
}

interface ClassRow {
  id: string;
  code: string;
  key_hash: string;
  teacher_name: string;
  config: ClassConfig;
  status: ClassStatus;
}

export class ClassStore {
  constructor(
    readonly db: Db,
    readonly tables: TableStore,
  ) {}

  /** The class and its tables (each a game table of its own, with its own code, in the lobby). */
  async create(id: string, code: string, key: string, teacherName: string, config: ClassConfig, tables: ClassTable[]): Promise<void> {
    await this.db.query("INSERT INTO classes (id, code, key_hash, teacher_name, config, status) VALUES ($1, $2, $3, $4, $5::jsonb, 'gathering')", [
      id,
      code,
      hashKey(key),
      teacherName,
      JSON.stringify(config),
    ]);
    for (const t of tables) {
      await this.tables.createTable(t.id, t.code, tableConfig(config, t.no), teacherName);
      await this.db.query('UPDATE game_tables SET class_id = $2, table_no = $3 WHERE id = $1', [t.id, id, t.no]);
    }
  }

  async idByCode(code: string): Promise<string | null> {
    const rows = await this.db.query<{ id: string }>('SELECT id FROM classes WHERE code = $1', [code]);
    return rows[0]?.id ?? null;
  }

  async keyHash(id: string): Promise<string | null> {
    const rows = await this.db.query<{ key_hash: string }>('SELECT key_hash FROM classes WHERE id = $1', [id]);
    return rows[0]?.key_hash ?? null;
  }

  async setStatus(id: string, status: ClassStatus): Promise<void> {
    await this.db.query('UPDATE classes SET status = $2 WHERE id = $1', [id, status]);
  }

  /** The class's turn timer (its tables' own are set apart, table by table). */
  async setTimer(id: string, seconds: number): Promise<void> {
    await this.db.query("UPDATE classes SET config = jsonb_set(config, '{timerSeconds}', to_jsonb($2::integer)) WHERE id = $1", [id, seconds]);
  }

  async saveStudent(classId: string, s: Student): Promise<void> {
    await this.db.query(
      `INSERT INTO class_students (class_id, token, name, table_no, role) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (class_id, token) DO UPDATE SET name = EXCLUDED.name, table_no = EXCLUDED.table_no, role = EXCLUDED.role`,
      [classId, s.token, s.name, s.table, s.role],
    );
  }

  async setPaused(tableId: string, paused: boolean): Promise<void> {
    await this.db.query('UPDATE game_tables SET paused = $2 WHERE id = $1', [tableId, paused]);
  }

  /** One of the teacher's actions on a table, in its record (an inject with the turn it fires at). */
  async logAction(classId: string, tableId: string, turn: number, action: string, body: unknown, fireTurn: number | null = null): Promise<void> {
    await this.db.query('INSERT INTO teacher_actions (class_id, table_id, turn, action, body, fire_turn) VALUES ($1, $2, $3, $4, $5::jsonb, $6)', [
      classId,
      tableId,
      turn,
      action,
      body === undefined ? null : JSON.stringify(body),
      fireTurn,
    ]);
  }

  async actions(tableId: string): Promise<{ turn: number; action: string; body: unknown; fireTurn: number | null }[]> {
    const rows = await this.db.query<{ turn: number; action: string; body: unknown; fire_turn: number | null }>(
      'SELECT turn, action, body, fire_turn FROM teacher_actions WHERE table_id = $1 ORDER BY id',
      [tableId],
    );
    return rows.map((r) => ({ turn: r.turn, action: r.action, body: r.body, fireTurn: r.fire_turn }));
  }

  async load(id: string): Promise<StoredClass | null> {
    const [row] = await this.db.query<ClassRow>('SELECT id, code, key_hash, teacher_name, config, status FROM classes WHERE id = $1', [id]);
    if (!row) return null;
    const tables = await this.db.query<{ id: string; table_no: number; code: string; seed: string }>(
      'SELECT id, table_no, code, seed FROM game_tables WHERE class_id = $1 ORDER BY table_no',
      [id],
    );
    const students = await this.db.query<{ token: string; name: string; table_no: number | null; role: PlayerRole | null }>(
      'SELECT token, name, table_no, role FROM class_students WHERE class_id = $1 ORDER BY joined_at, token',
      [id],
    );
    return {
      id: row.id,
      code: row.code,
      teacherName: row.teacher_name,
      config: row.config,
      status: row.status,
      tables: tables.map((t) => ({ id: t.id, no: t.table_no, code: t.code, seed: t.seed })),
      students: students.map((s) => ({ token: s.token, name: s.name, table: s.table_no, role: s.role })),
    };
  }
}
