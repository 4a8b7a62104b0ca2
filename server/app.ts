// The classroom server process: one HTTP server that serves the built game (dist/) and carries
// Colyseus' matchmaking and websocket on the same port; Redis presence and driver when asked
// for, so that several processes share the tables.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server as HttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { matchMaker, type Presence, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { CLASS_ROOM_NAME, MAX_FRAME, ROOM_NAME } from '../src/net/protocol.ts';
import { ClassRoom } from './class-room.ts';
import { ClassStore } from './classes.ts';
import { type Db, openDb } from './db.ts';
import { serverContext, TableRoom } from './room.ts';
import { TableStore } from './store.ts';
import { warmUp } from './warm.ts';

export const ROOT = resolve(import.meta.dirname, '..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves the files of a folder (GET and HEAD only; nothing outside it; / is index.html). */
export function staticFiles(dir: string): (req: IncomingMessage, res: ServerResponse) => void {
  const root = resolve(dir);
  return (req, res) => {
    if (res.headersSent || res.writableEnded) return;
    const url = req.url ?? '/';
    if (url.startsWith('/matchmake')) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(url.split('?')[0] ?? '/');
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(`${root}/`) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const immutable = file.includes(`${root}/assets/`);
    res.writeHead(200, {
      'content-type': type,
      'content-length': statSync(file).size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}

/** The machine's LAN addresses (IPv4, not loopback): what to tell the class. */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  }
  return out;
}

export interface ServerOptions {
  port: number;
  host?: string;
  /** The built game to serve (null: serve nothing but the game server). */
  dist: string | null;
  databaseUrl?: string | undefined;
  /** A PostgreSQL schema to keep the tables in (tests). */
  databaseSchema?: string | undefined;
  /** PGlite's folder when there is no databaseUrl (null: in memory, for tests). */
  dataDir: string | null;
  redisUrl?: string | undefined;
  /** The address (host:port) other processes send clients to for this one's tables. */
  publicAddress?: string | undefined;
  graceSeconds?: number;
  log?: (line: string) => void;
  /** Limits per address (joins, tables hosted); off only for load tests on loopback. */
  addressLimits?: boolean;
  /** Play two turns of each scenario before listening (server/warm.ts); default true. */
  warm?: boolean;
}

export interface Running {
  colyseus: Server;
  http: HttpServer;
  db: Db;
  store: TableStore;
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<Running> {
  const db = await openDb({ databaseUrl: options.databaseUrl, databaseSchema: options.databaseSchema, dataDir: options.dataDir });
  const store = new TableStore(db);
  serverContext.store = store;
  serverContext.classes = new ClassStore(db, store);
  serverContext.graceSeconds = options.graceSeconds ?? 60;
  serverContext.log = options.log ?? (() => undefined);
  serverContext.addressLimits = options.addressLimits ?? true;
  // Long share links open here (a link's orders may be 2,000 characters; headers up to 64 KB).
  const http = createServer({ maxHeaderSize: 64 * 1024 });
  if (options.dist) http.on('request', staticFiles(options.dist));
  let presence: Presence | undefined;
  let driver: matchMaker.MatchMakerDriver | undefined;
  if (options.redisUrl) {
    const { RedisPresence } = await import('@colyseus/redis-presence');
    const { RedisDriver } = await import('@colyseus/redis-driver');
    presence = new RedisPresence(options.redisUrl);
    driver = new RedisDriver(options.redisUrl);
  }
  const colyseus = new Server({
    transport: new WebSocketTransport({ server: http, maxPayload: MAX_FRAME }),
    greet: false,
    gracefullyShutdown: false,
    // A table is held by the process the person who hosts (or resumes) it reached: tables spread
    // as the connections do (Colyseus' default sends every table created at once to one process).
    selectProcessIdToCreateRoom: async () => matchMaker.processId,
    ...(presence ? { presence } : {}),
    ...(driver ? { driver } : {}),
    ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}),
  });
  colyseus.define(ROOM_NAME, TableRoom).filterBy(['code']);
  colyseus.define(CLASS_ROOM_NAME, ClassRoom).filterBy(['classCode']);
  if (options.warm ?? true) {
    const started = performance.now();
    await store.warmUp();
    serverContext.log(`warmed up in ${(warmUp() + performance.now() - started).toFixed(0)} ms`);
  }
  await colyseus.listen(options.port, options.host ?? '0.0.0.0');
  return {
    colyseus,
    http,
    db,
    store,
    async stop() {
      await colyseus.gracefullyShutdown(false).catch(() => undefined);
      await db.close().catch(() => undefined);
      serverContext.store = null;
      serverContext.classes = null;
    },
  };
}
