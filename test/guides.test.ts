// The teacher's guides (levels/guides/*.json): every scenario has one that passes the schema
// (src/content/guide-schema.ts); every concept card, scenario and role a guide names exists;
// a malformed guide is refused with every problem, each with its file and path; and the
// guides hold no trace of the reference's confidence tags.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVELS, loadScenarioFile, scenarioIds } from '../src/cli/files.ts';
import { checkGuideReferences, formatGuideProblems, type Guide, type GuideProblem, type GuideReferences, parseGuide } from '../src/content/guide-schema.ts';
import { bundledGuideIds, GuideLoadError, loadBundledGuide, validateGuideFile } from '../src/content/guides.ts';
import { loadGlossary } from '../src/sim/index.ts';

const GUIDES = join(LEVELS, 'guides');
const guideFiles = readdirSync(GUIDES)
  .filter((f) => f.endsWith('.json'))
  .sort();
const readGuide = (name: string): unknown => JSON.parse(readFileSync(join(GUIDES, name), 'utf8'));

const glossary = (() => {
  const result = loadGlossary({ file: 'levels/glossary.json', data: JSON.parse(readFileSync(join(LEVELS, 'glossary.json'), 'utf8')) });
  if (!result.ok) throw new Error('levels/glossary.json is invalid: see test/glossary.test.ts');
  return result.value;
})();
const glossaryConcepts = new Set<string>(glossary.concepts.map((c) => c.id));

function referencesFor(scenarioId: string): GuideReferences {
  const loaded = loadScenarioFile(scenarioId);
  if (!loaded.ok) throw new Error(`${scenarioId} does not load`);
  const s = loaded.value;
  return {
    scenario: { id: s.id, playable: s.playable, backers: s.backers.map((b) => b.id) },
    concepts: glossaryConcepts,
  };
}

/** A valid guide to break: the flagship's, parsed afresh each time. */
const sample = (): Record<string, unknown> => readGuide('sirte-2020.json') as Record<string, unknown>;
const parseSample = (data: unknown) => parseGuide('levels/guides/sirte-2020.json', data);
const problemsOf = (data: unknown): GuideProblem[] => {
  const result = parseSample(data);
  return result.ok ? [] : result.error;
};
const parsed = (data: unknown): Guide => {
  const result = parseSample(data);
  if (!result.ok) throw new Error(formatGuideProblems(result.error));
  return result.value;
};

// biome-ignore lint/suspicious/noExplicitAny: the tests break a guide's JSON by hand, at any depth
type Json = Record<string, any>;

