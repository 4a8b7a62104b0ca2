// The replay viewer's session: a game exported from play and opened again shows, frame by
// frame, the very states and turn reports of play (AI reasons included), viewed in any order,
// and it cannot be played or saved over.
import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../src/game/saves.ts';
import { GameSession, openReplay } from '../src/game/session.ts';
import { canonicalJson } from '../src/sim/index.ts';
import { errorText } from '../src/ui/error-text.ts';

async function played(turns: number): Promise<GameSession> {
  const session = await GameSession.start({ scenarioId: 'sirte-2020', seed: 'viewer-2', role: 'lna', difficulty: 'hard' });
  for (let t = 0; t < turns; t++) {
    for (const order of session.legalOrders().filter((o) => o.kind !== 'event-choice')) {
      if (session.budgetUsed >= session.budget) break;
      session.queue(order);
    }
    session.endTurn();
  }
  return session;
}

const game = await played(6);
const bytes = new TextEncoder().encode(game.toReplay());

describe('replay viewer session', () => {
  it('opens a replay exported from play, at its start', async () => {
    const opened = await openReplay(bytes);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const viewer = opened.session;
    expect(viewer.readOnly).toBe(true);
    expect(viewer.replay?.at).toBe(0);
    expect(viewer.state.turn).toBe(1);
    expect(viewer.role).toBe('lna');
    expect(viewer.difficulty).toBe('hard');
  });

  it('viewed back and forth in any order, each frame is the state and the reports of play', async () => {
    const opened = await openReplay(bytes);
    if (!opened.ok) throw new Error(JSON.stringify(opened.problemMsg));
    const viewer = opened.session;
    for (const n of [3, 1, 6, 0, 5, 2, 4, 6, 2, 6]) {
      viewer.showFrame(n);
      expect(viewer.history).toHaveLength(n);
      expect(viewer.hashes).toEqual(game.hashes.slice(0, n));
      if (n > 0) expect(viewer.hash).toBe(game.hashes[n - 1]);
    }
    expect(viewer.hash).toBe(game.hash);
    expect(canonicalJson(viewer.reports)).toBe(canonicalJson(game.reports));
    expect(viewer.reports.at(-1)?.reasonMsgs).toEqual(game.reports.at(-1)?.reasonMsgs);
    // Out-of-range frames are clamped, not errors.
    viewer.showFrame(99);
    expect(viewer.replay?.at).toBe(6);
    viewer.showFrame(-4);
    expect(viewer.replay?.at).toBe(0);
  });

  it('cannot be played, queued into or saved', async () => {
    const opened = await openReplay(bytes);
    if (!opened.ok) throw new Error(JSON.stringify(opened.problemMsg));
    const viewer = opened.session;
    expect(viewer.legalOrders()).toEqual([]);
    const order = game.history[0]?.find((o) => o.actor === 'lna');
    if (order) expect(viewer.queue(order)).toMatchObject({ ok: false });
    expect(() => viewer.endTurn()).toThrow(/replay/);
    const storage = new MemoryStorage();
    viewer.autosave(storage);
    expect(storage.items.size).toBe(0);
  });

  it('a bad file gives the player a sentence, not a session', async () => {
    const opened = await openReplay(new TextEncoder().encode('{"format":"ceasefire-line-replay","version":1}'));
    expect(opened).toEqual({ ok: false, problemMsg: expect.objectContaining({ key: 'errors.replay.cannotOpen' }) });
    expect(!opened.ok && errorText(opened.problemMsg)).toMatch(/^This replay cannot be opened\. The replay is damaged: /);
  });
});
