// A Vite plugin: the virtual module `virtual:scenario-catalog` holds what the menu and the
// outcome explorer show of every scenario in levels/scenarios/ before one is chosen (id, title,
// subtitle, start date, turns, playable roles, tutorial or not, what-ifs) and the id of every
// map in levels/maps/, read from the files themselves when the game is built (or served), so
// there is no list to keep by hand. The scenarios themselves are separate chunks, loaded and
// validated only when a game needs one (src/content/index.ts).
//
// Only the fields listed are read here, and only their types are checked: the full check is
// the loader's (valibot schema and cross-references), when the scenario is loaded. A file that
// cannot be listed is reported in `problems` (the menu shows it) and not offered.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { type CatalogProblemText, type FieldKind, idUsed, mapNoId, missingFields, notJson, notObject } from '../src/content/catalog-problems.ts';
import type { Catalog, CatalogProblem, MapMeta, ScenarioMeta } from '../src/content/catalog-types.ts';
import { lessonTitle } from '../src/sim/scenario/load.ts';

export const CATALOG_MODULE = 'virtual:scenario-catalog';
const RESOLVED = `\0${CATALOG_MODULE}`;
/** `virtual:scenario-catalog-text/<lang>`: the menu's text of every scenario in that language (see catalogText). */
export const CATALOG_TEXT_MODULE = 'virtual:scenario-catalog-text/';
const RESOLVED_TEXT = `\0${CATALOG_TEXT_MODULE}`;
/** The keys of a scenario's content catalogue the menu shows (src/i18n/content.ts shownMeta). */
const MENU_KEY = /^(title|subtitle|lesson\.note|backers\.[^.]+\.name|backerRoles\.[^.]+\.objectives\.summary|whatIfs\.[^.]+\.(label|description))$/;

/**
 * What the menu shows of each scenario in `lang` (its title, subtitle, backers' seats, what-ifs,
 * lesson note), taken from locales/<lang>/content/scenario.<id>.json: a few KB, so that the first
 * screen needs none of the scenarios' whole catalogues.
 */
export function catalogText(root: string, lang: string): Record<string, Record<string, string>> {
  const dir = join(root, 'locales', lang, 'content');
  const out: Record<string, Record<string, string>> = {};
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.startsWith('scenario.') && f.endsWith('.json'));
  } catch {
    return out;
  }
  for (const f of files.sort()) {
    try {
      const cat = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
      out[f.slice(0, -5)] = Object.fromEntries(Object.entries(cat).filter((e): e is [string, string] => MENU_KEY.test(e[0]) && typeof e[1] === 'string'));
    } catch {
      // A broken catalogue: the i18n check says so; the menu shows the English.
    }
  }
  return out;
}
export const SCENARIO_DIR = 'levels/scenarios';
export const MAP_DIR = 'levels/maps';

const ROLE = /^(gna|lna|mediator|backer:[a-z0-9-]{1,60})$/;

const jsonFiles = (root: string, dir: string): string[] => {
  try {
    return readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => `${dir}/${f}`);
  } catch {
    return [];
  }
};

function readJson(root: string, file: string): { ok: true; data: Record<string, unknown> } | ({ ok: false } & CatalogProblemText) {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(join(root, file), 'utf8'));
  } catch (error) {
    return { ok: false, ...notJson((error as Error).message) };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, ...notObject() };
  return { ok: true, data: data as Record<string, unknown> };
}

/** A scenario's catalog entry, or what is wrong with the fields the menu needs (in English and as a message code). */
export function scenarioMeta(file: string, data: Record<string, unknown>): ScenarioMeta | CatalogProblemText {
  const text = (key: string) => (typeof data[key] === 'string' && (data[key] as string).length > 0 ? (data[key] as string) : null);
  const missing: { name: string; kind: FieldKind }[] = [];
  const need = <T>(key: string, value: T | null, kind: FieldKind): T => {
    if (value === null) missing.push({ name: key, kind });
    return value as T;
  };
  const id = need('id', text('id'), 'text');
  const map = need('map', text('map'), 'text');
  const title = need('title', text('title'), 'text');
  const subtitle = need('subtitle', text('subtitle'), 'text');
  const startDate = need('startDate', text('startDate'), 'date');
  const turns = need('turns', Number.isInteger(data.turns) ? (data.turns as number) : null, 'whole');
  const playableRaw = data.playable;
  const playable = need(
    'playable',
    Array.isArray(playableRaw) && playableRaw.length > 0 && playableRaw.every((r) => typeof r === 'string' && ROLE.test(r)) ? (playableRaw as ScenarioMeta['playable']) : null,
    'roles',
  );
  const whatIfsRaw = data.whatIfs ?? [];
  const whatIfs = need(
    'whatIfs',
    Array.isArray(whatIfsRaw) &&
      whatIfsRaw.every((w) => typeof w === 'object' && w !== null && ['id', 'label', 'description'].every((k) => typeof (w as Record<string, unknown>)[k] === 'string'))
      ? (whatIfsRaw as Record<string, string>[]).map((w) => ({ id: w.id as string, label: w.label as string, description: w.description as string }))
      : null,
    'whatIfs',
  );
  if (missing.length) return missingFields(missing);
  // The backers a person may play, as the role picker names them (the loader checks the rest).
  const backers = Array.isArray(data.backers) ? (data.backers as Record<string, unknown>[]) : [];
  const seats = (data.backerRoles ?? {}) as Record<string, { objectives?: { summary?: unknown } }>;
  const backerSeats: ScenarioMeta['backerSeats'] = playable
    .filter((r) => r.startsWith('backer:'))
    .map((role) => {
      const id = role.slice('backer:'.length);
      const def = backers.find((b) => b?.id === id);
      const summary = seats[id]?.objectives?.summary;
      return {
        role: role as `backer:${string}`,
        name: typeof def?.name === 'string' ? def.name : id,
        client: def?.client === 'gna' || def?.client === 'lna' ? def.client : 'none',
        summary: typeof summary === 'string' ? summary : '',
      };
    });
  const lesson = lessonOf(data.lesson);
  return { id, file, map, title, subtitle, startDate, turns, turnDays: typeof data.turnDays === 'number' ? data.turnDays : 14, playable, backerSeats, tutorial: data.tutorial !== undefined, whatIfs, ...(lesson ? { lesson } : {}) };
}

