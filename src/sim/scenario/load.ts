// Turns raw JSON (a scenario file and the map it names) into a Scenario, or into the full
// list of what is wrong with it: file, path inside the file, and what is wrong.
import * as v from 'valibot';
import type { Condition, Effect, MapDef, Result, Scenario } from '../types.ts';
import { type GlossaryFile, glossarySchema, type MapFile, mapSchema, type PrimerFile, primerSchema, type RecordFile, recordSchema, type ScenarioFile, scenarioFileSchema } from './schema.ts';

export interface ScenarioProblem {
  file: string;
  /** Dot path inside the file, e.g. "events.3.actors.0"; "" for the whole file. */
  path: string;
  /**
   * What is wrong, in English and with no message code: the one English the core still writes,
   * on purpose. It is a tool for scenario authors, shown by the CLI and the build (and to
   * developers), never to a player: a bundled scenario that fails to load is a build error.
   */
  message: string;
}

export interface RawFile {
  file: string;
  data: unknown;
}

export function formatProblems(problems: readonly ScenarioProblem[]): string {
  return problems.map((p) => `${p.file}${p.path ? ` at ${p.path}` : ''}: ${p.message}`).join('\n');
}

/** Valibot's issues as problems a person can act on (file, path, what is wrong); the guides' loader uses it too. */
export function schemaProblems(file: string, issues: readonly v.BaseIssue<unknown>[]): ScenarioProblem[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue) ?? '';
    let message = issue.message;
    if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.input !== undefined && issue.expected === 'never') {
      message = `unknown key "${path.split('.').pop()}" (not part of the format)`;
    } else if (issue.input === undefined && issue.kind === 'schema') {
      message = `missing: ${issue.expected ?? 'a value'} is required`;
    }
    return { file, path, message };
  });
}

function notAnObject(raw: RawFile, what: string): ScenarioProblem[] | null {
  const d = raw.data;
  if (d !== null && typeof d === 'object' && !Array.isArray(d)) return null;
  const got = d === null ? 'null' : Array.isArray(d) ? 'a list' : typeof d;
  return [{ file: raw.file, path: '', message: `expected ${what} (a JSON object), but the file holds ${got}` }];
}

export function parseMap(raw: RawFile): Result<MapFile, ScenarioProblem[]> {
  const shape = notAnObject(raw, 'a map');
  if (shape) return { ok: false, error: shape };
  const parsed = v.safeParse(mapSchema, raw.data);
  if (!parsed.success) return { ok: false, error: schemaProblems(raw.file, parsed.issues) };
  const problems = checkMap(raw.file, parsed.output);
  return problems.length ? { ok: false, error: problems } : { ok: true, value: parsed.output };
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

/** Closest known id, for "did you mean" hints. */
function suggest(name: string, known: Iterable<string>): string {
  let best = '';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(current + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}

function checkMap(file: string, map: MapFile): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const placeIds = new Set(map.places.map((p) => p.id));
  for (const dup of duplicates(map.places.map((p) => p.id))) {
    problems.push({ file, path: 'places', message: `place id "${dup}" is used more than once` });
  }
  const seenRoutes = new Set<string>();
  map.routes.forEach((route, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!placeIds.has(route[end])) {
        problems.push({
          file,
          path: `routes.${i}.${end}`,
          message: `route to unknown place "${route[end]}"${suggest(route[end], placeIds)}`,
        });
      }
    }
    if (route.from === route.to) problems.push({ file, path: `routes.${i}`, message: 'a route must join two different places' });
    const key = [route.from, route.to].sort().join('|');
    if (seenRoutes.has(key)) problems.push({ file, path: `routes.${i}`, message: `route ${route.from}–${route.to} is listed twice` });
    seenRoutes.add(key);
  });
  // Every place must be reachable: an island place could never be fought over or supplied.
  if (problems.length === 0) {
    const adjacency = new Map<string, string[]>();
    for (const r of map.routes) {
      adjacency.set(r.from, [...(adjacency.get(r.from) ?? []), r.to]);
      adjacency.set(r.to, [...(adjacency.get(r.to) ?? []), r.from]);
    }
    const start = map.places[0]?.id;
    const reached = new Set<string>(start ? [start] : []);
    const queue = start ? [start] : [];
    while (queue.length) {
      const at = queue.shift() as string;
      for (const next of adjacency.get(at) ?? []) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    map.places.forEach((p, i) => {
      if (!reached.has(p.id)) problems.push({ file, path: `places.${i}`, message: `place "${p.id}" is not connected to the rest of the map by any route` });
    });
  }
  return problems;
}

