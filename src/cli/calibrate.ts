// Historical calibration: play many seeded games in which every actor follows the historical
// policy and report how often the key facts of 2020 happen, with Turkey in and with Turkey out.
//   npm run calibrate -- [--scenario sirte-2020] [--runs 200] [--seed calib] [--json]
//
// The historical policy: the GNA, the LNA and the mediator play the baseline AI; the foreign
// backers take no decisions of their own (their AI orders are filtered out) and move only
// through the scenario's dated historical events, which carry their real escalations.
// The counterfactual "Turkey stays out" is the scenario's switch "turkey-out" (its whatIfs, see
// src/sim/whatif.ts): Turkey at rung 0 and unable to climb, without any Turkish formation (at
// the start or in reserve), without the events in which Turkey steps up (their other effects
// follow from the escalation), and with every other event effect on Turkey's commitment or its
// formations removed. The facts and the historical policy are the outcome explorer's
// (src/sim/explore.ts).
import { parseArgs } from 'node:util';
import { inEnglish } from '../i18n/index.ts';
import { endingKey, explore, historicalActor, historicalOrder, FACTS as KEY_FACTS, playOutcome, share, TRIPOLI_UNTIL } from '../sim/explore.ts';
import { formatProblems, type HistoryRecord, playGame, type Scenario, type State, scenarioForm } from '../sim/index.ts';
import { type GamePath, type PathSummary, PathWatcher, summarisePaths } from '../sim/path.ts';
import { applyWhatIfs, unknownWhatIf, withoutBacker } from '../sim/whatif.ts';
import { factLabel } from '../ui/explore-words.ts';
import { loadRecordFile, loadScenarioFile, playableScenarioIds, runWhenMain } from './files.ts';

const HELP = `Ceasefire Line — historical calibration

Plays a scenario many times with the historical policy (the Libyan sides and the mediator play
the baseline AI; foreign backers act only through the scenario's dated historical events) and
once more with Turkey staying out, and prints how often the key facts of 2020 happen.

Usage: npm run calibrate -- [options]

Options:
  --scenario <id|file>  scenario id (${playableScenarioIds().join(', ')}) or a path to a JSON file (default sirte-2020)
  --runs <N>            games per policy, seeds <seed>-1 … <seed>-N (1 to 100000, default 200)
  --seed <text>         seed prefix (default calib)
  --json                print machine-readable JSON instead of a table
  --help                show this help

Facts (each measured at the end of a turn):
  tripoli-held      the GNA holds Tripoli at the end of every turn that began on or before
                    30 June 2020, and the game did not end before then in a GNA defeat
  watiya-changes    al-Watiya (LNA at the start) is held by the GNA at the end of some turn
  tarhuna-changes   Tarhuna (LNA at the start) is held by the GNA at the end of some turn
  front-sirte       at the end of the game the GNA holds Tripoli and Misrata and the LNA holds
                    Sirte and Benghazi: the front lies between Sirte and Misrata
  oil-blockade      an oil blockade is in force at some point of the game
  lna-takes-tripoli the LNA holds Tripoli at the end of some turn
The facts and targets are those of the 2020 war; another scenario is measured on the same
places and backer, except the march on Tripoli (tripoli-2019), which has its own:
  tripoli-holds-3-months  the GNA holds Tripoli at the end of every turn that began on or
                    before 3 July 2019 (target: most games), and the game did not end in its defeat
  gharyan-retaken   Gharyan (LNA at the start) is held by the GNA at the end of some turn
  tarhuna-changes   Tarhuna (LNA at the start) is held by the GNA at the end of some turn
  lna-takes-tripoli the LNA holds Tripoli at the end of some turn

Exit status: 0 when every target holds, 3 when one does not, 2 for a bad argument, 1 for a
scenario that does not load.
`;

/** A fact's threshold: "most" is more than half the games, "nearly all" at least 90%, "few" under half. */
export type Target = { policy: 'historical' | 'turkey-out'; op: '>' | '>=' | '<'; share: number; words: string };

export interface FactDef {
  id: string;
  label: string;
  target?: Target;
}

/** The calibration's targets for the key facts (the facts themselves are src/sim/explore.ts's). */
const TARGETS: Record<string, Target> = {
  'tripoli-held': { policy: 'historical', op: '>', share: 50, words: 'most (> 50%)' },
  'watiya-changes': { policy: 'historical', op: '>', share: 50, words: 'most (> 50%)' },
  'tarhuna-changes': { policy: 'historical', op: '>', share: 50, words: 'most (> 50%)' },
  'front-sirte': { policy: 'historical', op: '>', share: 50, words: 'most (> 50%)' },
  'oil-blockade': { policy: 'historical', op: '>=', share: 90, words: 'nearly all (≥ 90%)' },
  'lna-takes-tripoli': { policy: 'turkey-out', op: '>', share: 50, words: 'most with Turkey out (> 50%)' },
};