describe('the bundled guides', () => {
  it('every scenario has a guide, and every guide a scenario', () => {
    expect(guideFiles.map((f) => f.slice(0, -5))).toEqual(scenarioIds());
    expect(bundledGuideIds()).toEqual(scenarioIds());
  });

  it.each(scenarioIds())('%s: its guide passes the schema and names only what exists', (id) => {
    const file = `levels/guides/${id}.json`;
    const result = parseGuide(file, readGuide(`${id}.json`));
    expect(result.ok ? [] : formatGuideProblems(result.error).split('\n')).toEqual([]);
    if (!result.ok) return;
    expect(result.value.scenario).toBe(id);
    expect(formatGuideProblems(checkGuideReferences(file, result.value, referencesFor(id))).split('\n').filter(Boolean)).toEqual([]);
  });

  it.each(scenarioIds())('%s: the game loads its guide as a chunk of its own and validates it', async (id) => {
    const guide = await loadBundledGuide(id);
    expect(guide.scenario).toBe(id);
    expect(guide.lessons.map((l) => l.minutes).sort()).toEqual([50, 90]);
    expect(guide.seating.plans.map((p) => p.students).sort((a, b) => a - b)).toEqual([3, 7, 15, 30]);
  });

  it('holds no reference tags ([M], [S], [D], [G]) or section marks in any text', () => {
    const leaks: string[] = [];
    const walk = (value: unknown, where: string): void => {
      if (typeof value === 'string') {
        if (/\[(?:M|S|D|G)(?:\s*\/\s*(?:M|S|D|G))*\]|§/.test(value)) leaks.push(`${where}: ${value.slice(0, 80)}`);
      } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}.${i}`));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
    };
    for (const f of guideFiles) walk(readGuide(f), f);
    expect(leaks).toEqual([]);
  });

  it('every guide gives discussion questions on at least five different concept cards', () => {
    for (const f of guideFiles) {
      const guide = parsed(readGuide(f));
      expect(new Set(guide.questions.flatMap((q) => q.concepts)).size, f).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('a malformed guide is refused, with its file and the path of each problem', () => {
  // Each case breaks a copy of a valid guide (or returns something else to parse instead).
  it.each<[string, (g: Json) => unknown, { path: string; message: RegExp }[]]>([
    ['a list instead of an object', () => [], [{ path: '', message: /^expected a teacher's guide \(a JSON object\), but the file holds a list$/ }]],
    ['an unknown key', (g) => void (g.colour = 'red'), [{ path: 'colour', message: /^unknown key "colour"/ }]],
    ['no objectives', (g) => void delete g.objectives, [{ path: 'objectives', message: /^missing: "objectives" is required$/ }]],
    ['three objectives, the fewest allowed', (g) => void g.objectives.splice(3), []],
    ['one objective', (g) => void g.objectives.splice(1), [{ path: 'objectives', message: /at least 3 learning objectives/ }]],
    [
      'a history longer than a page',
      (g) => void g.history.paragraphs.push('word '.repeat(300).trim()),
      [{ path: 'history.paragraphs', message: /^the history runs to \d+ words: one page holds at most 600 with its sources$/ }],
    ],
    ['an empty paragraph', (g) => void (g.history.paragraphs[1] = ''), [{ path: 'history.paragraphs.1', message: /must not be empty/ }]],
    ['a source at an http:// address', (g) => void (g.history.sources[0].url = 'http://example.org'), [{ path: 'history.sources.0.url', message: /https:\/\// }]],
    ['half a minute', (g) => void (g.lessons[0].steps[0].minutes = 7.5), [{ path: 'lessons.0.steps.0.minutes', message: /whole number/ }]],
    ['a 45-minute lesson', (g) => void (g.lessons[0].minutes = 45), [{ path: 'lessons.0.minutes', message: /50|90/ }]],
    ['an unknown phase', (g) => void (g.lessons[0].steps[0].phase = 'lecture'), [{ path: 'lessons.0.steps.0.phase', message: /briefing|Invalid/ }]],
    ['a concept id in capitals', (g) => void (g.questions[0].concepts[0] = 'Ripeness'), [{ path: 'questions.0.concepts.0', message: /lower-case id/ }]],
    ['a question with no concept', (g) => void (g.questions[0].concepts = []), [{ path: 'questions.0.concepts', message: /at least 1 concept card/ }]],
    ['a seat for "turkey" (not a role)', (g) => void (g.seating.plans[1].tables[0].seats[3].role = 'turkey'), [{ path: 'seating.plans.1.tables.0.seats.3.role', message: /must be a role: gna, lna, mediator or backer:<backer id>/ }]],
    ['an assessment question without marks', (g) => void delete g.assessment[0].marks, [{ path: 'assessment.0.marks', message: /^missing: "marks" is required$/ }]],
    // The checks the schema alone cannot make:
    ['lesson steps that add up to 49 minutes', (g) => void (g.lessons[0].steps[0].minutes -= 1), [{ path: 'lessons.0.steps', message: /^the steps add up to 49 minutes, not the lesson's 50$/ }]],
    [
      'a briefing after the debrief',
      (g) => {
        g.lessons[0].steps.push({ phase: 'briefing', minutes: 1, title: 'Late', text: 'Too late.' });
        g.lessons[0].steps[0].minutes -= 1;
      },
      [{ path: 'lessons.0.steps.4.phase', message: /^a briefing step after the debrief: a lesson goes briefing, play, debrief$/ }],
    ],
    [
      'a lesson with no debrief',
      (g) => {
        for (const step of g.lessons[0].steps) if (step.phase === 'debrief') step.phase = 'play';
      },
      [{ path: 'lessons.0.steps', message: /^the lesson has no debrief step$/ }],
    ],
    [
      'two 50-minute lessons',
      (g) => void (g.lessons[1] = g.lessons[0]),
      [
        { path: 'lessons', message: /^there are 2 50-minute lesson plans; give one$/ },
        { path: 'lessons', message: /^a 90-minute lesson plan is missing$/ },
      ],
    ],
    ['no plan for a class of 30', (g) => void g.seating.plans.pop(), [{ path: 'seating.plans', message: /^the plan for a class of 30 is missing$/ }]],
    ['a plan for 16', (g) => void (g.seating.plans[2].students = 16), [{ path: 'seating.plans.2.students', message: /3|7|15|30/ }]],
    [
      'tables that seat 10 of 15',
      (g) => {
        g.seating.plans[2].tables[0].count = 2;
      },
      [{ path: 'seating.plans.2.tables', message: /^the tables seat 10 students, not the class of 15$/ }],
    ],
    ['one role twice at a table', (g) => void (g.seating.plans[0].tables[0].seats[2].role = 'gna'), [{ path: 'seating.plans.0.tables.0.seats.2.role', message: /^"gna" has two seats at one table/ }]],
    ['a concept named twice in a question', (g) => void (g.questions[1].concepts = ['ripeness', 'ripeness']), [{ path: 'questions.1.concepts', message: /^concept "ripeness" is named twice$/ }]],
  ])('%s', (_label, breakIt, expected) => {
    const g = sample() as Json;
    const problems = problemsOf(breakIt(g) ?? g);
    expect(problems.map((p) => p.file)).toEqual(expected.map(() => 'levels/guides/sirte-2020.json'));
    expect(problems.map((p) => p.path)).toEqual(expected.map((e) => e.path));
    problems.forEach((p, i) => expect(p.message).toMatch(expected[i]?.message as RegExp));
  });

  it('reports every problem at once, each as "file at path: message"', () => {
    const g = sample() as Json;
    g.objectives = [];
    g.seating.plans.pop();
    delete g.reading;
    const text = formatGuideProblems(problemsOf(g));
    expect(text.split('\n')).toEqual([
      'levels/guides/sirte-2020.json at objectives: needs at least 3 learning objectives',
      'levels/guides/sirte-2020.json at reading: missing: "reading" is required',
    ]);
    // The whole-guide checks run once the shape is sound.
    g.objectives = ['a', 'b', 'c'];
    g.reading = sample().reading;
    expect(formatGuideProblems(problemsOf(g))).toBe('levels/guides/sirte-2020.json at seating.plans: the plan for a class of 30 is missing');
  });
});

describe('what a guide names must exist', () => {
  const refs = referencesFor('sirte-2020');
  const check = (g: Json, r: GuideReferences = refs) => checkGuideReferences('levels/guides/sirte-2020.json', parsed(g), r).map((p) => `${p.path}: ${p.message}`);
  const withPlayable = (playable: string[]): GuideReferences => ({ ...refs, scenario: { ...refs.scenario, playable } });

  it.each<[string, (g: Json) => void, string[]]>([
    ['an unknown concept card', (g) => (g.questions[2].concepts[1] = 'balance-of-power'), ['questions.2.concepts.1: there is no concept card "balance-of-power" in the glossary']],
    ['a near miss in the debrief', (g) => (g.debrief[0].concepts = ['ripeness-theory']), ['debrief.0.concepts.0: there is no concept card "ripeness-theory" in the glossary']],
    ['an unknown card in an assessment question', (g) => (g.assessment[0].concepts = ['hegemony']), ['assessment.0.concepts.0: there is no concept card "hegemony" in the glossary']],
    ['a seat for another scenario\'s backer', (g) => (g.seating.plans[1].tables[0].seats[3].role = 'backer:greece'), ['seating.plans.1.tables.0.seats.3.role: sirte-2020 has no backer "greece" (it has turkey, qatar, italy, uae, egypt, jordan, russia, france, saudi-arabia, sudan-rsf, united-states, algeria)']],
  ])('%s', (_label, breakIt, expected) => {
    const g = sample() as Json;
    breakIt(g);
    expect(check(g)).toEqual(expected);
  });

  it('a concept card missing from the glossary is reported wherever a guide names it', () => {
    const used = (id: string) => `there is no concept card "${id}" in the glossary`;
    const without = new Set([...glossaryConcepts].filter((id) => !['security-dilemma', 'red-line-credibility', 'embargo-enforcement'].includes(id)));
    expect(check(sample(), { ...refs, concepts: without })).toEqual([
      `questions.1.concepts.1: ${used('security-dilemma')}`,
      `questions.4.concepts.0: ${used('red-line-credibility')}`,
      `questions.5.concepts.0: ${used('embargo-enforcement')}`,
      `debrief.4.concepts.1: ${used('red-line-credibility')}`,
      `assessment.4.concepts.0: ${used('red-line-credibility')}`,
    ]);
  });

  it('a role the scenario does not make playable is reported at every seat', () => {
    const found = check(sample(), withPlayable(['gna']));
    expect(found).toHaveLength(8);
    for (const line of found) expect(line).toMatch(/^seating\.plans\.[0-3]\.tables\.0\.seats\.[12]\.role: "(lna|mediator)" is not a playable role of sirte-2020 \(it has gna\)$/);
  });

  it('once backers are playable roles, a backer seat must be one of them', () => {
    const sides = refs.scenario.playable.filter((r) => !r.startsWith('backer:'));
    expect(check(sample(), withPlayable([...sides, 'backer:turkey', 'backer:russia']))).toEqual([
      'seating.plans.1.tables.0.seats.5.role: "backer:uae" is not among the playable roles of sirte-2020',
      'seating.plans.1.tables.0.seats.6.role: "backer:egypt" is not among the playable roles of sirte-2020',
      'seating.plans.3.tables.0.seats.5.role: "backer:uae" is not among the playable roles of sirte-2020',
      'seating.plans.3.tables.0.seats.6.role: "backer:egypt" is not among the playable roles of sirte-2020',
    ]);
    expect(check(sample(), withPlayable([...sides, 'backer:turkey', 'backer:russia', 'backer:uae', 'backer:egypt']))).toEqual([]);
  });

  it('a guide checked against another scenario says so', () => {
    expect(check(sample(), { ...refs, scenario: { ...refs.scenario, id: 'red-line-2020' } })).toEqual([
      'scenario: the guide is for "sirte-2020", not for the scenario "red-line-2020"',
    ]);
  });
});

describe('loading a guide in the game', () => {
  it('a file that holds another scenario\'s guide is refused with a sentence', () => {
    expect(() => validateGuideFile('red-line-2020', readGuide('sirte-2020.json'))).toThrow(
      'This teacher\'s guide could not be opened: its file is invalid (levels/guides/red-line-2020.json at scenario: the file holds the guide for "sirte-2020", not for "red-line-2020").',
    );
  });

  it('an invalid file names its first problem and how many more', () => {
    const g = sample() as Json;
    g.objectives = [];
    g.summary = '';
    let error: unknown;
    try {
      validateGuideFile('sirte-2020', g);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GuideLoadError);
    expect((error as GuideLoadError).message).toBe(
      "This teacher's guide could not be opened: its file is invalid (levels/guides/sirte-2020.json at summary: must not be empty; and 1 more problem).",
    );
    expect((error as GuideLoadError).problems).toHaveLength(2);
  });

  it('an unknown scenario has no guide', async () => {
    await expect(loadBundledGuide('atlantis-2020')).rejects.toThrow('There is no teacher\'s guide for "atlantis-2020" in this build.');
  });
});
