// The classroom server's HTTP side: it serves the built game's files (and only them), opens long
// share links (no HTTP 431). (Matchmaking and the websocket on the same port: room.test.ts.)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanAddresses, type Running, startServer } from '../../server/app.ts';
import { freePort } from './helpers.ts';

let running: Running;
let dir: string;
const port = freePort(5);

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += String(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type'] ?? '') }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>game</title>');
  writeFileSync(join(dir, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'secret.txt'), 'secret');
  running = await startServer({ port, host: '127.0.0.1', dist: dir, dataDir: null });
});
afterAll(async () => {
  await running?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('classroom server over HTTP', () => {
  it('serves the game, and nothing outside its folder', async () => {
    expect(await get('/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await get('/assets/main.js')).toMatchObject({ status: 200, body: 'console.log(1)' });
    expect((await get('/../secret.txt')).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('/assets/%2e%2e/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/nothing.js')).status).toBe(404);
  });

  it('opens a long share link (no HTTP 431)', async () => {
    const orders = 'x'.repeat(6000);
    expect((await get(`/?scenario=sirte-2020&role=gna&seed=42&orders=${orders}`, { cookie: 'c'.repeat(20_000) })).status).toBe(200);
  });

  it('knows the LAN addresses to print', () => {
    for (const a of lanAddresses()) expect(a).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });
});