/** The key facts with their English names (the catalogue's: the CLI prints English) and targets. */
export const FACTS: readonly FactDef[] = KEY_FACTS.map((f) => ({ id: f.id, label: inEnglish(() => factLabel(f.id)), ...(TARGETS[f.id] ? { target: TARGETS[f.id] } : {}) }));

/** The last day of the first three months of the march on Tripoli (tripoli-2019 opens on 4 April 2019). */
export const MARCH_UNTIL = '2019-07-03';

/**
 * The key facts of the march on Tripoli (tripoli-2019), each measured at the end of a turn:
 * the capital holds through the first three months (the target), and how the southern front
 * moved (for the record: in 2019 the GNA retook Gharyan on 26 June, Tarhuna held until June 2020,
 * and the LNA never took Tripoli).
 */
export const MARCH_FACTS: readonly FactDef[] = [
  {
    id: 'tripoli-holds-3-months',
    label: 'Tripoli holds through the first three months',
    target: { policy: 'historical', op: '>', share: 50, words: 'most (> 50%)' },
  },
  { id: 'gharyan-retaken', label: 'The GNA retakes Gharyan' },
  { id: 'tarhuna-changes', label: 'Tarhuna changes hands' },
  { id: 'lna-takes-tripoli', label: 'The LNA takes Tripoli' },
];

/** The facts a scenario is calibrated on: the march on Tripoli has its own; the others use those of 2020. */
export function factsFor(scenario: Scenario): readonly FactDef[] {
  // A lesson form has its full form's facts (the same dates in longer turns).
  return scenarioForm(scenario.id).file === 'tripoli-2019' ? MARCH_FACTS : FACTS;
}

/** Watches one game of the march on Tripoli turn by turn and reads off MARCH_FACTS. */
export class MarchWatcher {
  private held = true;
  private gharyan = false;
  private tarhuna = false;
  private lnaTripoli = false;

  private look(s: State): void {
    if (s.places.gharyan?.controller === 'gna') this.gharyan = true;
    if (s.places.tarhuna?.controller === 'gna') this.tarhuna = true;
    if (s.places.tripoli?.controller === 'lna') this.lnaTripoli = true;
  }

  turn(before: State, after: State): void {
    if (before.turn === 1) this.look(before);
    this.look(after);
    const lost = after.places.tripoli?.controller !== 'gna' || (after.ending?.winner === 'lna' && (after.ending.kind === 'military-victory' || after.ending.kind === 'collapse'));
    if (before.date <= MARCH_UNTIL && lost) this.held = false;
  }

  facts(): Record<string, boolean> {
    return { 'tripoli-holds-3-months': this.held, 'gharyan-retaken': this.gharyan, 'tarhuna-changes': this.tarhuna, 'lna-takes-tripoli': this.lnaTripoli };
  }
}

/** Plays seeds <seedPrefix>-1 … -runs of the march on Tripoli under the historical policy, with the given switches on. */
export function runMarch(scenario: Scenario, seedPrefix: string, runs: number, whatIfs: string[] = []): PolicyResult {
  const played = applyWhatIfs(scenario, whatIfs);
  const count: Record<string, number> = {};
  const endings: Record<string, number> = {};
  for (let i = 1; i <= runs; i++) {
    const watcher = new MarchWatcher();
    const { state } = playGame(played, `${seedPrefix}-${i}`, { difficulty: 'historical', aiActors: historicalActor, onTurn: (before, _orders, after) => watcher.turn(before, after) });
    for (const [id, yes] of Object.entries(watcher.facts())) if (yes) count[id] = (count[id] ?? 0) + 1;
    const key = endingKey(state);
    endings[key] = (endings[key] ?? 0) + 1;
  }
  return { games: runs, share: Object.fromEntries(MARCH_FACTS.map((f) => [f.id, share(count[f.id] ?? 0, runs)])), endings };
}

/** The scenario switch (levels/scenarios/*.json, whatIfs) that keeps Turkey out. */
export const TURKEY_OUT = 'turkey-out';

export { historicalOrder, TRIPOLI_UNTIL, withoutBacker };

export interface GameFacts {
  seed: string;
  ending: string;
  facts: Record<string, boolean>;
}

/** Plays one game under the historical policy and reads off the facts. */
export function playHistorical(scenario: Scenario, seed: string): GameFacts {
  const g = playOutcome(scenario, seed, 'historical');
  return { seed, ending: g.ending, facts: g.facts };
}

