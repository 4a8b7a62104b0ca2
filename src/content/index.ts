// The bundled scenarios, loaded one at a time when needed: the files come through catalog.ts
// (a chunk per scenario and per map), and each is validated here by the same loader as the
// headless runner's (valibot schema and cross-references) before anything plays it.

import { problemOf } from '../game/problem.ts';
import { loadContent, scenarioContent } from '../i18n/content.ts';
import { formatProblems, loadScenario, type Scenario, type ScenarioProblem } from '../sim/index.ts';
import type { ProblemMessage } from '../sim/types.ts';
import { FetchProblem, fetchScenarioFiles, type ScenarioFiles, scenarioCatalog } from './catalog.ts';

/** A scenario that could not be loaded: `message` is a sentence for the player (English), `msg` its message code (locales/<lang>/errors.json). */
export class ScenarioLoadError extends Error {
  constructor(
    message: string,
    readonly msg: ProblemMessage,
    /** Every problem the loader found, when the file arrived but is invalid. */
    readonly problems: readonly ScenarioProblem[] = [],
  ) {
    super(message);
    this.name = 'ScenarioLoadError';
  }
}

/** Validates a scenario's files; throws a ScenarioLoadError naming the first problem (and how many more). */
export function validateScenarioFiles(files: ScenarioFiles): Scenario {
  const { meta } = files;
  const result = loadScenario(files.scenario, files.maps, { lesson: meta.form === 'lesson' });
  if (!result.ok) {
    const [first, ...more] = formatProblems(result.error).split('\n');
    const rest = more.length ? `; and ${more.length} more problem${more.length > 1 ? 's' : ''}` : '';
    // The loader's words for the first problem are a detail for the scenario's author: a value, shown as it is.
    throw new ScenarioLoadError(
      `The scenario “${meta.title}” could not be loaded: its file is invalid (${first}${rest}).`,
      { key: 'errors.scenario.invalid', values: { scenario: meta.id, detail: first ?? '', more: more.length } },
      result.error,
    );
  }
  if (result.value.id !== meta.id) {
    throw new ScenarioLoadError(`The scenario “${meta.title}” could not be loaded: ${meta.file} holds "${result.value.id}", not "${meta.id}" (rebuild the game).`, {
      key: 'errors.scenario.otherId',
      values: { scenario: meta.id, file: meta.file, found: result.value.id, id: meta.id },
    });
  }
  return result.value;
}

const loaded = new Map<string, Promise<Scenario>>();

/** A valid scenario, with its text's catalogues in the player's language (a catalogue that does not arrive leaves its text English). */
async function withText(files: ScenarioFiles): Promise<Scenario> {
  const scenario = validateScenarioFiles(files);
  await loadContent(...scenarioContent(scenario), 'glossary', 'record').catch(() => undefined);
  return scenario;
}

/**
 * A bundled scenario, fetched and validated once. Rejects with a ScenarioLoadError whose
 * message says what went wrong: an unknown id, a file that did not arrive (tried again on the
 * next call), or an invalid file.
 */
export function loadBundledScenario(id: string): Promise<Scenario> {
  const cached = loaded.get(id);
  if (cached) return cached;
  const promise = fetchScenarioFiles(id).then(withText, (error: Error) => {
    if (!(error instanceof FetchProblem)) throw new ScenarioLoadError(error.message, problemOf(error));
    const title = scenarioCatalog().scenarios.find((s) => s.id === id)?.title ?? id;
    throw new ScenarioLoadError(`The scenario “${title}” could not be loaded: ${error.message}. Check the connection and try again.`, {
      key: 'errors.scenario.notLoaded',
      values: { scenario: id, reason: error.msg },
    });
  });
  loaded.set(id, promise);
  promise.catch((error) => {
    if (error instanceof ScenarioLoadError && error.problems.length === 0) loaded.delete(id);
  });
  return promise;
}

/** Every bundled scenario, loaded and validated, in menu order (tests; the game loads one at a time). */
export function loadAllScenarios(): Promise<Scenario[]> {
  return Promise.all(scenarioCatalog().scenarios.map((s) => loadBundledScenario(s.id)));
}
