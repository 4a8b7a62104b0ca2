// A game opened from the outcome explorer carries its what-ifs: the session applies them,
// the save records them, and the restored game is the same game.
import { describe, expect, it } from 'vitest';
import { readLink, shareLink } from '../src/game/link.ts';
import { parseSave, saveText } from '../src/game/saves.ts';
import { GameSession } from '../src/game/session.ts';

describe('a game with what-ifs', () => {
  it('applies the switches, saves them, and restores to the same hash', async () => {
    const session = await GameSession.start({ scenarioId: 'sirte-2020', seed: 'w1', role: 'gna', difficulty: 'normal', whatIfs: ['turkey-out'] });
    expect(session.state.backers.turkey?.commitment).toBe(0);
    const plain = await GameSession.start({ scenarioId: 'sirte-2020', seed: 'w1', role: 'gna', difficulty: 'normal' });
    expect(plain.state.backers.turkey?.commitment).toBeGreaterThan(0);
    session.endTurn();
    session.endTurn();
    const save = session.toSave();
    expect(save.whatIfs).toEqual(['turkey-out']);
    expect(plain.toSave().whatIfs).toBeUndefined();
    const read = parseSave(saveText(save));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect((await GameSession.restore(read.save)).hash).toBe(session.hash);
  });

  it('an unknown switch is refused with a sentence naming it', async () => {
    await expect(GameSession.start({ scenarioId: 'sirte-2020', seed: 'w1', role: 'gna', difficulty: 'normal', whatIfs: ['peace-now'] })).rejects.toThrow(/^The scenario "sirte-2020" has no what-if "peace-now"; its what-ifs are: turkey-out/);
  });

  it('a save with malformed what-ifs is not read', async () => {
    const session = await GameSession.start({ scenarioId: 'sirte-2020', seed: 'w1', role: 'gna', difficulty: 'normal' });
    const text = saveText({ ...session.toSave(), whatIfs: ['<b>'] });
    expect(parseSave(text).ok).toBe(false);
  });
});

describe('a link to a game with what-ifs', () => {
  const setup = { scenarioId: 'sirte-2020', seed: 'w2', role: 'lna' as const, difficulty: 'hard' as const, whatIfs: ['turkey-out', 'no-oil-blockade'] };

  it('carries the switches and opens the same game', async () => {
    const url = new URL(shareLink(setup, undefined, 'http://127.0.0.1:4173/'));
    expect(url.searchParams.get('whatif')).toBe('turkey-out,no-oil-blockade');
    const read = await readLink(url.search);
    expect(read.kind).toBe('start');
    if (read.kind !== 'start') return;
    expect(read.start.setup).toEqual(setup);
    expect((await GameSession.start(read.start.setup)).hash).toBe((await GameSession.start(setup)).hash);
  });

  it('a link without switches has no whatif parameter', () => {
    const url = new URL(shareLink({ ...setup, whatIfs: [] }, undefined, 'http://127.0.0.1:4173/'));
    expect(url.searchParams.has('whatif')).toBe(false);
  });

  it('a link naming an unknown switch gets a sentence naming it', async () => {
    const read = await readLink('?scenario=sirte-2020&role=gna&seed=1&whatif=turkey-out,peace-now');
    expect(read.kind).toBe('error');
    if (read.kind === 'error') expect(read.message).toContain('"peace-now"');
  });
});