function lessonOf(raw: unknown): ScenarioMeta['lesson'] | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const l = raw as Record<string, unknown>;
  return Number.isInteger(l.turns) && Number.isInteger(l.turnDays) && typeof l.note === 'string'
    ? { turns: l.turns as number, turnDays: l.turnDays as number, note: l.note }
    : undefined;
}

/** A scenario's lesson form as the catalog lists it: its own id, the full form's file (the loader derives the rest). */
export function lessonMeta(full: ScenarioMeta): ScenarioMeta | null {
  if (!full.lesson) return null;
  const { lesson: _lesson, ...rest } = full;
  return { ...rest, id: `${full.id}-lesson`, title: lessonTitle(full.title), turns: full.lesson.turns, turnDays: full.lesson.turnDays, form: 'lesson', fullId: full.id };
}

/** The catalog of the scenarios and maps under `root`/levels, in file-name order. */
export function readCatalog(root: string): Catalog {
  const problems: CatalogProblem[] = [];
  const scenarios: ScenarioMeta[] = [];
  for (const file of jsonFiles(root, SCENARIO_DIR)) {
    const read = readJson(root, file);
    if (!read.ok) {
      problems.push({ file, message: read.message, msg: read.msg });
      continue;
    }
    const meta = scenarioMeta(file, read.data);
    if ('msg' in meta) problems.push({ file, message: meta.message, msg: meta.msg });
    else if (scenarios.some((s) => s.id === meta.id)) problems.push({ file, ...idUsed(meta.id, scenarios.find((s) => s.id === meta.id)?.file as string) });
    else {
      scenarios.push(meta);
      const lesson = lessonMeta(meta);
      if (lesson) scenarios.push(lesson);
    }
  }
  const maps: MapMeta[] = [];
  for (const file of jsonFiles(root, MAP_DIR)) {
    const read = readJson(root, file);
    const id = read.ok ? read.data.id : undefined;
    if (!read.ok) problems.push({ file, message: read.message, msg: read.msg });
    else if (typeof id !== 'string' || !id) problems.push({ file, ...mapNoId() });
    else maps.push({ id, file });
  }
  return { scenarios, maps, problems };
}

export function scenarioCatalog(): Plugin {
  let root = process.cwd();
  const watched = (file: string) => [SCENARIO_DIR, MAP_DIR].some((dir) => file.startsWith(`${join(root, dir)}/`) && file.endsWith('.json'));
  const reload = (server: ViteDevServer, file: string) => {
    if (!watched(file)) return;
    const mod = server.moduleGraph.getModuleById(RESOLVED);
    if (mod) server.moduleGraph.invalidateModule(mod);
    server.ws.send({ type: 'full-reload' });
  };
  return {
    name: 'ceasefire-scenario-catalog',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      if (id.startsWith(CATALOG_TEXT_MODULE)) return `\0${id}`;
      return id === CATALOG_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id.startsWith(RESOLVED_TEXT)) {
        const lang = id.slice(RESOLVED_TEXT.length);
        this.addWatchFile(join(root, 'locales', lang, 'content'));
        return `export const TEXT = ${JSON.stringify(catalogText(root, lang))};\n`;
      }
      if (id !== RESOLVED) return undefined;
      const catalog = readCatalog(root);
      for (const file of [...jsonFiles(root, SCENARIO_DIR), ...jsonFiles(root, MAP_DIR)]) this.addWatchFile(join(root, file));
      return `export const CATALOG = ${JSON.stringify(catalog)};\n`;
    },
    configureServer(server) {
      // A scenario or map added, removed or changed while `npm start` runs: list them again.
      for (const event of ['add', 'unlink', 'change'] as const) server.watcher.on(event, (file) => reload(server, file));
    },
  };
}
