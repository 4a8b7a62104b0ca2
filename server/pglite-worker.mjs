// The embedded PGlite on a thread of its own (server/db.ts, openPglite): its WebAssembly runs
// each statement to the end without yielding, 2–4 ms a group commit and up to 20 ms, and on the
// server's own thread every table's messages and new turns waited behind it. Plain JavaScript,
// so that it loads the same under tsx, vitest and node. One message a statement: { id, sql,
// params } → { id, rows } or { id, error }; { id, close: true } closes the database.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const port = parentPort;
if (!port) throw new Error('server/pglite-worker.mjs runs as a worker thread (server/db.ts).');

const problem = (e) => ({ message: e instanceof Error ? e.message : String(e), code: e && typeof e === 'object' && 'code' in e ? e.code : undefined });

try {
  const pg = workerData.dir ? new PGlite(workerData.dir) : new PGlite();
  await pg.waitReady;
  port.on('message', async (m) => {
    try {
      if (m.close) {
        await pg.close();
        port.postMessage({ id: m.id, rows: [] });
        return;
      }
      const result = await pg.query(m.sql, m.params);
      port.postMessage({ id: m.id, rows: result.rows });
    } catch (e) {
      port.postMessage({ id: m.id, error: problem(e) });
    }
  });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ ready: false, error: problem(e) });
}
