// Scenarios the game can offer. TEMPORARY: reads levels/ directly until the shared registry
// (src/content/index.ts) lands; then this file only forwards to it.
import { formatProblems, loadScenario, type RawFile } from '../sim/scenario/load.ts';
import type { Scenario } from './sim-types.ts';

export interface ScenarioEntry {
  id: string;
  title: string;
  subtitle: string;
  scenario: Scenario;
}

export interface ContentProblem {
  file: string;
  message: string;
}

const scenarioFiles = import.meta.glob<unknown>('../../levels/scenarios/*.json', { eager: true, import: 'default' });
const mapFiles = import.meta.glob<unknown>('../../levels/maps/*.json', { eager: true, import: 'default' });

function raw(files: Record<string, unknown>): RawFile[] {
  return Object.keys(files)
    .sort()
    .map((path) => ({ file: path.replace(/^(\.\.\/)+/, ''), data: files[path] }));
}

let cache: { scenarios: ScenarioEntry[]; problems: ContentProblem[] } | null = null;

export function content(): { scenarios: ScenarioEntry[]; problems: ContentProblem[] } {
  if (cache) return cache;
  const maps = raw(mapFiles);
  const scenarios: ScenarioEntry[] = [];
  const problems: ContentProblem[] = [];
  for (const file of raw(scenarioFiles)) {
    const result = loadScenario(file, maps);
    if (result.ok) {
      const s = result.value;
      scenarios.push({ id: s.id, title: s.title, subtitle: s.subtitle, scenario: s });
    } else {
      problems.push({ file: file.file, message: formatProblems(result.error) });
      console.warn(`Scenario ${file.file} could not be loaded:\n${formatProblems(result.error)}`);
    }
  }
  scenarios.sort((a, b) => a.scenario.startDate.localeCompare(b.scenario.startDate));
  cache = { scenarios, problems };
  return cache;
}

export function scenarioById(id: string): ScenarioEntry | undefined {
  return content().scenarios.find((s) => s.id === id);
}
