// The Colyseus room of a class: the teacher's console and the students' waiting room. The
// teacher creates the class (and alone gets the teacher key), seats the students (balanced,
// or by hand), starts every table, and watches, pauses, steers and injects news into them; a
// student only learns their table and seat, then plays at that table's own room (room.ts).
import { type AuthContext, type Client, matchMaker, Room, ServerError } from '@colyseus/core';
import { schema } from '@colyseus/schema';
import {
  type ClassMessageType,
  type ClassStudent,
  type ClassView,
  type ClassWelcome,
  classCreateSchema,
  classMessages,
  MESSAGE_MAX_TEACHER,
  parseInput,
  type Rejection,
  ROOM_NAME,
  type StudentPlace,
  studentJoinSchema,
  teacherJoinSchema,
} from '../src/net/protocol.ts';
import type { PlayerRole } from '../src/sim/index.ts';
import { balancedSeat, type ClassConfig, type ClassStore, keyMatches, newTeacherKey, rebalance, type StoredClass, type Student } from './classes.ts';
import { CODE_PATTERN, newJoinCode, newTableId, newToken, normaliseCode } from './codes.ts';
import { Bucket, KeyedLimit, LIMITS } from './limits.ts';
import { liveTables, serverContext, type TableRoom } from './room.ts';
import { scenarioFor } from './scenarios.ts';

export const ClassState = schema({ code: 'string', status: 'string' }, 'ClassState');
type ClassStateT = InstanceType<typeof ClassState>;

/** Teacher-key tries from one address: 10, then one every 30 seconds. */
const keyTries = new KeyedLimit(10, 1 / 30);
const joins = new KeyedLimit(LIMITS.joinBurst, LIMITS.joinRate);
const creates = new KeyedLimit(LIMITS.hostBurst, LIMITS.hostRate);
export function resetClassLimits(): void {
  keyTries.reset();
  joins.reset();
  creates.reset();
}

const addressOf = (context: AuthContext | undefined): string => {
  const ip = context?.ip;
  return (Array.isArray(ip) ? ip[0] : ip) ?? 'unknown';
};

interface Member {
  teacher: boolean;
  token: string | null;
  bucket: Bucket;
}

export class ClassRoom extends Room<ClassStateT> {
  private cls!: StoredClass;
  private title = '';
  private events: { id: string; title: string; text: string }[] = [];
  private readonly members = new Map<string, Member>();
  private fresh: { key: string } | null = null;
  private work: Promise<unknown> = Promise.resolve();
  private lastSent = '';

  static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<{ address: string }> {
    const address = addressOf(context);
    if (!serverContext.addressLimits) return { address };
    if (!joins.take(address, Date.now())) throw new ServerError(429, 'Too many tries from this address: wait a minute.');
    if (typeof options === 'object' && options !== null && 'create' in options && !creates.take(address, Date.now()))
      throw new ServerError(429, 'Too many classes created from this address: wait a while.');
    return { address };
  }

  private get classes(): ClassStore {
    if (!serverContext.classes) throw new Error('The class store is not open.');
    return serverContext.classes;
  }

  override async onCreate(options: Record<string, unknown>): Promise<void> {
    this.maxClients = LIMITS.maxClients * 2;
    if ('create' in options) await this.create(options);
    else await this.resume(options);
    this.listing.classCode = this.cls.code;
    const state = new ClassState();
    state.code = this.cls.code;
    state.status = this.cls.status;
    this.setState(state);
    await this.openTables();
    for (const type of Object.keys(classMessages) as ClassMessageType[]) {
      this.onMessage(type, (client, message) => this.receive(client, type, message));
    }
    this.onMessage('*', (client, type) => this.reject(client, String(type).slice(0, 40), 'unknown-type', 'There is no such message.'));
    this.clock.setInterval(() => this.broadcastView(), 1000);
  }

