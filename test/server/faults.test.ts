// Faults, with real server processes (npm run server's entry point): killed mid-turn and
// started again, a table resumes at its turn with every order and message; and two processes
// on one Redis and one PostgreSQL share a table (skipped without REDIS_URL and DATABASE_URL).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'colyseus.js';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres } from '../../server/db.ts';
import { type Order, stateHash } from '../../src/sim/index.ts';
import { problemText } from '../../src/ui/problem-text.ts';
import { freePort, joinTable, killServers, Person, queueLegal, replayFromDb, serverProcess, until } from './helpers.ts';

const DATABASE_URL = process.env.DATABASE_URL;
const REDIS_URL = process.env.REDIS_URL;
if (!DATABASE_URL || !REDIS_URL) console.log('two server processes on Redis and PostgreSQL: skipped (set DATABASE_URL and REDIS_URL to run it)');

afterAll(killServers);

describe('classroom server faults', () => {
  it('killed mid-turn and started again: the table resumes at its turn with every order and message', { timeout: 400_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'table-kill-'));
    const port = freePort(2);
    try {
      let server = await serverProcess(port, {}, ['--data', dir]);
      const client = new Client(`ws://127.0.0.1:${port}`);
      const host = new Person(await client.create('table', { name: 'Teacher', scenario: 'sirte-2020', seats: ['gna', 'lna'], seed: 'kill-1' }));
      await until(() => host.welcome !== null, 'welcome');
      const code = host.welcome!.code;
      const lna = await joinTable(client, code, 'Badr');
      host.send('seat', { role: 'gna' });
      lna.send('seat', { role: 'lna' });
      await until(() => host.welcome !== null && lna.welcome !== null, 'seats');
      await new Promise((r) => setTimeout(r, 200));
      host.send('start', {});
      await until(() => host.seat?.turn === 1 && lna.seat?.turn === 1, 'turn 1');
      host.send('end', { turn: 1 });
      lna.send('end', { turn: 1 });
      await until(() => host.seat?.turn === 2 && lna.seat?.turn === 2, 'turn 2');
      // Turn 2 in play: the GNA queues its orders, the LNA queues one, writes, and ends its turn.
      // Mid-game a seat gets no replay: each picks from its own legal orders and previews, as a person would.
      expect((await host.refused('replay', {})).code).toBe('not-ended');
      const gnaOrders = await queueLegal(host, 2, 3);
      const lnaOrders = await queueLegal(lna, 2, 1);
      expect(gnaOrders.length).toBe(3);
      expect(lnaOrders.length).toBe(1);
      lna.send('message', { to: 'gna', text: 'We hold the line at Sirte if you stop at Abu Qurain.' });
      await until(() => host.seat?.queued.length === gnaOrders.length && lna.seat?.queued.length === lnaOrders.length, 'queues');
      lna.send('end', { turn: 2 });
      await until(() => lna.seat?.ended === true && host.messages.length === 1, 'the end of the LNA turn and the message');
      const tokens = { gna: host.welcome!.token, lna: lna.welcome!.token };
      server.kill('SIGKILL');
      await until(() => server.exitCode !== null || server.signalCode !== null, 'the kill');

      server = await serverProcess(port, {}, ['--data', dir]);
      const host2 = await joinTable(client, code, 'Teacher', tokens.gna);
      const lna2 = await joinTable(client, code, 'Badr', tokens.lna);
      expect(host2.welcome?.role).toBe('gna');
      expect(host2.welcome?.host).toBe(true);
      expect(lna2.welcome?.role).toBe('lna');
      await until(() => host2.seat !== null && lna2.seat !== null, 'the seat views');
      expect(host2.seat?.turn).toBe(2);
      expect(host2.seat?.queued).toEqual(gnaOrders);
      expect(lna2.seat?.queued).toEqual(lnaOrders);
      expect(lna2.seat?.ended).toBe(true);
      expect(host2.messages.map((m) => m.text)).toEqual(['We hold the line at Sirte if you stop at Abu Qurain.']);
      host2.send('end', { turn: 2 });
      await until(() => host2.seat?.turn === 3 && lna2.seat?.turn === 3, 'turn 3');
      await host2.room.leave();
      await lna2.room.leave();
      server.kill('SIGTERM');
      await until(() => server.exitCode !== null || server.signalCode !== null, 'the server to stop');
      // The database holds turn 2 with every order queued before the kill, and replays to its hashes.
      const db = await openPglite(dir);
      try {
        const whole = await replayFromDb(db, code);
        if (!whole.ok) throw new Error(problemText(whole.error.msg));
        const turn2 = whole.value.replay.turns[1]!.orders as Order[];
        for (const o of [...gnaOrders, ...lnaOrders]) expect(turn2).toContainEqual(o);
        expect(whole.value.frames.length).toBe(3);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!DATABASE_URL || !REDIS_URL)('two processes on one Redis and one PostgreSQL: a client on each plays the same table', { timeout: 400_000 }, async () => {
    const schema = `tables_${process.pid}_${Date.now()}`;
    const admin = await openPostgres(DATABASE_URL as string);
    await admin.query(`CREATE SCHEMA ${schema}`);
    const [pa, pb] = [freePort(3), freePort(4)];
    try {
      const env = { DATABASE_URL: DATABASE_URL as string, REDIS_URL: REDIS_URL as string, DATABASE_SCHEMA: schema };
      const [a, b] = await Promise.all([
        serverProcess(pa, env, ['--public-address', `127.0.0.1:${pa}`]),
        serverProcess(pb, env, ['--public-address', `127.0.0.1:${pb}`]),
      ]);
      const onA = new Client(`ws://127.0.0.1:${pa}`);
      const onB = new Client(`ws://127.0.0.1:${pb}`);
      const host = new Person(await onA.create('table', { name: 'Teacher', scenario: 'sirte-2020', seats: ['gna', 'lna'], seed: 'two-1' }));
      await until(() => host.welcome !== null, 'welcome');
      const lna = await joinTable(onB, host.welcome!.code, 'Badr');
      expect(lna.room.roomId).toBe(host.room.roomId);
      host.send('seat', { role: 'gna' });
      lna.send('seat', { role: 'lna' });
      await new Promise((r) => setTimeout(r, 300));
      host.send('start', {});
      await until(() => host.seat?.turn === 1 && lna.seat?.turn === 1, 'turn 1');
      lna.send('message', { to: 'gna', text: 'Hello from the other process.' });
      await until(() => host.messages.length === 1, 'the message');
      for (const turn of [1, 2]) {
        host.send('end', { turn });
        lna.send('end', { turn });
        await until(() => host.seat?.turn === turn + 1 && lna.seat?.turn === turn + 1, `turn ${turn + 1}`);
      }
      expect((await lna.refused('replay', {})).code).toBe('not-ended');
      // The two processes wrote one table: the database's order stream replays to the turns' hashes.
      const reader = await openPostgres(DATABASE_URL as string, schema);
      try {
        const replay = await replayFromDb(reader, host.welcome!.code);
        expect(replay.ok).toBe(true);
        if (replay.ok) {
          expect(replay.value.frames.length).toBe(3);
          expect(stateHash(replay.value.frames.at(-1)!.state)).toBe(replay.value.replay.turns[1]!.hash);
        }
      } finally {
        await reader.close();
      }
      await host.room.leave();
      await lna.room.leave();
      a.kill('SIGTERM');
      b.kill('SIGTERM');
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    }
  });
});
