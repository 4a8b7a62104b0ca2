// The scenarios bundled with the game, loaded and validated from levels/ at start-up.
import { formatProblems, loadScenario, type RawFile, type Scenario } from '../sim/index.ts';

const mapFiles = import.meta.glob('../../levels/maps/*.json', { eager: true, import: 'default' });
const scenarioFiles = import.meta.glob('../../levels/scenarios/*.json', { eager: true, import: 'default' });

const maps: RawFile[] = Object.entries(mapFiles).map(([file, data]) => ({ file: file.replace('../../', ''), data }));

let cache: Scenario[] | null = null;

/** All bundled scenarios, in a stable order (the tutorial first, then by start date). */
export function scenarios(): Scenario[] {
  if (cache) return cache;
  const loaded: Scenario[] = [];
  for (const [file, data] of Object.entries(scenarioFiles)) {
    const result = loadScenario({ file: file.replace('../../', ''), data }, maps);
    if (!result.ok) throw new Error(`A bundled scenario is invalid:\n${formatProblems(result.error)}`);
    loaded.push(result.value);
  }
  loaded.sort((a, b) => (a.id === 'tutorial' ? -1 : b.id === 'tutorial' ? 1 : a.startDate.localeCompare(b.startDate)));
  cache = loaded;
  return loaded;
}

export function scenarioById(id: string): Scenario | undefined {
  return scenarios().find((s) => s.id === id);
}