/**
 * Loads a scenario file with the maps it may name. Returns every problem at once: all the
 * schema errors; or, once the structure is sound, all unresolved cross-references.
 */
/** The id of a scenario's lesson form. */
export const LESSON_SUFFIX = '-lesson';

/** A lesson form's title, as the loader and the catalog give it. */
export const lessonTitle = (title: string): string => `${title} — lesson form`;

/** Which file an id names and whether it asks for the lesson form: "sirte-2020-lesson" → sirte-2020, lesson. */
export function scenarioForm(id: string): { file: string; lesson: boolean } {
  return id.endsWith(LESSON_SUFFIX) && id.length > LESSON_SUFFIX.length ? { file: id.slice(0, -LESSON_SUFFIX.length), lesson: true } : { file: id, lesson: false };
}

/**
 * Loads a scenario file, validated, with its map. With `lesson`, its short form: the same
 * start and events in the lesson's fewer, longer turns (an error if the file has none).
 */
export function loadScenario(raw: RawFile, maps: readonly RawFile[], options: { lesson?: boolean } = {}): Result<Scenario, ScenarioProblem[]> {
  const file = raw.file;
  const shape = notAnObject(raw, 'a scenario');
  if (shape) return { ok: false, error: shape };
  const parsed = v.safeParse(scenarioFileSchema, raw.data);
  if (!parsed.success) return { ok: false, error: schemaProblems(file, parsed.issues) };
  let s = parsed.output;
  if (options.lesson) {
    if (!s.lesson) return { ok: false, error: [{ file, path: 'lesson', message: `"${s.id}" has no lesson form` }] };
    const { turns, turnDays, rounds } = s.lesson;
    s = { ...s, id: `${s.id}${LESSON_SUFFIX}`, title: lessonTitle(s.title), turns, turnDays, rounds, form: 'lesson' } as typeof s;
  }
  const mapRaw = maps.find((m) => (m.data as { id?: unknown } | null)?.id === s.map);
  if (!mapRaw) {
    const known = maps.map((m) => String((m.data as { id?: unknown } | null)?.id));
    return { ok: false, error: [{ file, path: 'map', message: `unknown map "${s.map}"${suggest(s.map, known)}` }] };
  }
  const map = parseMap(mapRaw);
  if (!map.ok) return map;
  const problems = checkReferences(file, s, map.value);
  if (problems.length) return { ok: false, error: problems };
  const { $schema: _schema, map: _mapId, ...rest } = s;
  const scenario: Scenario = { ...rest, playable: rest.playable as Scenario['playable'], map: map.value as MapDef };
  return { ok: true, value: interned(scenario) };
}

/**
 * The same JSON value with every string interned: the one copy of its text that V8 keeps for
 * property names. JSON.parse interns only strings of up to ten characters, so ids such as
 * "brigade-301" or "egyptian-army" would otherwise be separate copies, slower to compare, to
 * look up in a Map and to use as a key (the state's records by id), and met beside interned
 * ones they throw optimised code away. Using a string as a key of an object literal interns
 * it; the values are unchanged.
 */
function interned<T>(value: T): T {
  if (typeof value === 'string') return (Object.keys({ [value]: 0 })[0] ?? value) as T;
  if (Array.isArray(value)) return value.map(interned) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(value)) out[k] = interned(x);
  return out as T;
}

