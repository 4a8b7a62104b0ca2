// npm run bench:classroom -- --tables 30 --seats 7 --turns 10 [--processes 2] [--postgres] [--scenario sirte-2020] [--cpu-prof DIR]
// A load test on loopback: starts the classroom server (as `npm run server` does, one or two
// processes; two need REDIS_URL and DATABASE_URL; --postgres: one on DATABASE_URL), connects every table's people with
// colyseus.js, and plays: each turn every seat writes a message to everyone and queues one
// order, then ends the turn (the first person of a seat; team-mates watch). Prints the turn latency (from the last "end turn" of a
// table to every client's view of the next turn: median, p95, p99), errors, lost orders, and
// each server process's CPU and memory (per table). A seat count above the scenario's
// playable roles seats teams (two or more people on a seat).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, type Room } from 'colyseus.js';
import { openPglite, openPostgres } from '../server/db.ts';
import { scenarioFor } from '../server/scenarios.ts';
import { TableStore } from '../server/store.ts';
import type { Rejection, SeatUpdate, Welcome } from '../src/net/protocol.ts';
import type { Order, Role } from '../src/sim/index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const num = (name: string, d: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : d;
};
const TABLES = num('--tables', 30);
const SEATS = num('--seats', 7);
const TURNS = num('--turns', 10);
const PROCESSES = num('--processes', 1);
const scenarioId = argv.includes('--scenario') ? argv[argv.indexOf('--scenario') + 1]! : 'sirte-2020';
const BASE_PORT = 24_000 + (process.pid % 1000) * 2;
/** --cpu-prof DIR: each server process writes a V8 CPU profile there when it stops (node --cpu-prof). */
const PROFILE_DIR = argv.includes('--cpu-prof') ? resolve(argv[argv.indexOf('--cpu-prof') + 1]!) : null;

const sc = scenarioFor(scenarioId, []);
if (!sc.ok) throw new Error(sc.message);
const roles = sc.scenario.playable as Role[];

function until(test: () => boolean, what: string, ms = 120_000): Promise<void> {
  const start = Date.now();
  return new Promise((res, rej) => {
    const tick = () => {
      if (test()) return res();
      if (Date.now() - start > ms) return rej(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 2);
    };
    tick();
  });
}

const clockTicks = 100;
function cpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / clockTicks;
}
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** The server's own time for each turn: from the last "end turn" it received to the views sent. */
const serverTimes: number[] = [];

async function serverProcess(port: number, env: Record<string, string>, data: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [...(PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : []), '--import', 'tsx', 'server/main.ts', '--port', String(port), '--host', '127.0.0.1', '--data', data, '--no-address-limits', '--public-address', `127.0.0.1:${port}`],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let ready = false;
  let rest = '';
  child.stdout?.on('data', (d) => {
    const lines = (rest + String(d)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('classroom server on port')) ready = true;
      const m = /played \([0-9a-f]+\) in ([0-9.]+) ms/.exec(line);
      if (m) serverTimes.push(Number(m[1]));
    }
  });
  await until(() => ready || child.exitCode !== null, 'the server', 90_000);
  if (child.exitCode !== null) throw new Error('the server stopped');
  return child;
}

/** JSON with sorted keys: PostgreSQL's jsonb gives an object's keys back in its own order. */
function canonical(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((res) => {
    child.once('exit', () => res());
    child.kill('SIGTERM');
  });
}

interface Person {
  room: Room;
  role: Role;
  seat: SeatUpdate | null;
  welcome: Welcome | null;
  /** When this person saw each turn's view (turn → ms). */
  seen: Map<number, number>;
  /** When this person had each turn's legal orders and their previews (the full update). */
  full: Map<number, number>;
  errors: string[];
}

function person(room: Room, role: Role): Person {
  const p: Person = { room, role, seat: null, welcome: null, seen: new Map(), full: new Map(), errors: [] };
  room.onMessage('welcome', (w: Welcome) => (p.welcome = w));
  room.onMessage('seat', (s: SeatUpdate) => {
    const now = performance.now();
    if (!p.seen.has(s.turn)) p.seen.set(s.turn, now);
    if (s.ordersComing) return;
    if (!p.full.has(s.turn)) p.full.set(s.turn, now);
    p.seat = s;
  });
  room.onMessage('rejected', (r: Rejection) => p.errors.push(`${r.type}: ${r.code} ${'message' in r ? r.message : r.msg.key}`));
  for (const t of ['seated', 'messages', 'message', 'replay']) room.onMessage(t, () => undefined);
  room.onError((code, message) => p.errors.push(`error ${code} ${message ?? ''}`));
  return p;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : Number.NaN;
};

