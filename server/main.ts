// npm run server [-- --port N] [--host H] [--data DIR] [--public-address host:port] [--grace S]
// Serves the built game and the classroom game server on one port and prints the address to
// give the class. DATABASE_URL: PostgreSQL instead of the embedded PGlite (server/data/).
// REDIS_URL: share tables with other processes on the same Redis.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { lanAddresses, ROOT, startServer } from './app.ts';

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help')) {
    console.log('npm run server -- [--port 2567] [--host 0.0.0.0] [--data server/data] [--public-address host:port] [--grace 60] [--quiet] [--no-address-limits (load tests on loopback only)]');
    return;
  }
  const port = Number(arg(argv, '--port') ?? process.env.PORT ?? 2567);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port takes a port number');
  const host = arg(argv, '--host') ?? '0.0.0.0';
  const dist = join(ROOT, 'dist');
  const dataDir = arg(argv, '--data') ?? join(ROOT, 'server', 'data');
  const grace = Number(arg(argv, '--grace') ?? 60);
  const hasDist = existsSync(join(dist, 'index.html'));
  const running = await startServer({
    port,
    host,
    dist: hasDist ? dist : null,
    databaseUrl: process.env.DATABASE_URL,
    databaseSchema: process.env.DATABASE_SCHEMA,
    dataDir,
    redisUrl: process.env.REDIS_URL,
    // With Redis, other processes send clients here for this process's tables.
    publicAddress: arg(argv, '--public-address') ?? process.env.PUBLIC_ADDRESS ?? (process.env.REDIS_URL ? `${host === '0.0.0.0' ? (lanAddresses()[0] ?? '127.0.0.1') : host}:${port}` : undefined),
    graceSeconds: grace,
    addressLimits: !argv.includes('--no-address-limits'),
    log: argv.includes('--quiet') ? () => undefined : (line) => console.log(line),
  });
  const db = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`;
  console.log(`Ceasefire Line classroom server on port ${port}; database: ${db}${process.env.REDIS_URL ? '; sharing tables through Redis' : ''}`);
  if (!hasDist) console.log('dist/ is missing: run `npm run build` to serve the game too.');
  const lan = host === '0.0.0.0' ? lanAddresses() : [host];
  for (const a of lan) console.log(`Give the class this address: http://${a}:${port}/`);
  console.log(`On this machine: http://127.0.0.1:${port}/`);
  const stop = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((e) => {
  console.error(`error: ${(e as Error).message}`);
  process.exit(1);
});
