// The headless runner: options, helpful errors (never a stack trace), and real runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/sim.ts';
import { miniScenarioFile } from './fixtures/mini.ts';

const ROOT = resolve(import.meta.dirname, '..');
const STACK_FRAME = /^\s+at /m;

function run(argv: string[]): { code: number; text: string } {
  const lines: string[] = [];
  const code = main(argv, (line) => lines.push(line));
  return { code, text: lines.join('\n') };
}

let dir = '';
const tmp = (name: string, content: string) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ceasefire-cli-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('sim CLI: options', () => {
  it('--help exits 0 and lists every option', () => {
    const { code, text } = run(['--help']);
    expect(code).toBe(0);
    for (const option of ['--scenario', '--seed', '--role', '--runs', '--json', '--help']) expect(text).toContain(option);
    expect(text).toContain('sirte-2020');
  });

  it.each([
    { argv: ['--runs', 'abc'], words: ['--runs', '"abc"'] },
    { argv: ['--runs', '0'], words: ['--runs', '"0"'] },
    { argv: ['--runs', '2.5'], words: ['--runs', 'whole number'] },
    { argv: ['--runs', '100001'], words: ['--runs', '100000'] },
    { argv: ['--role', 'king'], words: ['--role', '"king"', 'gna, lna, mediator'] },
    { argv: ['--colour'], words: ['--colour'] },
    { argv: ['--colour', 'red'], words: ['--colour'] },
    { argv: ['sirte-2020'], words: ['sirte-2020'] },
    { argv: ['--scenario'], words: ['--scenario'] },
    { argv: ['--seed', ''], words: ['--seed'] },
  ])('$argv → exit 2 naming the problem', ({ argv, words }) => {
    const { code, text } = run(argv);
    expect(code).toBe(2);
    const first = text.split('\n')[0] ?? '';
    expect(first).toMatch(/^error: /);
    for (const word of words) expect(first).toContain(word);
    expect(text).not.toMatch(STACK_FRAME);
  });
});

describe('sim CLI: scenarios that cannot be loaded', () => {
  it('an unknown scenario id → exit 1, "no such scenario" and the known ones', () => {
    const { code, text } = run(['--scenario', 'sirte-2019']);
    expect(code).toBe(1);
    expect(text).toContain('no such scenario');
    expect(text).toContain('sirte-2020');
    expect(text).not.toMatch(STACK_FRAME);
  });

  it('a missing file path → exit 1, "no such scenario"', () => {
    const { code, text } = run(['--scenario', join(dir, 'not-there.json')]);
    expect(code).toBe(1);
    expect(text).toContain('no such scenario');
  });

  it('a directory → exit 1, "cannot read the file"', () => {
    const { code, text } = run(['--scenario', dir]);
    expect(code).toBe(1);
    expect(text).toContain('cannot read the file');
    expect(text).not.toMatch(STACK_FRAME);
  });

  it('truncated JSON → exit 1, "not valid JSON" with the file', () => {
    const whole = JSON.stringify(miniScenarioFile(), null, 2);
    const file = tmp('truncated.json', whole.slice(0, Math.floor(whole.length / 2)));
    const { code, text } = run(['--scenario', file]);
    expect(code).toBe(1);
    expect(text).toContain('not valid JSON');
    expect(text).toContain(file);
    expect(text).not.toMatch(STACK_FRAME);
  });

  it('a schema-invalid file → exit 1 with the path inside the file', () => {
    const scenario = miniScenarioFile() as Record<string, unknown>;
    scenario.turns = 'ten';
    (scenario.formations as Record<string, unknown>[])[0]!.colour = 'red';
    const file = tmp('invalid.json', JSON.stringify(scenario));
    const { code, text } = run(['--scenario', file]);
    expect(code).toBe(1);
    expect(text).toContain(`${file} at turns:`);
    expect(text).toContain(`${file} at formations.0.colour: unknown key`);
    expect(text).not.toMatch(STACK_FRAME);
  });

  it('a valid scenario naming a map that is not in levels/maps → exit 1, "unknown map"', () => {
    const file = tmp('mini.json', JSON.stringify(miniScenarioFile()));
    const { code, text } = run(['--scenario', file]);
    expect(code).toBe(1);
    expect(text).toContain(`${file} at map: unknown map "mini"`);
  });

  it('the real CLI process fails without a stack trace', () => {
    const file = tmp('broken.json', '{"id": "broken", "turns": ');
    const result = spawnSync('npx', ['tsx', 'src/cli/sim.ts', '--scenario', file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(result.error).toBeUndefined();
    expect(result.status).not.toBe(0);
    expect(result.status).not.toBeNull();
    const output = `${result.stdout}\n${result.stderr}`;
    expect(output).toContain('not valid JSON');
    expect(output).not.toContain('    at ');
  });
});

describe('sim CLI: runs', () => {
  it('plays sirte-2020 from a seed and prints the final state hash', () => {
    const { code, text } = run(['--scenario', 'sirte-2020', '--seed', '1']);
    expect(code).toBe(0);
    expect(text).toMatch(/Final state hash: [0-9a-f]+/);
    expect(text).toContain('Ending: ');
  });

  it('the same seed prints the same hash', () => {
    const hash = (t: string) => /Final state hash: (\S+)/.exec(t)?.[1];
    const a = run(['--scenario', 'sirte-2020', '--seed', 'twice']);
    const b = run(['--scenario', 'sirte-2020', '--seed', 'twice']);
    expect(hash(a.text)).toBeDefined();
    expect(hash(b.text)).toBe(hash(a.text));
  });

  it('--runs 5 --json prints JSON with five games', () => {
    const { code, text } = run(['--scenario', 'sirte-2020', '--runs', '5', '--json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(text) as { scenario: string; runs: number; endings: Record<string, number> };
    expect(parsed.scenario).toBe('sirte-2020');
    expect(parsed.runs).toBe(5);
    expect(Object.values(parsed.endings).reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('--json for one game prints JSON with the hash', () => {
    const { code, text } = run(['--scenario', 'sirte-2020', '--seed', '1', '--json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(text) as { hash: string; ending: { kind: string } };
    expect(parsed.hash).toMatch(/^[0-9a-f]+$/);
    expect(parsed.ending.kind).toBeTruthy();
  });
});