function checkReferences(file: string, s: ScenarioFile, map: MapFile): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const add = (path: string, message: string) => problems.push({ file, path, message });
  const places = new Set(map.places.map((p) => p.id));
  const formations = new Set(s.formations.map((f) => f.id));
  const reserves = new Set(s.reserves.map((f) => f.id));
  const allFormations = new Set([...formations, ...reserves]);
  const backers = new Set(s.backers.map((b) => b.id));
  const events = new Set(s.events.map((e) => e.id));
  const actors = new Set<string>(['gna', 'lna', 'mediator', ...backers, ...allFormations]);

  const place = (path: string, id: string) => {
    if (!places.has(id)) add(path, `unknown place "${id}"${suggest(id, places)}`);
  };
  const backer = (path: string, id: string) => {
    if (!backers.has(id)) add(path, `unknown backer "${id}"${suggest(id, backers)}`);
  };
  const formation = (path: string, id: string, pool: Set<string> = allFormations) => {
    if (!pool.has(id)) add(path, `unknown formation "${id}"${suggest(id, pool)}`);
  };
  const event = (path: string, id: string) => {
    if (!events.has(id)) add(path, `unknown event "${id}"${suggest(id, events)}`);
  };

  for (const dup of duplicates([...s.formations, ...s.reserves].map((f) => f.id))) add('formations', `formation id "${dup}" is used more than once`);
  for (const dup of duplicates(s.backers.map((b) => b.id))) add('backers', `backer id "${dup}" is used more than once`);
  for (const dup of duplicates(s.events.map((e) => e.id))) add('events', `event id "${dup}" is used more than once`);

  for (const key of Object.keys(s.control)) place(`control.${key}`, key);
  for (const sideId of ['gna', 'lna'] as const) {
    const side = s.sides[sideId];
    if (side.id !== sideId) add(`sides.${sideId}.id`, `must be "${sideId}"`);
    place(`sides.${sideId}.capital`, side.capital);
    side.keyPlaces.forEach((p, i) => place(`sides.${sideId}.keyPlaces.${i}`, p));
    side.personality?.redLines?.forEach((p, i) => place(`sides.${sideId}.personality.redLines.${i}`, p));
    if (places.has(side.capital) && s.control[side.capital] !== sideId) {
      add(`sides.${sideId}.capital`, `its capital "${side.capital}" must start under its control`);
    }
  }
  const checkFormations = (list: ScenarioFile['formations'], key: string) =>
    list.forEach((f, i) => {
      place(`${key}.${i}.location`, f.location);
      if (f.backer) backer(`${key}.${i}.backer`, f.backer);
      if (f.home) place(`${key}.${i}.home`, f.home);
      f.agenda?.personality?.redLines?.forEach((p, j) => place(`${key}.${i}.agenda.personality.redLines.${j}`, p));
    });
  checkFormations(s.formations, 'formations');
  checkFormations(s.reserves, 'reserves');
  s.mediator?.personality?.redLines?.forEach((p, j) => place(`mediator.personality.redLines.${j}`, p));

  s.backers.forEach((b, i) => {
    b.rivals.forEach((r, j) => backer(`backers.${i}.rivals.${j}`, r));
    if (b.rivals.includes(b.id)) add(`backers.${i}.rivals`, 'a backer cannot be its own rival');
    if (b.commitment > b.maxCommitment) add(`backers.${i}.commitment`, `starts above its maxCommitment (${b.maxCommitment})`);
    b.ladder.forEach((r, j) => r.deploys?.forEach((d, k) => formation(`backers.${i}.ladder.${j}.deploys.${k}`, d, reserves)));
    b.redLines?.forEach((p, j) => place(`backers.${i}.redLines.${j}`, p));
    b.personality?.redLines?.forEach((p, j) => place(`backers.${i}.personality.redLines.${j}`, p));
  });

  const checkCondition = (path: string, c: Condition | undefined) => {
    if (!c) return;
    c.controls?.forEach((x, i) => place(`${path}.controls.${i}.place`, x.place));
    c.commitmentAtLeast?.forEach((x, i) => backer(`${path}.commitmentAtLeast.${i}.backer`, x.backer));
    c.commitmentAtMost?.forEach((x, i) => backer(`${path}.commitmentAtMost.${i}.backer`, x.backer));
    c.eventFired?.forEach((x, i) => event(`${path}.eventFired.${i}`, x));
    c.eventNotFired?.forEach((x, i) => event(`${path}.eventNotFired.${i}`, x));
  };
  const checkEffects = (path: string, effects: readonly Effect[]) =>
    effects.forEach((e, i) => {
      const p = `${path}.${i}`;
      if (e.kind === 'commitment') backer(`${p}.backer`, e.backer);
      if (e.kind === 'loyalty') formation(`${p}.formation`, e.formation);
      if (e.kind === 'control') place(`${p}.place`, e.place);
      if (e.kind === 'deploy') formation(`${p}.formation`, e.formation, reserves);
      if (e.kind === 'redeploy') {
        formation(`${p}.formation`, e.formation);
        place(`${p}.to`, e.to);
      }
      if (e.kind === 'fall-back') {
        e.from.forEach((x, j) => place(`${p}.from.${j}`, x));
        place(`${p}.to`, e.to);
      }
    });

  const start = Date.parse(s.startDate);
  const end = start + s.turnDays * s.turns * 86_400_000;
  s.events.forEach((e, i) => {
    const p = `events.${i}`;
    e.actors?.forEach((a, j) => {
      if (!actors.has(a)) add(`${p}.actors.${j}`, `unknown actor "${a}"${suggest(a, actors)}`);
    });
    e.places?.forEach((x, j) => place(`${p}.places.${j}`, x));
    checkCondition(`${p}.when`, e.when);
    checkEffects(`${p}.effects`, e.effects);
    if (e.choice) {
      for (const dup of duplicates(e.choice.options.map((o) => o.id))) add(`${p}.choice.options`, `option id "${dup}" is used more than once`);
      e.choice.options.forEach((o, j) => checkEffects(`${p}.choice.options.${j}.effects`, o.effects));
    }
    const at = Date.parse(e.date);
    if (at < start || at >= end) add(`${p}.date`, `${e.date} is outside the scenario (${s.startDate} for ${s.turns} turns of ${s.turnDays} days)`);
    // A claim whose truth is not established is neither history nor invention: the card says who made it.
    if (e.claim && e.historical) add(`${p}.historical`, 'an event that reports a claim is not marked historical: the card says who made the claim and when');
    if (e.claim && e.claim.date < e.date) add(`${p}.claim.date`, `the claim (${e.claim.date}) cannot be made before what it says happened (${e.date})`);
  });
  s.playable.forEach((r, i) => {
    if (s.playable.indexOf(r) !== i) add(`playable.${i}`, `role "${r}" is listed twice`);
    if (r.startsWith('backer:')) {
      const id = r.slice('backer:'.length);
      if (!s.backers.some((b) => b.id === id)) add(`playable.${i}`, `there is no backer "${id}" in this scenario`);
      else if (!s.backerRoles?.[id]) add(`playable.${i}`, `"${r}" is playable but backerRoles has no "${id}" (its objectives and briefing)`);
    }
  });
  for (const id of Object.keys(s.backerRoles ?? {})) {
    const b = s.backers.find((x) => x.id === id);
    if (!b) add(`backerRoles.${id}`, `there is no backer "${id}" in this scenario`);
    else if (b.client === 'none') add(`backerRoles.${id}`, `${b.name} backs no side: only a backer with a client can be played`);
    if (!s.playable.includes(`backer:${id}`)) add(`backerRoles.${id}`, `"backer:${id}" is not in playable`);
  }
  for (const dup of duplicates((s.tutorial ?? []).map((t) => t.id))) add('tutorial', `step id "${dup}" is used more than once`);
  s.tutorial?.forEach((t, i) => {
    if (t.place) place(`tutorial.${i}.place`, t.place);
    if (t.goal.kind === 'select') place(`tutorial.${i}.goal.place`, t.goal.place);
    if (t.goal.kind === 'queue' && t.goal.place) place(`tutorial.${i}.goal.place`, t.goal.place);
    if (t.goal.kind === 'turn' && t.goal.turn > s.turns) add(`tutorial.${i}.goal.turn`, `turn ${t.goal.turn} is after the last turn (${s.turns})`);
  });
  for (const dup of duplicates((s.whatIfs ?? []).map((w) => w.id))) add('whatIfs', `what-if id "${dup}" is used more than once`);
  s.whatIfs?.forEach((w, i) =>
    w.effects.forEach((e, j) => {
      const p = `whatIfs.${i}.effects.${j}`;
      if (e.kind === 'backer-out') backer(`${p}.backer`, e.backer);
      if (e.kind === 'no-event') event(`${p}.event`, e.event);
      if (e.kind === 'loyal') {
        formation(`${p}.formation`, e.formation);
        const f = [...s.formations, ...s.reserves].find((x) => x.id === e.formation);
        if (f && f.side === 'none') add(`${p}.formation`, `"${e.formation}" fights for no side: it cannot stay loyal to one`);
      }
    }),
  );
  for (const p of map.places) {
    if (!(p.id in s.control)) add('control', `place "${p.id}" has no controller at the start (use "local" for a neutral place)`);
  }
  return problems;
}

