// Scenario files are data written by hand: every file in levels/ must load, and a broken
// file must be reported precisely (file, path inside the file, what is wrong), all at once.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, scenarioIds } from '../src/cli/files.ts';
import { loadScenario, type ScenarioProblem } from '../src/sim/index.ts';
import { loadMini, miniMap, miniScenarioFile } from './fixtures/mini.ts';

const SCENARIO_FILE = 'mini.json';
const MAP_FILE = 'mini-map.json';

type Node = Record<string, unknown> | unknown[];

/** Walks a dot path ("formations.0.location") to the container of its last key. */
function parentOf(root: unknown, path: string): { parent: Node; key: string } {
  const keys = path.split('.');
  const key = keys.pop() as string;
  let at: unknown = root;
  for (const k of keys) {
    if (typeof at !== 'object' || at === null) throw new Error(`no ${k} on the way to ${path}`);
    at = (at as Record<string, unknown>)[k];
  }
  if (typeof at !== 'object' || at === null) throw new Error(`no container for ${path}`);
  return { parent: at as Node, key };
}

function set(root: unknown, path: string, value: unknown): void {
  const { parent, key } = parentOf(root, path);
  (parent as Record<string, unknown>)[key] = value;
}

function get(root: unknown, path: string): unknown {
  const { parent, key } = parentOf(root, path);
  return (parent as Record<string, unknown>)[key];
}

function del(root: unknown, path: string): void {
  const { parent, key } = parentOf(root, path);
  delete (parent as Record<string, unknown>)[key];
}

function push(root: unknown, path: string, value: unknown): void {
  const list = get(root, path);
  if (!Array.isArray(list)) throw new Error(`${path} is not a list`);
  list.push(value);
}

function load(scenario: unknown, map: unknown = miniMap()) {
  return loadScenario({ file: SCENARIO_FILE, data: scenario }, [{ file: MAP_FILE, data: map }]);
}

function problemsOf(scenario: unknown, map: unknown = miniMap()): ScenarioProblem[] {
  const result = load(scenario, map);
  if (result.ok) throw new Error('expected the scenario to be rejected, but it loaded');
  return result.error;
}

interface Variant {
  name: string;
  /** Breaks one thing in deep clones of the mini scenario and map. */
  breakIt?: (scenario: unknown, map: unknown) => void;
  /** Replaces the whole scenario file's content instead. */
  replace?: unknown;
  file: string;
  path: string;
  /** Words the message must contain (case-insensitive). */
  words: string[];
}

