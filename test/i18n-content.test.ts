// The content of levels/ in the player's language (src/i18n/content-keys.ts, src/i18n/content.ts,
// locales/<lang>/content/): which strings are text and how they are keyed; the shown copy of a
// scenario keeps every id, number and reference and leaves the sim's scenario (and its hash)
// untouched; every text of every scenario, map, guide, the glossary and the primer is told in
// Arabic, French and Italian; the check fails on a missing, extra, empty or untranslated text.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/cli/files.ts';
import { contentText, isShownCopy, loadContent, scenarioContent, shownScenario, shownTree } from '../src/i18n/content.ts';
import { eachText, extractText, isText, retold } from '../src/i18n/content-keys.ts';
import { PSEUDO_MARK, setLang } from '../src/i18n/index.ts';
import { scenarioHash } from '../src/sim/index.ts';
import type { Scenario } from '../src/sim/types.ts';
import { contentFiles } from '../tools/content-extract.ts';
import { checkCatalogues } from '../tools/i18n-check.ts';
import { ROOT } from './e2e/harness.ts';

afterEach(async () => {
  await setLang('en');
});

const SCENARIOS = ['sirte-2020', 'tripoli-2019', 'geneva-2020', 'red-line-2020', 'tutorial'];

function scenario(id: string): Scenario {
  const loaded = loadScenarioFile(id);
  if (!loaded.ok) throw new Error(`cannot load ${id}`);
  return loaded.value;
}

/** Every leaf of a tree that is not text, by path: what a translation must never change. */
function skeleton(tree: unknown): string[] {
  const out: string[] = [];
  const texts = new Set<string>();
  eachText(tree, (key) => texts.add(key));
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
    else out.push(`${path}=${typeof node === 'string' ? '<s>' : String(node)}`);
  };
  walk(tree, '');
  return out;
}

describe('content keys: which strings are text', () => {
  it.each([
    ['title', 'Sirte Falls', false, true],
    ['text', 'The LNA takes Sirte.', false, true],
    ['by', 'lna', false, false],
    ['by', 'UN Support Mission in Libya (UNSMIL)', false, true],
    ['place', 'tripoli', false, false],
    ['source', 'reference §4.2 [M]', false, false],
    ['year', '2020–2021', false, false],
    ['gna', 'It is 8 January 2020.', true, true],
    ['id', 'oil-blockade', false, false],
    ['shortName', 'GNA', false, true],
  ])('%s = %j (under a briefing: %s) → %s', (field, value, briefing, text) => {
    expect(isText(field, value, briefing)).toBe(text);
  });

  it('keys follow the structure: ids for items that have one, positions for the rest', () => {
    const tree = { title: 'A war', events: [{ id: 'berlin', title: 'Berlin', choice: { options: [{ id: 'yes', label: 'Go to Berlin' }] } }], goals: ['Hold Tripoli', 'Win'] };
    expect(extractText(tree)).toEqual({ title: 'A war', 'events.berlin.title': 'Berlin', 'events.berlin.choice.options.yes.label': 'Go to Berlin', 'goals.0': 'Hold Tripoli', 'goals.1': 'Win' });
    const told = retold(tree, (key, english) => `${key}:${english}`);
    expect(told.events[0]?.choice.options[0]?.label).toBe('events.berlin.choice.options.yes.label:Go to Berlin');
    expect(told.events[0]?.id).toBe('berlin');
    expect(tree.title).toBe('A war');
  });

  it('the English catalogues are what levels/ holds (npm run i18n-extract)', () => {
    for (const c of contentFiles(ROOT)) {
      expect(JSON.parse(readFileSync(join(ROOT, `locales/en/content/${c.name}.json`), 'utf8')), c.name).toEqual(c.english);
    }
  });
});