async function main(): Promise<void> {
  const data = mkdtempSync(join(tmpdir(), 'bench-classroom-'));
  const env: Record<string, string> = { DATABASE_URL: '', REDIS_URL: '' };
  let schema: string | null = null;
  if (PROCESSES > 1 || argv.includes('--postgres')) {
    const { DATABASE_URL, REDIS_URL } = process.env;
    if (!DATABASE_URL || (PROCESSES > 1 && !REDIS_URL)) throw new Error('--postgres needs DATABASE_URL; --processes 2 needs DATABASE_URL and REDIS_URL');
    schema = `bench_${process.pid}`;
    const admin = await openPostgres(DATABASE_URL);
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.close();
    Object.assign(env, { DATABASE_URL, DATABASE_SCHEMA: schema }, PROCESSES > 1 ? { REDIS_URL } : {});
  }
  const servers: ChildProcess[] = [];
  try {
    for (let i = 0; i < PROCESSES; i++) servers.push(await serverProcess(BASE_PORT + i, env, join(data, String(i))));
    const clients = servers.map((_, i) => new Client(`ws://127.0.0.1:${BASE_PORT + i}`));
    const rss0 = servers.map((s) => rssMb(s.pid!));
    const cpu0 = servers.map((s) => cpuSeconds(s.pid!));
    const started = performance.now();
    const benchCpu0 = process.cpuUsage();
    console.log(`classroom bench: ${TABLES} tables × ${SEATS} people (${scenarioId}, seats ${roles.join(', ')}), ${TURNS} turns, ${PROCESSES} process(es)`);

    // Host and join every table; clients alternate between the processes.
    const tables: Person[][] = [];
    await Promise.all(
      Array.from({ length: TABLES }, async (_, t) => {
        const seatRoles = Array.from({ length: SEATS }, (_, i) => roles[i % roles.length]!);
        const hostRoom = await clients[t % clients.length]!.create('table', { name: `Host ${t}`, scenario: scenarioId, seats: roles, seed: `bench-${t}` });
        const host = person(hostRoom, seatRoles[0]!);
        await until(() => host.welcome !== null, 'welcome');
        const people = [host];
        for (let i = 1; i < SEATS; i++) {
          const room = await clients[(t + i) % clients.length]!.joinOrCreate('table', { code: host.welcome!.code, name: `P${t}-${i}` });
          people.push(person(room, seatRoles[i]!));
        }
        for (const p of people) p.room.send('seat', { role: p.role });
        await new Promise((r) => setTimeout(r, 300));
        host.room.send('start', {});
        await until(() => people.every((p) => p.seat?.turn === 1), 'turn 1');
        tables[t] = people;
      }),
    );
    const joined = performance.now();
    const rss1 = servers.map((s) => rssMb(s.pid!));

    const latencies: number[] = [];
    const ordersLatencies: number[] = [];
    const byTurn: number[][] = Array.from({ length: TURNS }, () => []);
    const queued: { table: number; turn: number; order: Order }[] = [];
    await Promise.all(
      tables.map(async (people, t) => {
        for (let turn = 1; turn <= TURNS; turn++) {
          if (people[0]!.seat?.ending) break;
          // The first person of each seat writes to everyone, queues an order (acknowledged
          // before going on) and ends the turn for the seat; team-mates watch.
          const leads = roles.map((r) => people.find((p) => p.role === r)).filter((p): p is Person => p !== undefined);
          const mine = new Map<Person, Order>();
          for (const p of leads) {
            p.room.send('message', { to: null, text: `Turn ${turn}: ${p.role} proposes to talk.` });
            const order = p.seat?.legal.find((o) => o.kind !== 'propose-ceasefire');
            if (order) {
              p.room.send('order', { turn, order });
              mine.set(p, order);
            }
          }
          await until(
            () => [...mine].every(([p, o]) => p.seat?.queued.some((q) => JSON.stringify(q) === JSON.stringify(o))),
            'the orders acknowledged',
          );
          for (const o of mine.values()) queued.push({ table: t, turn, order: o });
          let lastEnd = 0;
          for (const p of leads) {
            p.room.send('end', { turn });
            lastEnd = performance.now();
          }
          await until(() => people.every((p) => p.full.has(turn + 1) || p.seat?.ending), `table ${t} turn ${turn + 1}`);
          for (const p of people) {
            const at = p.seen.get(turn + 1);
            if (at !== undefined) {
              latencies.push(at - lastEnd);
              byTurn[turn - 1]!.push(at - lastEnd);
            }
            const full = p.full.get(turn + 1);
            if (full !== undefined) ordersLatencies.push(full - lastEnd);
          }
          await new Promise((r) => setTimeout(r, 2000 + Math.random() * 200));
        }
      }),
    );
    const played = performance.now();
    const benchCpu = process.cpuUsage(benchCpu0);
    const cpu1 = servers.map((s) => cpuSeconds(s.pid!));
    const rss2 = servers.map((s) => rssMb(s.pid!));

    const codes = tables.map((people) => people[0]!.welcome!.code);
    const errors = tables.flat().flatMap((p) => p.errors);
    for (const p of tables.flat()) await p.room.leave().catch(() => undefined);
    // No lost order: every order queued is in its table's order stream as the database holds it
    // (a seat gets no replay before the table ends; the servers are stopped first, so that the
    // embedded PGlite's folder can be opened here).
    await Promise.all(servers.map((s) => stopped(s)));
    const db = schema ? await openPostgres(process.env.DATABASE_URL!, schema) : await openPglite(join(data, '0'));
    let lost = 0;
    try {
      const store = new TableStore(db);
      for (const [t, code] of codes.entries()) {
        const id = await store.idByCode(code);
        const stored = id ? await store.load(id) : null;
        for (const q of queued.filter((x) => x.table === t)) {
          const got = stored?.turns[q.turn - 1]?.orders ?? [];
          if (!got.some((o) => canonical(o) === canonical(q.order))) lost++;
        }
      }
    } finally {
      await db.close();
    }
    const f = (x: number) => x.toFixed(1);
    console.log(`joined ${TABLES * SEATS} clients in ${f((joined - started) / 1000)} s; played in ${f((played - joined) / 1000)} s`);
    console.log(`turn latency (last end turn → each client's next view), ${latencies.length} samples: median ${f(pct(latencies, 50))} ms, p95 ${f(pct(latencies, 95))} ms, p99 ${f(pct(latencies, 99))} ms, max ${f(Math.max(...latencies))} ms`);
    if (ordersLatencies.length) console.log(`orders latency (last end turn → each client's legal orders and previews of the next turn): median ${f(pct(ordersLatencies, 50))} ms, p95 ${f(pct(ordersLatencies, 95))} ms, p99 ${f(pct(ordersLatencies, 99))} ms`);
    console.log(`server's own time (last end turn received → views sent), ${serverTimes.length} turns: median ${f(pct(serverTimes, 50))} ms, p95 ${f(pct(serverTimes, 95))} ms, p99 ${f(pct(serverTimes, 99))} ms`);
    console.log(`by turn (p95 ms): ${byTurn.map((xs, i) => `${i + 1}: ${xs.length ? f(pct(xs, 95)) : '–'}`).join(', ')}`);
    console.log(`errors: ${errors.length}${errors.length ? ` (${errors.slice(0, 3).join(' | ')})` : ''}; orders queued: ${queued.length}, lost: ${lost}`);
    servers.forEach((_, i) => {
      console.log(
        `process ${i + 1}: CPU ${f(cpu1[i]! - cpu0[i]!)} s over ${f((played - started) / 1000)} s (${f(((cpu1[i]! - cpu0[i]!) / ((played - started) / 1000)) * 100)}% of a core); memory ${f(rss0[i]!)} MB idle, ${f(rss1[i]!)} MB with the tables, ${f(rss2[i]!)} MB after play`,
      );
    });
    console.log(`the load-test process itself (210 clients decoding): CPU ${f((benchCpu.user + benchCpu.system) / 1e6)} s over ${f((played - started) / 1000)} s`);
    const perTable = (rss2.reduce((a, b) => a + b, 0) - rss0.reduce((a, b) => a + b, 0)) / TABLES;
    // With embedded PGlite the process's resident memory is mostly PGlite's WebAssembly heap,
    // which grows and shrinks with the database's own caches: the difference says nothing about
    // the tables. Memory per table is read on PostgreSQL (--postgres or --processes 2).
    const onPglite = !(PROCESSES > 1 || argv.includes('--postgres'));
    const memory = onPglite ? 'not measurable on PGlite (its WebAssembly heap dominates the process; run with --postgres)' : `${f(perTable)} MB (target ≤ 5)`;
    console.log(`memory per table: ${memory}; p95 target ≤ 250 ms: ${pct(latencies, 95) <= 250 ? 'met' : 'missed'}`);
  } finally {
    for (const s of servers) s.kill('SIGTERM');
    rmSync(data, { recursive: true, force: true });
    if (schema) {
      const admin = await openPostgres(process.env.DATABASE_URL!);
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    }
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`error: ${(e as Error).message}`);
    process.exit(1);
  },
);