export interface PolicyResult {
  games: number;
  /** Percent of games in which each fact happened (one decimal), by fact id. */
  share: Record<string, number>;
  endings: Record<string, number>;
}

/** Plays seeds <seedPrefix>-1 … -runs under the historical policy, with the given switches on. */
export function runPolicy(scenario: Scenario, seedPrefix: string, runs: number, whatIfs: string[] = []): PolicyResult {
  const summary = explore(scenario, { whatIfs, policy: 'historical', runs, seed: seedPrefix });
  return {
    games: runs,
    share: Object.fromEntries(summary.facts.map((f) => [f.id, f.share])),
    endings: Object.fromEntries(summary.endings.map((e) => [e.ending, e.games])),
  };
}

export interface CalibrationRow {
  fact: string;
  label: string;
  historical: number;
  turkeyOut: number;
  target: string;
  pass: boolean | null;
}

export interface Calibration {
  scenario: string;
  runs: number;
  seed: string;
  rows: CalibrationRow[];
  endings: { historical: Record<string, number>; turkeyOut: Record<string, number> };
}

export function meets(target: Target, share: number): boolean {
  if (target.op === '>') return share > target.share;
  if (target.op === '>=') return share >= target.share;
  return share < target.share;
}

export function calibrate(scenario: Scenario, runs: number, seed: string): Calibration {
  const facts = factsFor(scenario);
  const run = facts === MARCH_FACTS ? runMarch : runPolicy;
  const historical = run(scenario, seed, runs);
  const problem = unknownWhatIf(scenario, [TURKEY_OUT]);
  if (problem) throw new Error(`${problem} (calibration compares history with "${TURKEY_OUT}")`);
  const out = run(scenario, seed, runs, [TURKEY_OUT]);
  const rows = facts.map((f): CalibrationRow => {
    const inHistory = historical.share[f.id] ?? 0;
    const withTurkeyOut = out.share[f.id] ?? 0;
    return {
      fact: f.id,
      label: f.label,
      historical: inHistory,
      turkeyOut: withTurkeyOut,
      target: f.target?.words ?? '—',
      pass: f.target ? meets(f.target, f.target.policy === 'turkey-out' ? withTurkeyOut : inHistory) : null,
    };
  });
  return { scenario: scenario.id, runs, seed, rows, endings: { historical: historical.endings, turkeyOut: out.endings } };
}

/** The counterfactuals the path table sets beside history (the scenarios' own switches). */
export const PATH_POLICIES = [
  { id: 'historical', label: 'history', whatIfs: [] as string[] },
  { id: 'turkey-out', label: 'Turkey out', whatIfs: ['turkey-out'] },
  { id: 'russia-out', label: 'Russia out', whatIfs: ['russia-out'] },
  { id: 'uae-out', label: 'UAE out', whatIfs: ['uae-out'] },
] as const;

/** Plays seeds <seed>-1 … -runs under the historical policy with the switches on, and reads off the war's path. */
export function runPath(scenario: Scenario, record: HistoryRecord, seedPrefix: string, runs: number, whatIfs: readonly string[] = []): PathSummary {
  const played = applyWhatIfs(scenario, [...whatIfs]);
  const paths: GamePath[] = [];
  for (let i = 1; i <= runs; i++) {
    let watcher: PathWatcher | null = null;
    playGame(played, `${seedPrefix}-${i}`, {
      difficulty: 'historical',
      aiActors: historicalActor,
      keepReports: false,
      onTurn: (before, _orders, after, report) => {
        watcher ??= new PathWatcher(record, played, before);
        watcher.turn(before, after, report);
      },
    });
    if (watcher) paths.push((watcher as PathWatcher).result());
  }
  return summarisePaths(record, played, paths);
}

export interface PathCalibration {
  scenario: string;
  runs: number;
  policies: { id: string; label: string; summary: PathSummary }[];
}

export function calibratePath(scenario: Scenario, record: HistoryRecord, runs: number, seed: string): PathCalibration {
  const policies = PATH_POLICIES.filter((p) => p.whatIfs.every((w) => !unknownWhatIf(scenario, [w]))).map((p) => ({
    id: p.id,
    label: p.label,
    summary: runPath(scenario, record, seed, runs, p.whatIfs),
  }));
  return { scenario: scenario.id, runs, policies };
}

const short = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