const variants: Variant[] = [
  { name: 'the file is null', replace: null, file: SCENARIO_FILE, path: '', words: ['object'] },
  { name: 'the file is an array', replace: [miniScenarioFile()], file: SCENARIO_FILE, path: '', words: ['object'] },
  { name: 'the file is a string', replace: 'mini', file: SCENARIO_FILE, path: '', words: ['object'] },
  { name: 'a required key is missing (turns)', breakIt: (s) => del(s, 'turns'), file: SCENARIO_FILE, path: 'turns', words: ['missing', 'required'] },
  { name: 'a nested required key is missing (sides.lna.capital)', breakIt: (s) => del(s, 'sides.lna.capital'), file: SCENARIO_FILE, path: 'sides.lna.capital', words: ['missing'] },
  { name: 'wrong type (turns: "ten")', breakIt: (s) => set(s, 'turns', 'ten'), file: SCENARIO_FILE, path: 'turns', words: ['number'] },
  { name: 'number out of range (loyalty 150)', breakIt: (s) => set(s, 'formations.1.loyalty', 150), file: SCENARIO_FILE, path: 'formations.1.loyalty', words: ['100'] },
  { name: 'negative number (money -5)', breakIt: (s) => set(s, 'sides.gna.money', -5), file: SCENARIO_FILE, path: 'sides.gna.money', words: ['0'] },
  { name: 'non-integer strength (2.5)', breakIt: (s) => set(s, 'formations.2.strength', 2.5), file: SCENARIO_FILE, path: 'formations.2.strength', words: ['whole number'] },
  { name: 'unknown key at top level', breakIt: (s) => set(s, 'difficulty', 'hard'), file: SCENARIO_FILE, path: 'difficulty', words: ['unknown key', 'difficulty'] },
  { name: 'unknown key nested (formations.0.colour)', breakIt: (s) => set(s, 'formations.0.colour', 'red'), file: SCENARIO_FILE, path: 'formations.0.colour', words: ['unknown key', 'colour'] },
  { name: 'id in upper case', breakIt: (s) => set(s, 'formations.0.id', 'West-Guard'), file: SCENARIO_FILE, path: 'formations.0.id', words: ['lower-case id'] },
  { name: 'id with spaces', breakIt: (s) => set(s, 'backers.2.id', 'on looker'), file: SCENARIO_FILE, path: 'backers.2.id', words: ['lower-case id'] },
  { name: 'bad date (2020-13-45)', breakIt: (s) => set(s, 'events.1.date', '2020-13-45'), file: SCENARIO_FILE, path: 'events.1.date', words: ['YYYY-MM-DD'] },
  { name: 'bad start date (1 Jan 2020)', breakIt: (s) => set(s, 'startDate', '1 Jan 2020'), file: SCENARIO_FILE, path: 'startDate', words: ['date'] },
  { name: 'a value not in the list (formation kind)', breakIt: (s) => set(s, 'formations.0.kind', 'navy'), file: SCENARIO_FILE, path: 'formations.0.kind', words: ['regular'] },
  {
    name: 'route to an unknown place, with a near miss',
    breakIt: (_s, m) => set(m, 'routes.1.to', 'front-citty'),
    file: MAP_FILE,
    path: 'routes.1.to',
    words: ['unknown place', '"front-citty"', 'did you mean "front-city"'],
  },
  {
    name: 'duplicate place id',
    breakIt: (_s, m) => push(m, 'places', { ...(get(m, 'places.7') as object), name: 'Second Oasis' }),
    file: MAP_FILE,
    path: 'places',
    words: ['"oasis"', 'more than once'],
  },
  {
    name: 'disconnected place in the map (no routes)',
    breakIt: (s, m) => {
      push(m, 'places', { id: 'island', name: 'Island', lat: 33, lon: 12, region: 'tripolitania', tags: ['town'], population: 1 });
      set(s, 'control.island', 'local');
    },
    file: MAP_FILE,
    path: 'places.8',
    words: ['"island"', 'not connected'],
  },
  {
    name: 'a route joining a place to itself',
    breakIt: (_s, m) => set(m, 'routes.0.to', 'west-capital'),
    file: MAP_FILE,
    path: 'routes.0',
    words: ['two different places'],
  },
  {
    name: 'duplicate formation id',
    breakIt: (s) => set(s, 'formations.1.id', 'west-guard'),
    file: SCENARIO_FILE,
    path: 'formations',
    words: ['"west-guard"', 'more than once'],
  },
  {
    name: 'a reserve with the id of a formation',
    breakIt: (s) => set(s, 'reserves.0.id', 'east-guard'),
    file: SCENARIO_FILE,
    path: 'formations',
    words: ['"east-guard"', 'more than once'],
  },
  {
    name: 'formation at an unknown place',
    breakIt: (s) => set(s, 'formations.4.location', 'east-capitol'),
    file: SCENARIO_FILE,
    path: 'formations.4.location',
    words: ['unknown place', 'did you mean "east-capital"'],
  },
  {
    name: 'a home at an unknown place',
    breakIt: (s) => set(s, 'formations.4.home', 'east-capitol'),
    file: SCENARIO_FILE,
    path: 'formations.4.home',
    words: ['unknown place', 'did you mean "east-capital"'],
  },
  {
    name: 'reserve at an unknown place',
    breakIt: (s) => set(s, 'reserves.0.location', 'atlantis'),
    file: SCENARIO_FILE,
    path: 'reserves.0.location',
    words: ['unknown place', '"atlantis"'],
  },
  {
    name: 'formation paid by an unknown backer',
    breakIt: (s) => set(s, 'formations.2.backer', 'patron-north'),
    file: SCENARIO_FILE,
    path: 'formations.2.backer',
    words: ['unknown backer', '"patron-north"'],
  },
  {
    name: 'backer rival unknown',
    breakIt: (s) => set(s, 'backers.0.rivals.0', 'patron-eats'),
    file: SCENARIO_FILE,
    path: 'backers.0.rivals.0',
    words: ['unknown backer', 'did you mean "patron-east"'],
  },
  {
    name: 'backer its own rival',
    breakIt: (s) => push(s, 'backers.0.rivals', 'patron-west'),
    file: SCENARIO_FILE,
    path: 'backers.0.rivals',
    words: ['own rival'],
  },
  {
    name: 'backer commitment above maxCommitment',
    breakIt: (s) => set(s, 'backers.1.maxCommitment', 1),
    file: SCENARIO_FILE,
    path: 'backers.1.commitment',
    words: ['maxCommitment'],
  },
  {
    name: 'backer red line at an unknown place',
    breakIt: (s) => set(s, 'backers.1.redLines.0', 'front-town'),
    file: SCENARIO_FILE,
    path: 'backers.1.redLines.0',
    words: ['unknown place'],
  },
  {
    name: 'ladder deploys a formation not in reserves',
    breakIt: (s) => set(s, 'backers.0.ladder.3.deploys.0', 'west-guard'),
    file: SCENARIO_FILE,
    path: 'backers.0.ladder.3.deploys.0',
    words: ['unknown formation', '"west-guard"'],
  },
  {
    name: 'event deploys a formation not in reserves',
    breakIt: (s) => set(s, 'events.2.effects', [{ kind: 'deploy', formation: 'east-guard' }]),
    file: SCENARIO_FILE,
    path: 'events.2.effects.0.formation',
    words: ['unknown formation', '"east-guard"'],
  },
  {
    name: 'event redeploys a formation that does not exist',
    breakIt: (s) => set(s, 'events.2.effects', [{ kind: 'redeploy', formation: 'east-gaurd', to: 'east-capital' }]),
    file: SCENARIO_FILE,
    path: 'events.2.effects.0.formation',
    words: ['unknown formation', 'did you mean "east-guard"'],
  },
  {
    name: 'event redeploys a formation to an unknown place',
    breakIt: (s) => set(s, 'events.2.effects', [{ kind: 'redeploy', formation: 'east-guard', to: 'east-capitol' }]),
    file: SCENARIO_FILE,
    path: 'events.2.effects.0.to',
    words: ['unknown place', 'did you mean "east-capital"'],
  },
  {
    name: 'event pulls a side back from an unknown place',
    breakIt: (s) => set(s, 'events.2.effects', [{ kind: 'fall-back', side: 'lna', from: ['east-capital', 'front-cty'], to: 'east-capital' }]),
    file: SCENARIO_FILE,
    path: 'events.2.effects.0.from.1',
    words: ['unknown place', 'did you mean "front-city"'],
  },
  {
    name: 'event pulls a side back from nowhere',
    breakIt: (s) => set(s, 'events.2.effects', [{ kind: 'fall-back', side: 'lna', from: [], to: 'east-capital' }]),
    file: SCENARIO_FILE,
    path: 'events.2.effects.0.from',
    words: ['at least one place to leave'],
  },
  {
    name: 'event naming an unknown actor',
    breakIt: (s) => set(s, 'events.0.actors.2', 'patron-wset'),
    file: SCENARIO_FILE,
    path: 'events.0.actors.2',
    words: ['unknown actor', 'did you mean "patron-west"'],
  },
  {
    name: 'event effect naming an unknown backer',
    breakIt: (s) => set(s, 'events.2.effects.0.backer', 'patron-south'),
    file: SCENARIO_FILE,
    path: 'events.2.effects.0.backer',
    words: ['unknown backer', '"patron-south"'],
  },
  {
    name: 'choice option effect naming an unknown formation',
    breakIt: (s) => set(s, 'events.0.choice.options.1.effects.0', { kind: 'loyalty', formation: 'ghost-brigade', delta: -5 }),
    file: SCENARIO_FILE,
    path: 'events.0.choice.options.1.effects.0.formation',
    words: ['unknown formation', '"ghost-brigade"'],
  },
  {
    name: 'event condition naming an unknown event',
    breakIt: (s) => set(s, 'events.1.when.eventFired', ['truce-cal']),
    file: SCENARIO_FILE,
    path: 'events.1.when.eventFired.0',
    words: ['unknown event', 'did you mean "truce-call"'],
  },
  {
    name: 'event condition on an unknown place',
    breakIt: (s) => set(s, 'events.1.when.controls.0.place', 'termnial'),
    file: SCENARIO_FILE,
    path: 'events.1.when.controls.0.place',
    words: ['unknown place', 'did you mean "terminal"'],
  },
  {
    name: 'event dated before the scenario',
    breakIt: (s) => set(s, 'events.0.date', '2019-12-31'),
    file: SCENARIO_FILE,
    path: 'events.0.date',
    words: ['outside the scenario'],
  },
  {
    name: 'event dated after the scenario',
    // 10 turns of 14 days from 2020-01-01: the last day is 2020-05-19.
    breakIt: (s) => set(s, 'events.2.date', '2020-05-20'),
    file: SCENARIO_FILE,
    path: 'events.2.date',
    words: ['outside the scenario'],
  },
  {
    name: 'duplicate event id',
    breakIt: (s) => set(s, 'events.2.id', 'blockade'),
    file: SCENARIO_FILE,
    path: 'events',
    words: ['"blockade"', 'more than once'],
  },
  {
    name: 'choice with a duplicate option id',
    breakIt: (s) => set(s, 'events.0.choice.options.1.id', 'accept'),
    file: SCENARIO_FILE,
    path: 'events.0.choice.options',
    words: ['"accept"', 'more than once'],
  },
  {
    name: 'choice with a single option',
    breakIt: (s) => (get(s, 'events.0.choice.options') as unknown[]).pop(),
    file: SCENARIO_FILE,
    path: 'events.0.choice.options',
    words: ['at least two options'],
  },
  {
    name: 'a place with no controller',
    breakIt: (s) => del(s, 'control.oasis'),
    file: SCENARIO_FILE,
    path: 'control',
    words: ['"oasis"', 'no controller'],
  },
  {
    name: 'control of an unknown place',
    breakIt: (s) => set(s, 'control.west-twon', 'gna'),
    file: SCENARIO_FILE,
    path: 'control.west-twon',
    words: ['unknown place', 'did you mean "west-town"'],
  },
  {
    name: 'capital not controlled by its side',
    breakIt: (s) => set(s, 'control.east-capital', 'local'),
    file: SCENARIO_FILE,
    path: 'sides.lna.capital',
    words: ['"east-capital"', 'under its control'],
  },
  {
    name: 'side filed under the wrong key',
    breakIt: (s) => set(s, 'sides.gna.id', 'lna'),
    file: SCENARIO_FILE,
    path: 'sides.gna.id',
    words: ['"gna"'],
  },
  {
    name: 'unknown map id, with a near miss',
    breakIt: (s) => set(s, 'map', 'minni'),
    file: SCENARIO_FILE,
    path: 'map',
    words: ['unknown map', 'did you mean "mini"'],
  },
  {
    name: 'a playable role listed twice',
    breakIt: (s) => push(s, 'playable', 'gna'),
    file: SCENARIO_FILE,
    path: 'playable.3',
    words: ['listed twice'],
  },
];

