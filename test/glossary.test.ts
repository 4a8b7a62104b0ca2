// The teaching content: one concept card for each dynamic of the model, and a glossary entry
// for every actor and place the scenarios use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVELS, loadScenarioFile, scenarioIds } from '../src/cli/files.ts';
import { loadGlossary } from '../src/sim/index.ts';

const file = join(LEVELS, 'glossary.json');
const load = (data: unknown) => loadGlossary({ file: 'glossary.json', data });

describe('levels/glossary.json', () => {
  const result = load(JSON.parse(readFileSync(file, 'utf8')));

  it('validates', () => {
    expect(result.ok ? [] : result.error).toEqual([]);
  });

  it('has an entry for every actor and place of every scenario', () => {
    if (!result.ok) throw new Error('invalid glossary');
    const have = new Set(result.value.entries.map((e) => e.id));
    const missing: string[] = [];
    for (const id of scenarioIds()) {
      const loaded = loadScenarioFile(id);
      if (!loaded.ok) throw new Error(`${id} does not load`);
      const s = loaded.value;
      const ids = [...s.map.places.map((p) => p.id), ...s.backers.map((b) => b.id), ...s.formations.map((f) => f.id), ...s.reserves.map((f) => f.id)];
      for (const x of ids) if (!have.has(x)) missing.push(`${id}: ${x}`);
    }
    expect(missing).toEqual([]);
  });

  it.each<[string, (g: Record<string, unknown>) => void, RegExp]>([
    ['a missing concept', (g) => (g.concepts as unknown[]).pop(), /twelve concepts/],
    ['an unknown concept', (g) => ((g.concepts as Record<string, unknown>[])[0]!.id = 'vibes'), /Invalid type|Expected/],
    ['an extra key', (g) => (g.colour = 'red'), /unknown key/],
    ['an entry with an empty text', (g) => ((g.entries as Record<string, unknown>[])[0]!.text = ''), /empty/],
    ['a duplicate entry', (g) => (g.entries as unknown[]).push((g.entries as unknown[])[0]), /more than once/],
  ])('rejects %s', (_label, breakIt, message) => {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    breakIt(data);
    const r = load(data);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((p) => p.message).join('\n')).toMatch(message);
  });

  it('rejects a file that is not an object', () => {
    const r = load([1, 2, 3]);
    expect(!r.ok && r.error[0]?.message).toMatch(/JSON object/);
  });
});