  private async create(options: Record<string, unknown>): Promise<void> {
    const parsed = parseInput(classCreateSchema, options);
    if (!parsed.ok) throw new ServerError(400, parsed.message);
    const o = parsed.value;
    const sc = scenarioFor(o.scenario, o.whatIfs ?? []);
    if (!sc.ok) throw new ServerError(400, sc.message);
    const seats = [...new Set(o.seats)] as PlayerRole[];
    for (const r of seats) if (!sc.scenario.playable.includes(r)) throw new ServerError(400, `“${r}” cannot be played in ${sc.scenario.title}.`);
    const config: ClassConfig = {
      scenario: o.scenario,
      whatIfs: o.whatIfs ?? [],
      tables: o.tables,
      seats: sc.scenario.playable.filter((r) => seats.includes(r)),
      sameSeed: o.sameSeed,
      seed: o.seed ?? newToken().slice(0, 8),
      difficulty: o.difficulty ?? 'normal',
      timerSeconds: o.timerSeconds ?? 0,
    };
    const store = serverContext.store!;
    const fresh = async (): Promise<string> => {
      let code = newJoinCode();
      for (let i = 0; i < 5 && ((await store.codeInUse(code)) || (await this.classes.idByCode(code))); i++) code = newJoinCode();
      return code;
    };
    const id = `c-${newTableId().slice(2)}`;
    const code = await fresh();
    const tables = [];
    for (let no = 1; no <= config.tables; no++) {
      tables.push({ id: newTableId(), no, code: await fresh(), seed: config.sameSeed ? config.seed : `${config.seed}-${no}` });
    }
    const key = newTeacherKey();
    await this.classes.create(id, code, key, o.name, config, tables);
    this.cls = (await this.classes.load(id))!;
    this.fresh = { key };
    this.setScenario(sc.scenario);
    serverContext.log(`class ${code} created: ${config.scenario}, ${config.tables} tables, seats ${config.seats.join(', ')}`);
  }

  private async resume(options: Record<string, unknown>): Promise<void> {
    const code = typeof options.classCode === 'string' ? normaliseCode(options.classCode) : '';
    if (!CODE_PATTERN.test(code)) throw new ServerError(404, 'A class code is six letters.');
    const id = await this.classes.idByCode(code);
    const cls = id ? await this.classes.load(id) : null;
    if (!cls) throw new ServerError(404, 'No class has this code.');
    const sc = scenarioFor(cls.config.scenario, cls.config.whatIfs);
    if (!sc.ok) throw new ServerError(500, sc.message);
    this.cls = cls;
    this.setScenario(sc.scenario);
  }

  private setScenario(scenario: { title: string; events: { id: string; title: string; text: string }[] }): void {
    this.title = scenario.title;
    this.events = scenario.events.map((e) => ({ id: e.id, title: e.title, text: e.text }));
  }

  /** Every table of the class held open in this process (rebuilt from the store if need be). */
  private async openTables(): Promise<void> {
    for (const t of this.cls.tables) {
      if (liveTables.has(t.id)) continue;
      const existing = await matchMaker.query({ name: ROOM_NAME, code: t.code } as never);
      if (existing.length) continue;
      await matchMaker.createRoom(ROOM_NAME, { code: t.code });
    }
  }

  private tableRoom(no: number): TableRoom | null {
    const t = this.cls.tables.find((x) => x.no === no);
    return t ? (liveTables.get(t.id) ?? null) : null;
  }

  override async onJoin(client: Client, options: Record<string, unknown>, auth: { address: string }): Promise<void> {
    const now = this.clock.currentTime;
    const bucket = new Bucket(LIMITS.clientBurst, LIMITS.clientRate, now);
    if (this.fresh) {
      const key = this.fresh.key;
      this.fresh = null;
      this.members.set(client.sessionId, { teacher: true, token: null, bucket });
      this.welcome(client, true, this.cls.teacherName, { key });
      return;
    }
    if ('key' in options) {
      const parsed = parseInput(teacherJoinSchema, options);
      if (!parsed.ok) throw new ServerError(400, parsed.message);
      if (serverContext.addressLimits && (!keyTries.take(auth.address, Date.now()) || !keyTries.take(`class:${this.cls.id}`, Date.now())))
        throw new ServerError(429, 'Too many tries of a teacher key: wait a minute.');
      const hash = await this.classes.keyHash(this.cls.id);
      if (!hash || !keyMatches(parsed.value.key, hash)) throw new ServerError(403, 'This is not the teacher key of this class.');
      this.members.set(client.sessionId, { teacher: true, token: null, bucket });
      this.welcome(client, true, this.cls.teacherName);
      return;
    }
    const parsed = parseInput(studentJoinSchema, options);
    if (!parsed.ok) throw new ServerError(400, parsed.message);
    await this.serial(async () => {
      let student = this.cls.students.find((s) => s.token === parsed.value.token);
      if (!student) {
        student = { token: newToken(), name: parsed.value.name, table: null, role: null };
        Object.assign(student, balancedSeat(this.cls.config, this.cls.students));
        this.cls.students.push(student);
        await this.classes.saveStudent(this.cls.id, student);
        if (this.cls.status === 'playing') await this.seatAtTable(student);
      }
      this.members.set(client.sessionId, { teacher: false, token: student.token, bucket });
      this.welcome(client, false, student.name, { token: student.token });
      this.sendPlace(client, student);
    });
    this.broadcastView(true);
  }

