// The runner's --turning-points: on a replay file and on a game it plays itself; text and JSON
// give the same figures as the core's analysis; bad combinations get a sentence and exit 2.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/sim.ts';
import type { TurningSummary } from '../src/sim/turning.ts';

function run(argv: string[]): { code: number; text: string } {
  const lines: string[] = [];
  const code = main(argv, (line) => lines.push(line));
  return { code, text: lines.join('\n') };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ceasefire-turning-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('sim CLI: --turning-points', () => {
  it('analyses a replay file, in text and in JSON, with the same figures', () => {
    const file = join(dir, 'game.json');
    expect(run(['--scenario', 'tutorial', '--seed', 'd', '--role', 'gna', '--export-replay', file]).code).toBe(0);
    const json = run(['--replay', file, '--turning-points', '--runs', '6', '--json']);
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.text) as TurningSummary;
    expect(summary.role).toBe('gna');
    expect(summary.runs).toBe(6);
    expect(summary.turns.length).toBeGreaterThan(0);
    expect(summary.ranking).toHaveLength(summary.turns.length);
    const text = run(['--replay', file, '--turning-points', '--runs', '6']);
    expect(text.code).toBe(0);
    expect(text.text).toContain('the decisions of the GNA, 6 continuations per branch');
    const first = summary.turns.find((t) => t.turn === summary.ranking[0])!;
    expect(text.text).toContain(` 1. Turn ${first.turn}, `);
    expect(text.text).toContain(`effect ${first.size} points`);
    // The same game played by the runner itself gives the same analysis.
    const direct = JSON.parse(run(['--scenario', 'tutorial', '--seed', 'd', '--role', 'gna', '--turning-points', '--runs', '6', '--json']).text);
    expect(direct).toEqual(summary);
  });

  it.each([
    [['--turning-points'], /needs a game/],
    [['--turning-points', '--role', 'gna', '--runs', '5000'], /from 1 to 2000/],
    [['--turning-points', '--replay', 'x.json', '--what-if', 'turkey-out'], /cannot be used with --replay/],
  ])('%j is refused with a sentence', (argv, message) => {
    const { code, text } = run(argv);
    expect(code).toBe(2);
    expect(text).toMatch(message);
  });

  it('asks for a role when every actor of the replay was the computer', () => {
    const file = join(dir, 'all-ai.json');
    expect(run(['--scenario', 'tutorial', '--seed', 'd', '--export-replay', file]).code).toBe(0);
    const { code, text } = run(['--replay', file, '--turning-points', '--runs', '2']);
    expect(code).toBe(2);
    expect(text).toMatch(/name the role to analyse with --role/);
  });
});
