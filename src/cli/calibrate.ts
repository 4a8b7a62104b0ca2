// Historical calibration: play many seeded games in which every actor follows the historical
// policy and report how often the key facts of 2020 happen, with Turkey in and with Turkey out.
//   npm run calibrate -- [--scenario sirte-2020] [--runs 200] [--seed calib] [--json]
//
// The historical policy: the GNA, the LNA and the mediator play the baseline AI; the foreign
// backers take no decisions of their own (their AI orders are filtered out) and move only
// through the scenario's dated historical events, which carry their real escalations.
// The counterfactual "Turkey stays out" is the same scenario with Turkey at rung 0 and unable
// to climb, without any Turkish formation (at the start or in reserve), without the events in
// which Turkey steps up (their other effects follow from the escalation), and with every other
// event effect on Turkey's commitment or its formations removed.
import { parseArgs } from 'node:util';
import { formatProblems, type Order, playGame, type Scenario, type State } from '../sim/index.ts';
import { loadScenarioFile, scenarioIds } from './files.ts';

const HELP = `Ceasefire Line — historical calibration

Plays a scenario many times with the historical policy (the Libyan sides and the mediator play
the baseline AI; foreign backers act only through the scenario's dated historical events) and
once more with Turkey staying out, and prints how often the key facts of 2020 happen.

Usage: npm run calibrate -- [options]

Options:
  --scenario <id|file>  scenario id (${scenarioIds().join(', ')}) or a path to a JSON file (default sirte-2020)
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
places and backer.

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

export const FACTS: readonly FactDef[] = [
  { id: 'tripoli-held', label: 'Tripoli stays with the GNA through June 2020', target: { policy: 'historical', op: '>', share: 50, words: 'most (> 50%)' } },
  { id: 'watiya-changes', label: 'al-Watiya changes hands', target: { policy: 'historical', op: '>', share: 50, words: 'most (> 50%)' } },
  { id: 'tarhuna-changes', label: 'Tarhuna changes hands', target: { policy: 'historical', op: '>', share: 50, words: 'most (> 50%)' } },
  {
    id: 'front-sirte',
    label: 'Front ends between Sirte and Misrata',
    target: { policy: 'historical', op: '>', share: 50, words: 'most (> 50%)' },
  },
  { id: 'oil-blockade', label: 'An oil blockade comes', target: { policy: 'historical', op: '>=', share: 90, words: 'nearly all (≥ 90%)' } },
  {
    id: 'lna-takes-tripoli',
    label: 'The LNA takes Tripoli',
    target: { policy: 'turkey-out', op: '>', share: 50, words: 'most with Turkey out (> 50%)' },
  },
];

/** The last day of the period in which Tripoli must stay with the GNA. */
export const TRIPOLI_UNTIL = '2020-06-30';

/** The historical policy: only the Libyan sides' and the mediator's AI orders are kept. */
export function historicalOrder(order: Order): boolean {
  return !order.actor.startsWith('backer:');
}

/**
 * A backer that stays out (the counterfactual "Turkey stays out"): a copy of the scenario with
 * the backer at rung 0 and unable to climb, none of its formations at the start, in reserve or
 * on any ladder, no event in which it steps up (what else such an event does follows from the
 * escalation: the confidence its arrival gives, the city it rallies), and no other event
 * effect on its commitment or its formations. The scenario passed in is not changed.
 */
export function withoutBacker(scenario: Scenario, backerId: string): Scenario {
  const copy = structuredClone(scenario);
  const theirs = new Set([...copy.formations, ...copy.reserves].filter((f) => f.backer === backerId).map((f) => f.id));
  copy.formations = copy.formations.filter((f) => !theirs.has(f.id));
  copy.reserves = copy.reserves.filter((f) => !theirs.has(f.id));
  for (const b of copy.backers) {
    if (b.id === backerId) {
      b.commitment = 0;
      b.maxCommitment = 0;
    }
    for (const rung of b.ladder) if (rung.deploys) rung.deploys = rung.deploys.filter((f) => !theirs.has(f));
  }
  const drop = (e: Scenario['events'][number]['effects'][number]) =>
    (e.kind === 'commitment' && e.backer === backerId) || (e.kind === 'deploy' && theirs.has(e.formation)) || (e.kind === 'loyalty' && theirs.has(e.formation));
  copy.events = copy.events.filter((ev) => !ev.effects.some((e) => e.kind === 'commitment' && e.backer === backerId && e.delta > 0));
  for (const ev of copy.events) {
    ev.effects = ev.effects.filter((e) => !drop(e));
    for (const option of ev.choice?.options ?? []) option.effects = option.effects.filter((e) => !drop(e));
  }
  return copy;
}

export interface GameFacts {
  seed: string;
  ending: string;
  facts: Record<string, boolean>;
}

function gnaDefeated(state: State): boolean {
  const e = state.ending;
  return !!e && ((e.kind === 'military-victory' && e.winner === 'lna') || (e.kind === 'collapse' && e.winner === 'lna'));
}

/** Plays one game under the historical policy and reads off the facts. */
export function playHistorical(scenario: Scenario, seed: string): GameFacts {
  let tripoliHeld = true;
  let watiya = false;
  let tarhuna = false;
  let blockade = false;
  let lnaTripoli = false;
  const look = (s: State) => {
    if (s.places['al-watiya']?.controller === 'gna') watiya = true;
    if (s.places.tarhuna?.controller === 'gna') tarhuna = true;
    if (s.country.blockadeBy !== null) blockade = true;
    if (s.places.tripoli?.controller === 'lna') lnaTripoli = true;
  };
  const game = playGame(scenario, seed, {
    keepAiOrder: historicalOrder,
    onTurn: (before, _orders, after) => {
      if (before.turn === 1) look(before);
      look(after);
      if (before.date <= TRIPOLI_UNTIL && (after.places.tripoli?.controller !== 'gna' || gnaDefeated(after))) tripoliHeld = false;
    },
  });
  const end = game.state;
  const front =
    end.places.tripoli?.controller === 'gna' &&
    end.places.misrata?.controller === 'gna' &&
    end.places.sirte?.controller === 'lna' &&
    end.places.benghazi?.controller === 'lna';
  const ending = end.ending ? `${end.ending.kind}${end.ending.winner ? `:${end.ending.winner}` : ''}` : 'none';
  return {
    seed,
    ending,
    facts: {
      'tripoli-held': tripoliHeld,
      'watiya-changes': watiya,
      'tarhuna-changes': tarhuna,
      'front-sirte': front,
      'oil-blockade': blockade,
      'lna-takes-tripoli': lnaTripoli,
    },
  };
}

export interface PolicyResult {
  games: number;
  /** Percent of games in which each fact happened (one decimal), by fact id. */
  share: Record<string, number>;
  endings: Record<string, number>;
}

export function runPolicy(scenario: Scenario, seedPrefix: string, runs: number): PolicyResult {
  const count: Record<string, number> = {};
  const endings: Record<string, number> = {};
  for (let i = 1; i <= runs; i++) {
    const g = playHistorical(scenario, `${seedPrefix}-${i}`);
    for (const [id, v] of Object.entries(g.facts)) count[id] = (count[id] ?? 0) + (v ? 1 : 0);
    endings[g.ending] = (endings[g.ending] ?? 0) + 1;
  }
  const share: Record<string, number> = {};
  for (const f of FACTS) share[f.id] = Math.round(((count[f.id] ?? 0) * 1000) / runs) / 10;
  return { games: runs, share, endings };
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
  const historical = runPolicy(scenario, seed, runs);
  const out = runPolicy(withoutBacker(scenario, 'turkey'), seed, runs);
  const rows = FACTS.map((f): CalibrationRow => {
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
  const c = calibrate(loaded.value, args.runs, args.seed);
  if (args.json) out(JSON.stringify(c, null, 2));
  else for (const line of formatTable(c)) out(line);
  return c.rows.every((r) => r.pass !== false) ? 0 : 3;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