  override onLeave(client: Client): void {
    this.members.delete(client.sessionId);
    this.broadcastView(true);
  }

  override async onDispose(): Promise<void> {
    await this.work.catch(() => undefined);
  }

  private welcome(client: Client, teacher: boolean, name: string, extra: { key?: string; token?: string } = {}): void {
    const c = this.cls.config;
    const w: ClassWelcome = {
      teacher,
      code: this.cls.code,
      title: this.title,
      scenario: c.scenario,
      name,
      seats: c.seats,
      tables: c.tables,
      timerSeconds: c.timerSeconds,
      ...extra,
      ...(teacher ? { events: this.events.map((e) => ({ id: e.id, title: e.title })), seed: c.seed, difficulty: c.difficulty, whatIfs: [...c.whatIfs] } : {}),
    };
    client.send('welcome', w);
    if (teacher) client.send('class', this.view());
  }

  private sendPlace(client: Client, s: Student): void {
    const t = this.cls.tables.find((x) => x.no === s.table);
    const place: StudentPlace = { table: s.table, role: s.role, status: this.cls.status, tableCode: this.cls.status === 'playing' && t ? t.code : null };
    client.send('place', place);
  }

  private sendPlaces(): void {
    for (const c of this.clients) {
      const m = this.members.get(c.sessionId);
      const s = m?.token ? this.cls.students.find((x) => x.token === m.token) : undefined;
      if (s) this.sendPlace(c, s);
    }
  }

  private view(): ClassView {
    const online = new Set([...this.members.values()].map((m) => m.token));
    const atTable = (s: Student) => s.table !== null && (this.tableRoom(s.table)?.hasPerson(s.token) ?? false);
    const students: ClassStudent[] = this.cls.students.map((s) => ({ ...s, connected: online.has(s.token) || atTable(s) }));
    return {
      code: this.cls.code,
      title: this.title,
      scenario: this.cls.config.scenario,
      status: this.cls.status,
      timerSeconds: this.cls.config.timerSeconds,
      tables: this.cls.tables.flatMap((t) => {
        const room = liveTables.get(t.id);
        return room ? [{ ...room.consoleView(), no: t.no }] : [];
      }),
      students,
    };
  }

  /** The console's view to every teacher connection, when it has changed (force: at once). */
  private broadcastView(force = false): void {
    const teachers = this.clients.filter((c) => this.members.get(c.sessionId)?.teacher);
    if (!teachers.length) return;
    const view = this.view();
    const text = JSON.stringify(view);
    if (!force && text === this.lastSent) return;
    this.lastSent = text;
    for (const c of teachers) c.send('class', view);
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.work.then(fn, fn);
    this.work = next.catch((e) => serverContext.log(`class ${this.cls.code}: ${(e as Error).message}`));
    return next;
  }

  private reject(client: Client, type: string, code: string, message: string): void {
    const r: Rejection = { type, code, message };
    client.send('rejected', r);
  }

  private receive(client: Client, type: ClassMessageType, raw: unknown): void {
    const member = this.members.get(client.sessionId);
    if (!member) {
      this.reject(client, type, 'not-joined', 'You have not joined this class.')
      return;
    }
    if (!member.bucket.take(this.clock.currentTime)) {
      this.reject(client, type, 'too-fast', 'Too many messages: slow down.')
      return;
    }
    if (type !== 'sync' && !member.teacher) {
      this.reject(client, type, 'not-teacher', 'Only the teacher, with the teacher key, may do this.')
      return;
    }
    const parsed = parseInput(classMessages[type], raw);
    if (!parsed.ok) {
      this.reject(client, type, 'malformed', parsed.message);
      return;
    }
    void this.serial(async () => {
      const problem = await this.handle(client, member, type, parsed.value as Record<string, unknown>);
      if (problem) this.reject(client, type, problem.code, problem.message);
      this.broadcastView(true);
    }).catch((e) => {
      serverContext.log(`class ${this.cls.code}: ${(e as Error).message}`);
      this.reject(client, type, 'server-error', 'The server could not do that; try again.');
    });
  }