export function formatPath(c: PathCalibration, names: (place: string) => string): string[] {
  const history = c.policies[0]!.summary;
  const lines = ['', `The war's path — ${c.scenario}, ${c.runs} games per policy (changed: share of games in which the place changed hands; median: date of its first change)`, ''];
  const w = Math.max(...history.places.map((p) => names(p.place).length), 5);
  const others = c.policies.slice(1);
  lines.push(`${'place'.padEnd(w)}  changed  median      real        >1 month early  ${others.map((p) => p.label.padStart(11)).join(' ')}`);
  history.places.forEach((row, i) => {
    lines.push(
      `${names(row.place).padEnd(w)}  ${pct(row.changed).padStart(7)}  ${short(row.median).padEnd(10)}  ${(row.real ? row.real.date : 'never').padEnd(10)}  ${pct(row.early).padStart(14)}  ${others.map((p) => pct(p.summary.places[i]?.changed ?? 0).padStart(11)).join(' ')}`,
    );
  });
  const b = history.blockade;
  lines.push(
    '',
    `Oil blockade: in ${pct(b.share)} of games; median start ${short(b.medianFrom)} (real 2020-01-17), median ${b.medianDays ?? '—'} days (real 245: 17 Jan to 18 Sept 2020); lifted before August 2020 in ${pct(b.liftedBeforeAugust)} of them`,
  );
  if (b.medianOutput !== null) {
    lines.push(`Oil output while it held: median ${b.medianOutput} thousand b/d (NOC: 182 on 5 Feb 2020, under 100 from spring to summer, about 90 in August)`);
  }
  for (const t of history.toll) lines.push(`Civilians killed, ${t.id}: median ${t.median} against ${t.killed} (${t.source}; target within ±50%)`);
  return lines;
}

class UsageError extends Error {}

function parse(argv: string[]) {
  const options = {
    scenario: { type: 'string' },
    seed: { type: 'string' },
    runs: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean' },
  } as const;
  let values: ReturnType<typeof parseArgs<{ options: typeof options; strict: true }>>['values'];
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  let runs = 200;
  if (values.runs !== undefined) {
    runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1 || runs > 100_000) throw new UsageError(`--runs must be a whole number from 1 to 100000, not "${values.runs}"`);
  }
  const seed = values.seed ?? 'calib';
  if (seed.length === 0 || seed.length > 200) throw new UsageError('--seed must be 1 to 200 characters');
  return { scenario: values.scenario ?? 'sirte-2020', seed, runs, json: values.json ?? false, help: values.help ?? false };
}

function pct(n: number): string {
  return `${n.toFixed(1)}%`;
}

export function formatTable(c: Calibration): string[] {
  const lines = [`Historical calibration — ${c.scenario}, ${c.runs} games per policy, seeds "${c.seed}-1" … "${c.seed}-${c.runs}"`, ''];
  const w = Math.max(...c.rows.map((r) => r.label.length), 4);
  lines.push(`${'fact'.padEnd(w)}  historical  Turkey out  target                         result`);
  for (const r of c.rows) {
    lines.push(
      `${r.label.padEnd(w)}  ${pct(r.historical).padStart(10)}  ${pct(r.turkeyOut).padStart(10)}  ${r.target.padEnd(29)}  ${r.pass === null ? '' : r.pass ? 'pass' : 'FAIL'}`,
    );
  }
  const endings = (e: Record<string, number>) =>
    Object.entries(e)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k, v]) => `${k} ${pct((v * 100) / c.runs)}`)
      .join(', ');
  lines.push('', `Endings, historical: ${endings(c.endings.historical)}`, `Endings, Turkey out: ${endings(c.endings.turkeyOut)}`);
  return lines;
}

export function main(argv: string[], out: (line: string) => void = console.log): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      out(`error: ${e.message}`);
      out('Run with --help for the options.');
      return 2;
    }
    throw e;
  }
  if (args.help) {
    out(HELP);
    return 0;
  }
  const loaded = loadScenarioFile(args.scenario);
  if (!loaded.ok) {
    out(formatProblems(loaded.error));
    return 1;
  }
  const missing = unknownWhatIf(loaded.value, [TURKEY_OUT]);
  if (missing) {
    out(`error: ${missing}; calibration compares history with the switch "${TURKEY_OUT}"`);
    return 1;
  }
  const c = calibrate(loaded.value, args.runs, args.seed);
  const record = loadRecordFile();
  if (!record.ok) {
    out(formatProblems(record.error));
    return 1;
  }
  const path = calibratePath(loaded.value, record.value, args.runs, args.seed);
  const names = (id: string) => (loaded.value.map.places.find((p) => p.id === id)?.name ?? id).replace(/\s*\(.*\)$/, '');
  if (args.json) out(JSON.stringify({ ...c, path }, null, 2));
  else for (const line of [...formatTable(c), ...formatPath(path, names)]) out(line);
  return c.rows.every((r) => r.pass !== false) ? 0 : 3;
}

runWhenMain(import.meta.url, main);