describe('the scenarios in levels/', () => {
  it('the flagship scenario is there', () => {
    expect(scenarioIds()).toContain('sirte-2020');
  });

  it('every scenario file loads against the maps in levels/maps', () => {
    const ids = scenarioIds();
    expect(ids.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const id of ids) {
      const result = loadScenarioFile(id);
      if (!result.ok) failures.push(...result.error.map((p) => `${id}: ${p.file} at ${p.path}: ${p.message}`));
      else expect(result.value.id, `${id}.json names itself`).toBe(id);
    }
    expect(failures).toEqual([]);
  });
});

describe('scenario validation', () => {
  it('the mini fixture validates', () => {
    const result = load(miniScenarioFile());
    expect(result.ok ? [] : result.error).toEqual([]);
    expect(loadMini().map.places).toHaveLength(8);
  });

  it('the table has at least 20 broken variants', () => {
    expect(variants.length).toBeGreaterThanOrEqual(20);
  });

  it.each(variants)('$name → $path', ({ breakIt, replace, file, path, words }) => {
    let scenario: unknown;
    const map: unknown = structuredClone(miniMap());
    if (breakIt) {
      scenario = structuredClone(miniScenarioFile());
      breakIt(scenario, map);
    } else {
      scenario = replace;
    }
    const problems = problemsOf(scenario, map);
    const hit = problems.find((p) => p.path === path && p.file === file);
    expect(hit, `no problem at "${path}" in ${file}; got:\n${problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join('\n')}`).toBeDefined();
    for (const word of words) expect(hit!.message.toLowerCase()).toContain(word.toLowerCase());
    expect(hit!.message).not.toMatch(/\n\s+at /);
  });

  it('an unknown key inside the map is reported against the map file and its path', () => {
    const map = structuredClone(miniMap());
    set(map, 'places.3.elevation', 400);
    const problems = problemsOf(miniScenarioFile(), map);
    expect(problems).toContainEqual({ file: MAP_FILE, path: 'places.3.elevation', message: expect.stringContaining('unknown key') });
  });

  it('reports all schema problems at once', () => {
    const s = structuredClone(miniScenarioFile());
    set(s, 'turns', 'ten');
    set(s, 'formations.0.loyalty', 150);
    set(s, 'formations.3.strength', 2.5);
    set(s, 'formations.1.colour', 'blue');
    del(s, 'subtitle');
    const problems = problemsOf(s);
    expect(problems.length).toBeGreaterThanOrEqual(5);
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['turns', 'formations.0.loyalty', 'formations.3.strength', 'formations.1.colour', 'subtitle']));
    expect(problems.every((p) => p.file === SCENARIO_FILE)).toBe(true);
  });

  it('reports all cross-reference problems at once', () => {
    const s = structuredClone(miniScenarioFile());
    set(s, 'formations.4.location', 'nowhere');
    set(s, 'backers.0.rivals.0', 'nobody');
    set(s, 'events.0.actors.0', 'stranger');
    set(s, 'events.0.choice.options.1.id', 'accept');
    del(s, 'control.oasis');
    const problems = problemsOf(s);
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['formations.4.location', 'backers.0.rivals.0', 'events.0.actors.0', 'events.0.choice.options', 'control']),
    );
  });

  it('reports all map problems at once', () => {
    const m = structuredClone(miniMap());
    set(m, 'routes.0.from', 'west-capitl');
    set(m, 'routes.2.to', 'air-base');
    set(m, 'routes.5.to', 'nowhere-at-all');
    const problems = problemsOf(miniScenarioFile(), m);
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(problems.every((p) => p.file === MAP_FILE)).toBe(true);
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['routes.0.from', 'routes.2.to', 'routes.5.to']));
  });

  it('a near miss is suggested, a wild guess is not', () => {
    const s = structuredClone(miniScenarioFile());
    set(s, 'formations.0.location', 'zzzzzzzzzzzz');
    const [problem] = problemsOf(s);
    expect(problem?.message).toContain('unknown place "zzzzzzzzzzzz"');
    expect(problem?.message).not.toContain('did you mean');
  });
});
