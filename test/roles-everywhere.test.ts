// A role is named in many places: the headless runner, ai-quality, share links (one role or a
// hot-seat list), saves and replays. A backer can be named in each, and a malformed or
// unplayable role gets a sentence, never a crash. Also: a link whose orders run past the end of
// the game names the turn the game ended on.
import { describe, expect, it } from 'vitest';
import { main as aiQuality } from '../src/cli/ai-quality.ts';
import { main as sim } from '../src/cli/sim.ts';
import { decodeOrders, encodeOrders, readLink, shareLink } from '../src/game/link.ts';
import { parseSave } from '../src/game/saves.ts';
import { GameSession } from '../src/game/session.ts';
import type { Order } from '../src/game/sim-types.ts';
import { makeReplay, parseReplay, replayText, verifyReplay } from '../src/sim/index.ts';
import { errorText } from '../src/ui/error-text.ts';
import { problemText } from '../src/ui/problem-text.ts';

const BASE = 'http://127.0.0.1:4173/';
function run(main: (argv: string[], out: (l: string) => void) => number, argv: string[]): { code: number; text: string } {
  const lines: string[] = [];
  const code = main(argv, (l) => lines.push(l));
  return { code, text: lines.join('\n') };
}

describe('the headless runner and ai-quality name backers', () => {
  it('npm run sim -- --role backer:turkey plays the game and prints Turkey’s score', () => {
    const r = run(sim, ['--scenario', 'sirte-2020', '--seed', '7', '--role', 'backer:turkey']);
    expect(r.code).toBe(0);
    expect(r.text).toMatch(/backer:turkey played by the baseline AI/);
    expect(r.text).toMatch(/Score backer:turkey +\d+ +\(client's ground \d+, lives \d+, standing abroad \d+, costs within bounds \d+, escalation avoided \d+\)/);
  });

  it.each([
    ['backer:Turkey', /--role must be one of gna, lna, mediator or backer:<id>/, 2],
    ['backer:', /--role must be one of/, 2],
    ['turkey', /--role must be one of/, 2],
    ['backer:qatar', /cannot be played in sirte-2020/, 2],
    ['backer:atlantis', /cannot be played in sirte-2020/, 2],
  ])('sim --role %s is refused with a sentence', (role, message, code) => {
    const r = run(sim, ['--scenario', 'sirte-2020', '--role', role]);
    expect(r.code).toBe(code);
    expect(r.text).toMatch(message);
    expect(r.text).not.toMatch(/^\s+at /m);
  });

  it('ai-quality --role backer:russia measures that seat up the ladder and against random orders', () => {
    const r = run(aiQuality, ['--scenario', 'red-line-2020', '--runs', '2', '--role', 'backer:russia']);
    expect([0, 3]).toContain(r.code);
    expect(r.text).toMatch(/backer:russia normal vs random/);
    expect(r.text).toMatch(/backer:russia +hard vs normal/);
    expect(r.text).toMatch(/each level beats the one below it/);
  });

  it.each(['mediator', 'backer:qatar', 'nobody'])('ai-quality --role %s is refused', (role) => {
    const r = run(aiQuality, ['--scenario', 'sirte-2020', '--runs', '1', '--role', role]);
    expect(r.code).toBe(2);
    expect(r.text).toMatch(/--role must be a seat the AI plays/);
  });
});

describe('links name backers and hot-seat lists', () => {
  it('role=backer:turkey opens a game as Turkey, and its orders round-trip', async () => {
    const read = await readLink('?scenario=sirte-2020&role=backer:turkey&seed=7');
    expect(read.kind === 'start' && read.start.setup.role).toBe('backer:turkey');
    const session = await GameSession.start({ scenarioId: 'sirte-2020', role: 'backer:turkey', seed: 'links-t', difficulty: 'normal' });
    session.queue({ actor: 'backer:turkey', kind: 'declare-red-line', place: 'zuwara' });
    session.endTurn();
    const url = shareLink(session.setup, session.playerOrders(), BASE);
    expect(new URL(url).searchParams.get('role')).toBe('backer:turkey');
    const again = await readLink(new URL(url).search);
    if (again.kind !== 'start') throw new Error(again.kind === 'error' ? again.message : 'no link');
    const rebuilt = await GameSession.fromPlayerOrders(again.start.setup, again.start.orders ?? []);
    expect(rebuilt.hash).toBe(session.hash);
  });

  it('role=gna,lna,mediator opens a hot-seat game; each order keeps whose it is', async () => {
    const read = await readLink('?scenario=sirte-2020&role=gna,lna,mediator&seed=hot-1');
    if (read.kind !== 'start') throw new Error('no start');
    expect(read.start.setup).toMatchObject({ role: 'gna', humans: ['gna', 'lna', 'mediator'] });
    const session = await GameSession.start(read.start.setup);
    session.queue({ actor: 'gna', kind: 'pay-salaries' });
    session.passToNext();
    session.queue({ actor: 'lna', kind: 'public-messaging' });
    session.passToNext();
    session.queue({ actor: 'mediator', kind: 'shuttle-diplomacy' });
    session.endTurn();
    expect(session.role).toBe('gna');
    const url = shareLink(session.setup, session.playerOrders(), BASE);
    expect(new URL(url).searchParams.get('role')).toBe('gna,lna,mediator');
    const again = await readLink(new URL(url).search);
    if (again.kind !== 'start') throw new Error(again.kind === 'error' ? again.message : 'no link');
    expect(again.start.orders?.[0]?.map((o) => o.actor)).toEqual(['gna', 'lna', 'mediator']);
    const rebuilt = await GameSession.fromPlayerOrders(again.start.setup, again.start.orders ?? []);
    expect(rebuilt.hash).toBe(session.hash);
  });

  it.each<[string, string, RegExp]>([
    ['a backer in capitals', 'role=backer:TURKEY', /unknown role \("backer:TURKEY"\)/],
    ['a backer that is not playable', 'role=backer:qatar', /"backer:qatar" cannot be played in Sirte Falls/],
    ['a backer that does not exist', 'role=backer:atlantis', /"backer:atlantis" cannot be played/],
    ['markup in a role', 'role=gna,<b>lna</b>', /unknown role \("<b>lna<\/b>"\)/],
    ['an empty role in the list', 'role=gna,,lna', /unknown role \(""\)/],
    ['a role twice', 'role=gna,gna', /names a role twice/],
    ['too many roles', `role=${Array.from({ length: 9 }, (_, i) => `backer:b${i}`).join(',')}`, /at most 8 people/],
  ])('a link with %s is refused in a sentence', async (_label, role, message) => {
    const read = await readLink(`?scenario=sirte-2020&seed=1&${role}`);
    expect(read.kind).toBe('error');
    if (read.kind === 'error') {
      expect(read.message).toMatch(message);
      expect(read.message).not.toMatch(/undefined|\[object|Error:/);
    }
  });

  it('a hot-seat link’s orders must each name one of its roles', () => {
    const orders: Order[][] = [[{ actor: 'backer:uae', kind: 'push-client' }]];
    const text = encodeOrders(orders, true) ?? '';
    const decoded = decodeOrders(text, ['gna', 'lna']);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toMatch(/given by none of the link's roles/);
  });

  it('a link whose orders run past the end names the turn the game ended on', async () => {
    const setup = { scenarioId: 'sirte-2020', role: 'gna' as const, seed: '42', difficulty: 'normal' as const };
    const probe = await GameSession.start(setup);
    while (!probe.state.ending) probe.endTurn();
    const ended = probe.state.ending!.turn;
    const turns = Array.from({ length: ended + 1 }, () => [] as Order[]);
    await expect(GameSession.fromPlayerOrders(setup, turns)).rejects.toThrow(new RegExp(`after the game ended \\(on turn ${ended}; the link has orders for ${ended + 1} turns\\)`));
    // Exactly as many turns as the game lasted opens it on its ending, at the turn it ended.
    const whole = await GameSession.fromPlayerOrders(setup, turns.slice(0, ended));
    expect(whole.state.ending?.turn).toBe(ended);
  });
});

describe('saves and replays record which roles were people', () => {
  it('a hot-seat save keeps its people and reads back; a damaged one is refused in a sentence', async () => {
    const session = await GameSession.start({ scenarioId: 'sirte-2020', role: 'gna', humans: ['gna', 'backer:turkey'], seed: 'save-hot', difficulty: 'normal' });
    session.passToNext();
    session.queue({ actor: 'backer:turkey', kind: 'deny-deployment' });
    session.endTurn();
    const save = session.toSave();
    expect(save.humans).toEqual(['gna', 'backer:turkey']);
    const read = parseSave(JSON.stringify(save));
    expect(read.ok).toBe(true);
    if (read.ok) expect((await GameSession.restore(read.save)).hash).toBe(session.hash);
    const bad = (f: (s: Record<string, unknown>) => void) => {
      const copy = JSON.parse(JSON.stringify(save)) as Record<string, unknown>;
      f(copy);
      const r = parseSave(JSON.stringify(copy));
      return r.ok ? 'ok' : errorText(r.problemMsg);
    };
    expect(bad((s) => (s.humans = ['gna']))).toMatch(/at least two people/);
    expect(bad((s) => (s.humans = ['gna', 'gna']))).toMatch(/listed twice/);
    expect(bad((s) => (s.humans = ['gna', 'backer:<x>']))).toMatch(/not a role/);
    expect(bad((s) => (s.role = 'lna'))).toMatch(/not among its players/);
    expect(bad((s) => (s.role = 'king'))).toMatch(/not a role/);
  });

  it('a replay records the people, a backer among them, and verifies', async () => {
    const session = await GameSession.start({ scenarioId: 'red-line-2020', role: 'backer:egypt', seed: 'replay-egypt', difficulty: 'normal' });
    session.queue({ actor: 'backer:egypt', kind: 'declare-red-line', place: 'ajdabiya' });
    session.endTurn();
    const text = session.toReplay();
    const parsed = parseReplay(text);
    if (!parsed.ok) throw new Error(problemText(parsed.error.msg));
    expect(parsed.value.humans).toEqual(['backer:egypt']);
    const verified = verifyReplay(parsed.value, () => session.scenario);
    expect(verified.ok).toBe(true);
    const forged = parseReplay(text.replace('"backer:egypt"', '"backer:qatar"'));
    if (!forged.ok) throw new Error(problemText(forged.error.msg));
    const refused = verifyReplay(forged.value, () => session.scenario);
    expect(refused.ok ? '' : problemText(refused.error.msg)).toMatch(/person playing “backer:qatar”, which cannot be played/);
    const malformed = parseReplay(replayText(makeReplay({ scenario: session.scenario, seed: 's', humans: ['backer:Egypt' as 'backer:egypt'], difficulty: 'normal', orders: [] })));
    expect(malformed.ok ? '' : problemText(malformed.error.msg)).toMatch(/backer:<id>/);
  });
});
