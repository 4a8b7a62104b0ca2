// The scenario catalog (tools/scenario-catalog.ts, `virtual:scenario-catalog`): the list the
// menu shows without loading any scenario agrees with the scenarios themselves, a file that
// cannot be listed is reported, and a scenario that loads badly is refused with a sentence.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOG } from 'virtual:scenario-catalog';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, playableScenarioIds } from '../src/cli/files.ts';
import { scenarioCatalog } from '../src/content/catalog.ts';
import { loadBundledScenario, ScenarioLoadError, validateScenarioFiles } from '../src/content/index.ts';
import { scenarioHash } from '../src/sim/index.ts';
import { readCatalog } from '../tools/scenario-catalog.ts';
import { ROOT } from './e2e/harness.ts';

describe('the scenario catalog', () => {
  it('is what the plugin reads from levels/, with every scenario file and nothing wrong', () => {
    expect(CATALOG).toEqual(readCatalog(ROOT));
    expect(CATALOG.problems).toEqual([]);
    expect(CATALOG.scenarios.map((s) => s.id).sort()).toEqual([...playableScenarioIds()].sort());
    expect(CATALOG.maps.map((m) => m.id).sort()).toEqual(['libya', 'tutorial-west']);
  });

  it('lists each scenario as its file says (what the menu and the explorer show before loading it)', () => {
    for (const meta of CATALOG.scenarios) {
      const loaded = loadScenarioFile(meta.id);
      if (!loaded.ok) throw new Error(`${meta.id} does not load`);
      const s = loaded.value;
      expect(meta, meta.id).toEqual({
        id: s.id,
        file: `levels/scenarios/${meta.file.split('/').pop()}`,
        map: s.map.id,
        title: s.title,
        subtitle: s.subtitle,
        startDate: s.startDate,
        turns: s.turns,
        turnDays: s.turnDays,
        playable: s.playable,
        backerSeats: s.playable
          .filter((r) => r.startsWith('backer:'))
          .map((role) => {
            const b = s.backers.find((x) => `backer:${x.id}` === role)!;
            return { role, name: b.name, client: b.client, summary: s.backerRoles?.[b.id]?.objectives.summary };
          }),
        tutorial: s.tutorial !== undefined,
        whatIfs: (s.whatIfs ?? []).map(({ id, label, description }) => ({ id, label, description })),
        // A full form lists its lesson form's length; a lesson form names its full form.
        ...(s.lesson && s.form !== 'lesson' ? { lesson: { turns: s.lesson.turns, turnDays: s.lesson.turnDays, note: s.lesson.note } } : {}),
        ...(s.form === 'lesson' ? { form: 'lesson', fullId: s.id.slice(0, -'-lesson'.length) } : {}),
      });
    }
  });

  it('puts the tutorial first, then the scenarios by start date', () => {
    const list = scenarioCatalog().scenarios;
    expect(list[0]?.id).toBe('tutorial');
    const dates = list.slice(1).map((s) => s.startDate);
    expect(dates).toEqual([...dates].sort());
    expect(list).toHaveLength(CATALOG.scenarios.length);
  });

  it('a file that cannot be listed is reported by name and not offered', () => {
    const root = mkdtempSync(join(tmpdir(), 'ceasefire-catalog-'));
    try {
      mkdirSync(join(root, 'levels/scenarios'), { recursive: true });
      mkdirSync(join(root, 'levels/maps'), { recursive: true });
      const good = { id: 'a', map: 'm', title: 'A', subtitle: 'a', startDate: '2020-01-01', turns: 3, playable: ['gna'] };
      writeFileSync(join(root, 'levels/scenarios/a.json'), JSON.stringify(good));
      writeFileSync(join(root, 'levels/scenarios/b.json'), JSON.stringify({ ...good, id: 'b', turns: 'three', playable: ['haftar'] }));
      writeFileSync(join(root, 'levels/scenarios/c.json'), '{"id": "c",');
      writeFileSync(join(root, 'levels/scenarios/d.json'), JSON.stringify({ ...good, title: 'Again' }));
      writeFileSync(join(root, 'levels/maps/m.json'), JSON.stringify({ id: 'm' }));
      const catalog = readCatalog(root);
      expect(catalog.scenarios.map((s) => s.id)).toEqual(['a']);
      expect(catalog.maps).toEqual([{ id: 'm', file: 'levels/maps/m.json' }]);
      // (Each with its message code too: test/error-text.test.ts.)
      expect(catalog.problems).toEqual([
        expect.objectContaining({ file: 'levels/scenarios/b.json', message: expect.stringMatching(/cannot be listed: "turns" \(a whole number\), "playable" \(a list of roles\) missing or of the wrong type/) }),
        expect.objectContaining({ file: 'levels/scenarios/c.json', message: expect.stringMatching(/^not readable JSON/) }),
        expect.objectContaining({ file: 'levels/scenarios/d.json', message: 'its id "a" is already used by levels/scenarios/a.json' }),
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('loading a bundled scenario', () => {
  it('loads and validates the one asked for, the same as the runner’s loader', async () => {
    const sirte = loadScenarioFile('sirte-2020');
    if (!sirte.ok) throw new Error('sirte-2020 does not load');
    const bundled = await loadBundledScenario('sirte-2020');
    expect(scenarioHash(bundled)).toBe(scenarioHash(sirte.value));
    // Loaded once: the same object the next time.
    expect(await loadBundledScenario('sirte-2020')).toBe(bundled);
  });

  it('an unknown id is refused with a sentence', async () => {
    await expect(loadBundledScenario('cyrenaica-2011')).rejects.toThrow('Unknown scenario "cyrenaica-2011".');
  });

  it('an invalid file is refused with its first problem and how many more, for the menu', () => {
    const meta = CATALOG.scenarios.find((s) => s.id === 'sirte-2020');
    if (!meta) throw new Error('no sirte-2020 in the catalog');
    const files = { meta, scenario: { file: meta.file, data: { id: 'sirte-2020', title: 'Broken' } }, maps: [] };
    let error: unknown;
    try {
      validateScenarioFiles(files);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioLoadError);
    const e = error as ScenarioLoadError;
    expect(e.message).toMatch(new RegExp(`^The scenario “${meta.title}” could not be loaded: its file is invalid \\(levels/scenarios/sirte-2020\\.json at \\w+: .+; and \\d+ more problems\\)\\.$`));
    expect(e.message).not.toContain('\n');
    expect(e.problems.length).toBeGreaterThan(1);
  });
});
