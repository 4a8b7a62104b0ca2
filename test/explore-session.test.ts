// A game opened from the outcome explorer carries its what-ifs: the session applies them,
// the save records them, and the restored game is the same game.
import { describe, expect, it } from 'vitest';
import { parseSave, saveText } from '../src/game/saves.ts';
import { GameSession } from '../src/game/session.ts';

describe('a game with what-ifs', () => {
  it('applies the switches, saves them, and restores to the same hash', () => {
    const session = GameSession.start({ scenarioId: 'sirte-2020', seed: 'w1', role: 'gna', difficulty: 'normal', whatIfs: ['turkey-out'] });
    expect(session.state.backers.turkey?.commitment).toBe(0);
    const plain = GameSession.start({ scenarioId: 'sirte-2020', seed: 'w1', role: 'gna', difficulty: 'normal' });
    expect(plain.state.backers.turkey?.commitment).toBeGreaterThan(0);
    session.endTurn();
    session.endTurn();
    const save = session.toSave();
    expect(save.whatIfs).toEqual(['turkey-out']);
    expect(plain.toSave().whatIfs).toBeUndefined();
    const read = parseSave(saveText(save));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(GameSession.restore(read.save).hash).toBe(session.hash);
  });

  it('an unknown switch is refused with a sentence naming it', () => {
    expect(() => GameSession.start({ scenarioId: 'sirte-2020', seed: 'w1', role: 'gna', difficulty: 'normal', whatIfs: ['peace-now'] })).toThrow(/^The scenario "sirte-2020" has no what-if "peace-now"; its what-ifs are: turkey-out/);
  });

  it('a save with malformed what-ifs is not read', () => {
    const session = GameSession.start({ scenarioId: 'sirte-2020', seed: 'w1', role: 'gna', difficulty: 'normal' });
    const text = saveText({ ...session.toSave(), whatIfs: ['<b>'] });
    expect(parseSave(text).ok).toBe(false);
  });
});