/** Loads levels/glossary.json: every concept once, entries with unique ids. */
export function loadGlossary(raw: RawFile): Result<GlossaryFile, ScenarioProblem[]> {
  const shape = notAnObject(raw, 'a glossary');
  if (shape) return { ok: false, error: shape };
  const parsed = v.safeParse(glossarySchema, raw.data);
  if (!parsed.success) return { ok: false, error: schemaProblems(raw.file, parsed.issues) };
  const problems: ScenarioProblem[] = [];
  for (const dup of duplicates(parsed.output.concepts.map((c) => c.id))) problems.push({ file: raw.file, path: 'concepts', message: `concept "${dup}" has more than one card` });
  for (const dup of duplicates(parsed.output.entries.map((e) => `${e.kind}:${e.id}`))) problems.push({ file: raw.file, path: 'entries', message: `entry "${dup}" is listed more than once` });
  return problems.length ? { ok: false, error: problems } : { ok: true, value: parsed.output };
}

/** Loads levels/primer.json (the primer and the epilogue): unique step ids, places found on the map it names. */
export function loadPrimer(raw: RawFile, maps: readonly RawFile[]): Result<PrimerFile, ScenarioProblem[]> {
  const shape = notAnObject(raw, 'a primer');
  if (shape) return { ok: false, error: shape };
  const parsed = v.safeParse(primerSchema, raw.data);
  if (!parsed.success) return { ok: false, error: schemaProblems(raw.file, parsed.issues) };
  const p = parsed.output;
  const mapRaw = maps.find((m) => (m.data as { id?: unknown } | null)?.id === p.map);
  if (!mapRaw) return { ok: false, error: [{ file: raw.file, path: 'map', message: `unknown map "${p.map}"` }] };
  const map = parseMap(mapRaw);
  if (!map.ok) return map;
  const places = new Set(map.value.places.map((x) => x.id));
  const problems: ScenarioProblem[] = [];
  for (const part of ['primer', 'epilogue'] as const) {
    for (const dup of duplicates(p[part].steps.map((x) => x.id))) problems.push({ file: raw.file, path: `${part}.steps`, message: `step id "${dup}" is used more than once` });
    p[part].steps.forEach((step, i) =>
      step.places.forEach((id, j) => {
        if (!places.has(id)) problems.push({ file: raw.file, path: `${part}.steps.${i}.places.${j}`, message: `unknown place "${id}"${suggest(id, places)}` });
      }),
    );
  }
  return problems.length ? { ok: false, error: problems } : { ok: true, value: p };
}

