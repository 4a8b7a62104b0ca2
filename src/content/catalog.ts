// The bundled scenarios as the menu lists them, and the fetching of their files. The list comes
// from `virtual:scenario-catalog` (tools/scenario-catalog.ts: extracted from levels/ when the
// game is built), so the menu can show every scenario without loading any. Each scenario and
// each map is a chunk of its own (a lazy import.meta.glob), fetched only when a game, a link,
// a save, a replay or the explorer's batch needs it; index.ts validates what arrives.
//
// This module is light on purpose (no schema, no sim): the first screen imports it.
import { CATALOG } from 'virtual:scenario-catalog';
import type { RawFile } from '../sim/scenario/load.ts';
import type { ProblemMessage } from '../sim/types.ts';
import type { CatalogProblem, MapMeta, ScenarioMeta } from './catalog-types.ts';

export type { CatalogProblem, MapMeta, ScenarioMeta } from './catalog-types.ts';

type Fetch = () => Promise<unknown>;
const scenarioChunks: Record<string, Fetch> = import.meta.glob('../../levels/scenarios/*.json', { import: 'default' });
const mapChunks: Record<string, Fetch> = import.meta.glob('../../levels/maps/*.json', { import: 'default' });

/** The tutorial first, then by start date (then id, for a stable order). */
export function catalogOrder(a: ScenarioMeta, b: ScenarioMeta): number {
  if (a.tutorial !== b.tutorial) return a.tutorial ? -1 : 1;
  if (a.startDate !== b.startDate) return a.startDate < b.startDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const listed = { scenarios: [...CATALOG.scenarios].sort(catalogOrder), problems: CATALOG.problems };

/** Every bundled scenario the menu can offer, in menu order, and the files that could not be listed. */
export function scenarioCatalog(): { scenarios: ScenarioMeta[]; problems: CatalogProblem[] } {
  return listed;
}

export function scenarioMeta(id: string): ScenarioMeta | undefined {
  return listed.scenarios.find((s) => s.id === id);
}

/** What a scenario needs to be loaded: its file and the maps it may name. */
export interface ScenarioFiles {
  meta: ScenarioMeta;
  scenario: RawFile;
  maps: RawFile[];
}

/** Why a scenario's files did not arrive (a network or server problem, not a bad file); `msg` is its message code (locales/<lang>/errors.json). */
export class FetchProblem extends Error {
  constructor(
    message: string,
    readonly msg: ProblemMessage,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const fetching = new Map<string, Promise<ScenarioFiles>>();

async function fetchFile(chunks: Record<string, Fetch>, file: string): Promise<RawFile> {
  const load = chunks[`../../${file}`];
  if (!load) throw new FetchProblem(`its file (${file}) is not in this build`, { key: 'errors.scenario.notInBuild', values: { file } });
  try {
    return { file, data: await load() };
  } catch (error) {
    // The browser's own words (a URL, a network code) stay in `cause`, not in the sentence.
    throw new FetchProblem(`its file (${file}) did not arrive`, { key: 'errors.scenario.notArrived', values: { file } }, { cause: error });
  }
}

/**
 * Fetches a scenario's file and its map, once (a failed fetch is tried again on the next call).
 * With its map unknown, every map comes, so that the loader can say which ones there are.
 */
export function fetchScenarioFiles(id: string): Promise<ScenarioFiles> {
  const cached = fetching.get(id);
  if (cached) return cached;
  const meta = scenarioMeta(id);
  if (!meta) return Promise.reject(Object.assign(new Error(`Unknown scenario "${id}".`), { msg: { key: 'errors.scenario.unknown', values: { id } } }));
  const maps: MapMeta[] = CATALOG.maps.filter((m) => m.id === meta.map);
  const promise = Promise.all([fetchFile(scenarioChunks, meta.file), ...(maps.length ? maps : CATALOG.maps).map((m) => fetchFile(mapChunks, m.file))]).then(
    ([scenario, ...mapFiles]) => ({ meta, scenario: scenario as RawFile, maps: mapFiles }),
  );
  fetching.set(id, promise);
  promise.catch(() => fetching.delete(id));
  return promise;
}

/** Starts fetching a scenario's files ahead of need (a game about to start); never fails. */
export function prefetchScenario(id: string): Promise<void> {
  if (!scenarioMeta(id)) return Promise.resolve();
  return fetchScenarioFiles(id).then(
    () => undefined,
    () => undefined,
  );
}
