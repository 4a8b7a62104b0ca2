// Share links: the player's orders so far, deflated (fflate) and in base64url, open the same
// game at the same turn; every damaged or hostile link gets a sentence, never a crash.
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeOrders, encodeOrders, LINK_LIMITS, readLink, shareLink } from '../src/game/link.ts';
import { GameSession } from '../src/game/session.ts';
import type { Order } from '../src/game/sim-types.ts';

const setup = { scenarioId: 'sirte-2020', seed: 'link-3', role: 'gna' as const, difficulty: 'normal' as const };
const BASE = 'http://127.0.0.1:4173/';

/** Plays `turns` turns queueing the first legal orders the player may give (up to its budget). */
async function play(turns: number): Promise<GameSession> {
  const session = await GameSession.start(setup);
  for (let t = 0; t < turns && !session.state.ending; t++) {
    for (const order of session.legalOrders().filter((o) => o.kind !== 'event-choice')) {
      if (session.budgetUsed >= session.budget) break;
      session.queue(order);
    }
    session.endTurn();
  }
  return session;
}
const played = await play(6);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const packed = (text: string) => b64(deflateSync(new TextEncoder().encode(text)));
const link = (params: Record<string, string>) => `?${new URLSearchParams({ scenario: 'sirte-2020', role: 'gna', seed: 'link-3', ...params })}`;

describe('share links', () => {
  it('a link with the orders so far opens the same game at the same turn', async () => {
    const url = shareLink(setup, played.playerOrders(), BASE);
    expect(url.length).toBeLessThan(LINK_LIMITS.chars + 100);
    const read = await readLink(new URL(url).search);
    expect(read.kind).toBe('start');
    if (read.kind !== 'start') return;
    expect(read.start.orders).toEqual(played.playerOrders());
    const again = await GameSession.fromPlayerOrders(read.start.setup, read.start.orders ?? []);
    expect(again.state.turn).toBe(played.state.turn);
    expect(again.hash).toBe(played.hash);
  });

  it('a whole game fits in a link well under the limit', async () => {
    const whole = await play(40);
    expect(whole.state.ending).not.toBeNull();
    const encoded = encodeOrders(whole.playerOrders());
    expect(encoded).not.toBeNull();
    expect(encoded?.length).toBeLessThan(LINK_LIMITS.chars);
  });

  it('orders that would pass the limit are left out rather than making a link that breaks', () => {
    const many: Order[][] = Array.from({ length: 200 }, (_, t) =>
      Array.from({ length: 8 }, (_, i) => ({ actor: 'gna', kind: 'event-choice', event: `e-${t}-${i}-${(t * 7919 + i * 104729) % 99991}`, option: `o${i * t}` }) as Order),
    );
    expect(encodeOrders(many)).toBeNull();
    expect(new URL(shareLink(setup, many, BASE)).searchParams.has('orders')).toBe(false);
  });

  it('a link without orders is a fresh start, as before', async () => {
    const read = await readLink(link({}));
    expect(read.kind === 'start' && read.start.orders).toBeUndefined();
  });
});

