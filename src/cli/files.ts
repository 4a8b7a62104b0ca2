// Reading scenario files from disk for the command-line tools and tests (Node only).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type HistoryRecord, LESSON_SUFFIX, loadRecord, loadScenario, type RawFile, type Result, type Scenario, type ScenarioProblem, scenarioForm } from '../sim/index.ts';

export const LEVELS = resolve(import.meta.dirname, '../../levels');

export function readJsonFile(file: string): Result<unknown, ScenarioProblem[]> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, error: [{ file, path: '', message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})` }] };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: [{ file, path: '', message: `not valid JSON: ${(e as Error).message}` }] };
  }
}

export function mapFiles(): RawFile[] {
  const dir = join(LEVELS, 'maps');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const data = readJsonFile(file);
      return { file: `levels/maps/${f}`, data: data.ok ? data.value : null };
    });
}

export function scenarioIds(): string[] {
  return readdirSync(join(LEVELS, 'scenarios'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

/** Every scenario a game can be played in: each file's id, and "<id>-lesson" for those with a lesson form. */
export function playableScenarioIds(): string[] {
  const ids: string[] = [];
  for (const id of scenarioIds()) {
    ids.push(id);
    const raw = readJsonFile(join(LEVELS, 'scenarios', `${id}.json`));
    if (raw.ok && typeof raw.value === 'object' && raw.value !== null && 'lesson' in raw.value) ids.push(`${id}${LESSON_SUFFIX}`);
  }
  return ids;
}

/** Loads a scenario by id (from levels/scenarios; "<id>-lesson" is its lesson form) or by path to a JSON file. */
export function loadScenarioFile(idOrPath: string): Result<Scenario, ScenarioProblem[]> {
  const named = /^[a-z0-9-]+$/.test(idOrPath);
  const form = scenarioForm(idOrPath);
  const byId = join(LEVELS, 'scenarios', `${idOrPath}.json`);
  const byForm = join(LEVELS, 'scenarios', `${form.file}.json`);
  const lesson = named && !existsSync(byId) && form.lesson && existsSync(byForm);
  const file = lesson ? byForm : named && existsSync(byId) ? byId : idOrPath;
  if (!existsSync(file)) {
    return { ok: false, error: [{ file: idOrPath, path: '', message: `no such scenario; known scenarios: ${playableScenarioIds().join(', ')}` }] };
  }
  const raw = readJsonFile(file);
  if (!raw.ok) return raw;
  return loadScenario({ file, data: raw.value }, mapFiles(), { lesson });
}

/**
 * Runs a command's main(argv) when its module is the script Node was started with (not when a
 * test imports it): its return value is the exit code, and an unexpected error is one line on
 * stderr (exit 1), never a stack trace.
 */
export function runWhenMain(moduleUrl: string, main: (argv: string[]) => number): void {
  if (moduleUrl !== `file://${process.argv[1]}`) return;
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}

/** The record of the war (levels/record.json), checked against the shared map's places. */
export function loadRecordFile(): Result<HistoryRecord, ScenarioProblem[]> {
  const raw = readJsonFile(join(LEVELS, 'record.json'));
  if (!raw.ok) return raw;
  const libya = mapFiles().find((m) => (m.data as { id?: unknown } | null)?.id === 'libya');
  const places = ((libya?.data as { places?: { id: string }[] } | undefined)?.places ?? []).map((p) => p.id);
  return loadRecord({ file: 'levels/record.json', data: raw.value }, places);
}