describe('the shown copy of a scenario', () => {
  it.each(SCENARIOS)('%s: in every language, the same ids, numbers and structure; the sim scenario and its hash untouched', async (id) => {
    const s = scenario(id);
    const hash = scenarioHash(s);
    const before = JSON.stringify(s);
    for (const l of ['ar', 'fr', 'it', 'qps'] as const) {
      await setLang(l);
      await loadContent(...scenarioContent(s));
      const shown = shownScenario(s);
      expect(shown).not.toBe(s);
      expect(isShownCopy(shown)).toBe(true);
      expect(isShownCopy(s)).toBe(false);
      expect(skeleton(shown)).toEqual(skeleton(s));
      expect(shownScenario(s)).toBe(shown);
      expect(shown.title).not.toBe(s.title);
      if (l === 'ar') expect(shown.title).toMatch(/[\u0600-\u06FF]/);
      if (l === 'qps') expect(shown.briefing.gna).toMatch(PSEUDO_MARK);
    }
    expect(JSON.stringify(s)).toBe(before);
    expect(scenarioHash(s)).toBe(hash);
    await setLang('en');
    expect(shownScenario(s)).toBe(s);
  });

  it('every text of every content file is translated in ar, fr and it (a text left in English is only a title kept as published)', async () => {
    for (const l of ['ar', 'fr', 'it'] as const) {
      await setLang(l);
      for (const { name, english } of contentFiles(ROOT)) {
        await loadContent(name);
        const same = Object.entries(english).filter(([key, text]) => text.length > 30 && contentText(name, key, text) === text && !/^reading\.[^.]+\.(title|by)$/.test(key));
        expect(same, `${l} ${name}`).toEqual([]);
        if (l === 'ar') {
          const latin = Object.entries(english).filter(([key, text]) => /\p{L}{4}/u.test(text) && !/[\u0600-\u06FF]/.test(contentText(name, key, text)) && !/^reading\./.test(key));
          expect(latin, `${l} ${name}`).toEqual([]);
        }
      }
    }
  });

  it('a lesson form is named as its full form, in the language', async () => {
    const loaded = loadScenarioFile('sirte-2020-lesson');
    if (!loaded.ok) throw new Error('no lesson form');
    await setLang('fr');
    await loadContent(...scenarioContent(loaded.value));
    expect(shownScenario(loaded.value).title).toBe('La chute de Syrte — version leçon');
  });

  it('the glossary and a guide in Arabic keep their ids', async () => {
    await setLang('ar');
    await loadContent('glossary');
    const g = JSON.parse(readFileSync(join(ROOT, 'levels/glossary.json'), 'utf8')) as { entries: { id: string; name: string }[] };
    const shown = shownTree('glossary', g);
    expect(shown.entries.map((e) => e.id)).toEqual(g.entries.map((e) => e.id));
    expect(shown.entries.find((e) => e.id === 'gna')?.name).toMatch(/[\u0600-\u06FF]/);
  });
});

describe('the content check', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
  });

  function copy(): string {
    const root = mkdtempSync(join(tmpdir(), 'content-check-'));
    roots.push(root);
    for (const dir of ['locales', 'levels', 'src']) cpSync(join(ROOT, dir), join(root, dir), { recursive: true });
    return root;
  }

  it('passes on the repository', () => {
    const result = checkCatalogues(ROOT);
    expect(result.problems).toEqual([]);
    expect(result.content).toBeGreaterThan(2000);
  });

  it('fails on a missing, extra, empty or untranslated text, and on English out of date with levels/', () => {
    const root = copy();
    const file = join(root, 'locales/fr/content/scenario.sirte-2020.json');
    const cat = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    const en = JSON.parse(readFileSync(join(root, 'locales/en/content/scenario.sirte-2020.json'), 'utf8')) as Record<string, string>;
    delete cat.title;
    cat['events.nope.title'] = 'Rien';
    cat.subtitle = ' ';
    cat['briefing.gna'] = en['briefing.gna'] as string;
    writeFileSync(file, JSON.stringify(cat));
    const level = join(root, 'levels/scenarios/sirte-2020.json');
    writeFileSync(level, readFileSync(level, 'utf8').replace('"Sirte Falls"', '"Sirte Has Fallen"'));
    const problems = checkCatalogues(root).problems.join('\n');
    expect(problems).toContain('locales/fr/content/scenario.sirte-2020.json: 1 missing key(s): title');
    expect(problems).toContain('key(s) English does not have: events.nope.title');
    expect(problems).toContain('"subtitle" is empty');
    expect(problems).toContain('"briefing.gna" is left in English');
    expect(problems).toContain('locales/en/content/scenario.sirte-2020.json: out of date with levels/');
  });
});