const lots = new Uint8Array(800_000).fill(0x5b);
const cases: [string, string, RegExp][] = [
  ['orders cut short', link({ orders: (encodeOrders(played.playerOrders()) ?? '').slice(0, 30) }), /cannot be unpacked.*cut short or changed/],
  ['orders with characters outside base64url', link({ orders: 'abc$%^&*' }), /are not readable/],
  ['orders that are not deflated data', link({ orders: b64(new TextEncoder().encode('just text, not deflate')) }), /cannot be unpacked/],
  ['a deflate bomb (800 KB in under 2,000 characters)', link({ orders: b64(deflateSync(lots, { level: 9 })) }), /cannot be unpacked/],
  ['non-UTF-8 bytes inside', link({ orders: b64(deflateSync(new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]))) }), /are not text/],
  ['not JSON inside', link({ orders: packed('[[{"kind":') }), /refused \(they are not readable JSON/],
  ['deep nesting inside', link({ orders: packed(`${'['.repeat(50)}${']'.repeat(50)}`) }), /nested too deeply/],
  ['a __proto__ key inside', link({ orders: packed('[[{"kind":"fortify","place":"tripoli","__proto__":{"x":1}}]]') }), /"__proto__"/],
  ['not a list of turns', link({ orders: packed('{"kind":"fortify"}') }), /not a list of turns/],
  ['an order of an unknown kind', link({ orders: packed('[[{"kind":"nuke"}]]') }), /not an order on turn 1/],
  ['an order with a field too many', link({ orders: packed('[[],[{"kind":"fortify","place":"tripoli","x":"<b>"}]]') }), /not an order on turn 2/],
  ['too many orders in a turn', link({ orders: packed(JSON.stringify([Array.from({ length: 21 }, () => ({ kind: 'pay-salaries' }))])) }), /at most 20 orders/],
  ['orders too long for a link', link({ orders: 'A'.repeat(LINK_LIMITS.chars + 1) }), /too long \(2001 characters/],
  ['orders without a seed', '?scenario=sirte-2020&role=gna&orders=abc', /no seed/],
  ['an unknown scenario', '?scenario=<script>alert(1)</script>&role=gna&seed=1', /scenario this build does not have \("<script>/],
  ['an unknown role', link({ role: 'haftar' }), /unknown role \("haftar"\)/],
  ['an empty seed', link({ seed: '<>' }), /empty or unreadable seed/],
];

describe('share links: damaged and hostile ones', () => {
  it.each(cases)('%s', async (_name, search, message) => {
    const read = await readLink(search);
    expect(read.kind).toBe('error');
    if (read.kind === 'error') {
      expect(read.message).toMatch(message);
      expect(read.message).not.toMatch(/undefined|\[object|Error:/);
    }
  });

  it('an order that is not allowed at its turn is named with its turn', async () => {
    const orders = packed(JSON.stringify([[], [{ kind: 'attack', from: 'misrata', target: 'tripoli' }]]));
    const read = await readLink(link({ orders }));
    expect(read.kind).toBe('start');
    if (read.kind !== 'start') return;
    await expect(GameSession.fromPlayerOrders(read.start.setup, read.start.orders ?? [])).rejects.toThrow(/on turn 2, the order “attack” is not allowed/);
  });

  it('empty orders read as such, in the plural ("The link\'s orders are refused (they are empty)")', () => {
    const decoded = decodeOrders(packed(''), 'gna');
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) {
      expect(decoded.message).toMatch(/^The link's orders are refused \(they are empty\)/);
      expect(decoded.message).not.toMatch(/orders is /);
    }
  });

  it.each([
    ['a seed with emoji and markup', { seed: 'ab😀<b>c</b>' }, /seed was changed to "abbcb"/],
    ['a seed over 32 characters', { seed: 'x'.repeat(40) }, /seed was changed to "x{32}".*at most 32/],
    ['an unknown difficulty', { difficulty: 'nightmare' }, /difficulty this game does not have \("nightmare"\): the game is played at normal/],
  ])('%s opens the game and tells the player what changed', async (_name, params, note) => {
    const read = await readLink(link(params));
    expect(read.kind).toBe('start');
    if (read.kind !== 'start') return;
    expect(read.start.notes?.join(' ')).toMatch(note);
  });

  it('a clean link changes nothing and says nothing', async () => {
    const read = await readLink(link({ difficulty: 'hard' }));
    expect(read.kind === 'start' && read.start.notes).toBeUndefined();
  });

  it('decodeOrders gives each order the link’s role, whatever the text claims', () => {
    const decoded = decodeOrders(packed('[[{"kind":"pay-salaries","actor":"lna"}]]'), 'gna');
    expect(decoded).toEqual({ ok: true, orders: [[{ kind: 'pay-salaries', actor: 'gna' }]] });
  });
});