  private async handle(client: Client, member: Member, type: ClassMessageType, m: Record<string, unknown>): Promise<{ code: string; message: string } | null> {
    const cls = this.cls;
    const problem = (code: string, message: string) => ({ code, message });
    switch (type) {
      case 'sync': {
        if (member.teacher) client.send('class', this.view());
        else {
          const s = cls.students.find((x) => x.token === member.token);
          if (s) this.sendPlace(client, s);
        }
        return null;
      }
      case 'seat': {
        const s = cls.students.find((x) => x.token === m.token);
        if (!s) return problem('no-such-student', 'There is no such student in this class.');
        const no = m.table as number;
        const role = m.role as PlayerRole;
        if (no > cls.config.tables) return problem('no-such-table', `This class has ${cls.config.tables} tables.`);
        if (!cls.config.seats.includes(role)) return problem('no-such-seat', 'That seat is not open to people in this class.');
        if (cls.status === 'playing' && s.table !== null) return problem('class-playing', 'The tables are playing: a seated student keeps their seat.');
        s.table = no;
        s.role = role;
        await this.classes.saveStudent(cls.id, s);
        if (cls.status === 'playing') await this.seatAtTable(s);
        this.sendPlaces();
        return null;
      }
      case 'balance': {
        if (cls.status === 'playing') return problem('class-playing', 'The tables are playing: seats are kept.');
        cls.students = rebalance(cls.config, cls.students);
        for (const s of cls.students) await this.classes.saveStudent(cls.id, s);
        this.sendPlaces();
        return null;
      }
      case 'start': {
        if (cls.status === 'playing') return problem('started', 'The class has already started.');
        await this.openTables();
        for (const s of cls.students) await this.seatAtTable(s);
        for (const t of cls.tables) await liveTables.get(t.id)?.teacherStart();
        cls.status = 'playing';
        this.state.status = 'playing';
        await this.classes.setStatus(cls.id, 'playing');
        serverContext.log(`class ${cls.code} started`);
        this.sendPlaces();
        return null;
      }
      case 'pause': {
        const rooms = this.targets(m.table as number | null);
        if (!rooms.length) return problem('no-such-table', 'There is no such table.');
        const errors = (await Promise.all(rooms.map((r) => r.teacherPause(m.paused as boolean)))).filter((x) => x !== null);
        return errors.length === rooms.length ? problem('pause', errors[0]!) : null;
      }
      case 'endSeat': {
        const room = this.tableRoom(m.table as number);
        if (!room) return problem('no-such-table', 'There is no such table.');
        if (!cls.config.seats.includes(m.role as PlayerRole)) return problem('no-such-seat', 'That seat is not open to people in this class.');
        const error = await room.teacherEndSeat(m.role as PlayerRole);
        return error ? problem('end-seat', error) : null;
      }
      case 'inject': {
        const rooms = this.targets(m.table as number | null);
        if (!rooms.length) return problem('no-such-table', 'There is no such table.');
        let text: string;
        let fromName: string;
        let body: Record<string, unknown>;
        if (typeof m.event === 'string') {
          const event = this.events.find((e) => e.id === m.event);
          if (!event) return problem('no-such-event', 'This scenario has no such event.');
          text = `${event.title}. ${event.text}`;
          fromName = 'News (sent by the teacher)';
          body = { kind: 'event', event: event.id };
        } else {
          text = typeof m.text === 'string' ? m.text.trim() : '';
          if (!text) return problem('empty', 'The news item is empty.');
          if (text.length > MESSAGE_MAX_TEACHER) return problem('too-long', `A news item may be at most ${MESSAGE_MAX_TEACHER} characters.`);
          fromName = 'News from the teacher';
          body = { kind: 'text' };
        }
        const errors = (await Promise.all(rooms.map((r) => r.teacherInject(fromName, text, body)))).filter((x) => x !== null);
        return errors.length === rooms.length ? problem('inject', errors[0]!) : null;
      }
      case 'inspect': {
        // The whole table without fog: sent to this teacher connection only, never broadcast.
        const room = this.tableRoom(m.table as number);
        if (!room) return problem('no-such-table', 'There is no such table.');
        client.send('inspect', room.inspectView());
        return null;
      }
      case 'timer': {
        const seconds = m.seconds as number;
        const rooms = this.targets(null);
        const errors = (await Promise.all(rooms.map((r) => r.teacherTimer(seconds)))).filter((x) => x !== null);
        if (rooms.length && errors.length === rooms.length) return problem('timer', errors[0]!);
        cls.config.timerSeconds = seconds;
        await this.classes.setTimer(cls.id, seconds);
        return null;
      }
    }
  }

  /** One table (by number) or all of them (null). */
  private targets(no: number | null): TableRoom[] {
    if (no !== null) {
      const room = this.tableRoom(no);
      return room ? [room] : [];
    }
    return this.cls.tables.flatMap((t) => {
      const room = liveTables.get(t.id);
      return room ? [room] : [];
    });
  }

  /** Writes a student's seat into their table (their class token is their seat token there). */
  private async seatAtTable(s: Student): Promise<void> {
    if (s.table === null || s.role === null) return;
    const room = this.tableRoom(s.table);
    if (room) await room.seatStudent(s.token, s.name, s.role);
  }
}