/** The record (levels/record.json): the schema, places found on the map (the ids of its places), changes in date order inside the span. */
export function loadRecord(raw: RawFile, placeIds: Iterable<string>): Result<RecordFile, ScenarioProblem[]> {
  const shape = notAnObject(raw, 'a record');
  if (shape) return { ok: false, error: shape };
  const parsed = v.safeParse(recordSchema, raw.data);
  if (!parsed.success) return { ok: false, error: schemaProblems(raw.file, parsed.issues) };
  const r = parsed.output;
  const places = new Set(placeIds);
  const problems: ScenarioProblem[] = [];
  const inSpan = (d: string) => d >= r.span.from && d <= r.span.to;
  if (r.span.from > r.span.to) problems.push({ file: raw.file, path: 'span', message: 'the span ends before it begins' });
  for (const dup of duplicates(r.places.map((p) => p.place))) problems.push({ file: raw.file, path: 'places', message: `place "${dup}" is listed more than once` });
  r.places.forEach((p, i) => {
    if (!places.has(p.place)) problems.push({ file: raw.file, path: `places.${i}.place`, message: `unknown place "${p.place}"${suggest(p.place, places)}` });
    let last = r.span.from;
    (p.changes ?? []).forEach((c, j) => {
      if (!inSpan(c.date)) problems.push({ file: raw.file, path: `places.${i}.changes.${j}.date`, message: `${c.date} is outside the span ${r.span.from} to ${r.span.to}` });
      else if (c.date < last) problems.push({ file: raw.file, path: `places.${i}.changes.${j}.date`, message: 'changes must be in date order' });
      last = c.date;
    });
  });
  if (r.blockade.from > r.blockade.to) problems.push({ file: raw.file, path: 'blockade', message: 'the blockade ends before it begins' });
  return problems.length ? { ok: false, error: problems } : { ok: true, value: r };
}
