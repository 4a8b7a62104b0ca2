// The browser's side of a class (server/class-room.ts): the teacher creates a class or opens
// its console again with the teacher key (kept in this browser only); a student joins with the
// class code and a name, learns their table and seat, and is sent on to that table.
import { Client, type Room } from 'colyseus.js';
import { serverAddress } from './client.ts';
import { CLASS_ROOM_NAME, type ClassCreateOptions, type ClassView, type ClassWelcome, type Rejection, type StudentPlace, type TableInspect } from './protocol.ts';

/** Where the teacher's browser keeps the class code and the teacher key (never in a link). */
export const TEACHER_KEY = 'ceasefire-line:class:teacher';
const STUDENT_KEY = (code: string) => `ceasefire-line:class:${code}`;
/** The seat token of a table (the same key the table client reads: src/net/client.ts). */
const TABLE_TOKEN_KEY = (code: string) => `ceasefire-line:table:${code}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function savedTeacherClass(): { code: string; key: string } | null {
  try {
    const raw = storage()?.getItem(TEACHER_KEY);
    const x = raw ? (JSON.parse(raw) as { code?: unknown; key?: unknown }) : null;
    return x && typeof x.code === 'string' && typeof x.key === 'string' ? { code: x.code, key: x.key } : null;
  } catch {
    return null;
  }
}

export function forgetTeacherClass(): void {
  storage()?.removeItem(TEACHER_KEY);
}

export class ClassClient {
  welcome: ClassWelcome | null = null;
  view: ClassView | null = null;
  place: StudentPlace | null = null;
  lastRejection: Rejection | null = null;
  /** The last table opened in full (the teacher's only). */
  inspect: TableInspect | null = null;
  /** Every table opened in full so far, by number (the debrief's words and deeds). */
  readonly inspects = new Map<number, TableInspect>();
  private readonly listeners = new Set<() => void>();

  private constructor(private readonly room: Room) {
    room.onMessage('welcome', (w: ClassWelcome) => {
      this.welcome = w;
      if (w.teacher && w.key) storage()?.setItem(TEACHER_KEY, JSON.stringify({ code: w.code, key: w.key }));
      if (!w.teacher && w.token) storage()?.setItem(STUDENT_KEY(w.code), w.token);
      this.changed();
    });
    room.onMessage('class', (v: ClassView) => {
      this.view = v;
      this.changed();
    });
    room.onMessage('place', (p: StudentPlace) => {
      this.place = p;
      // The student's class token is also their seat token at their table.
      const token = this.welcome?.token;
      if (p.tableCode && token) storage()?.setItem(TABLE_TOKEN_KEY(p.tableCode), token);
      this.changed();
    });
    room.onMessage('inspect', (t: TableInspect) => {
      this.inspect = t;
      this.inspects.set(t.no, t);
      this.changed();
    });
    room.onMessage('rejected', (r: Rejection) => {
      this.lastRejection = r;
      this.changed();
    });
  }

  static async create(options: Omit<ClassCreateOptions, 'create'>): Promise<ClassClient> {
    const room = await new Client(serverAddress()).create(CLASS_ROOM_NAME, { create: true, ...options });
    return new ClassClient(room);
  }

  /** The teacher opens the console again (the key from this browser). */
  static async teacher(classCode: string, key: string): Promise<ClassClient> {
    const room = await new Client(serverAddress()).joinOrCreate(CLASS_ROOM_NAME, { classCode, key });
    return new ClassClient(room);
  }

  static async student(code: string, name: string): Promise<ClassClient> {
    const classCode = code.toUpperCase().replace(/[\s-]/g, '');
    const token = storage()?.getItem(STUDENT_KEY(classCode)) ?? undefined;
    const room = await new Client(serverAddress()).joinOrCreate(CLASS_ROOM_NAME, { classCode, name, ...(token ? { token } : {}) });
    return new ClassClient(room);
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }

  send(type: string, message: unknown): void {
    this.room.send(type, message);
  }

  leave(): void {
    void this.room.leave(true).catch(() => undefined);
  }
}
