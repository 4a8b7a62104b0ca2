// Scenarios for the server: read from levels/ once, what-ifs applied per table.
import { loadScenarioFile, playableScenarioIds } from '../src/cli/files.ts';
import { applyWhatIfs, type Scenario, unknownWhatIf } from '../src/sim/index.ts';

const cache = new Map<string, Scenario>();

export function knownScenarios(): string[] {
  return playableScenarioIds();
}

/** The scenario as a table plays it (what-ifs applied), or a sentence saying why not. */
export function scenarioFor(id: string, whatIfs: readonly string[]): { ok: true; scenario: Scenario } | { ok: false; message: string } {
  if (!knownScenarios().includes(id)) return { ok: false, message: `There is no scenario “${id.slice(0, 40)}”.` };
  let base = cache.get(id);
  if (!base) {
    const loaded = loadScenarioFile(id);
    if (!loaded.ok) return { ok: false, message: `The scenario “${id}” cannot be loaded.` };
    base = loaded.value;
    cache.set(id, base);
  }
  const unknown = unknownWhatIf(base, whatIfs);
  if (unknown) return { ok: false, message: unknown };
  return { ok: true, scenario: applyWhatIfs(base, whatIfs) };
}
