// The headless runner: plays whole games with the AI for every actor and prints what happened.
//   npm run sim -- --scenario sirte-2020 --seed 42 [--role gna|lna|mediator] [--runs N] [--json]
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { legacyEnding } from '../game/legacy-ending.ts';
import { otherActorsOrders } from '../sim/ai.ts';
import { EXPLORE_POLICIES, type ExplorePolicy, explore } from '../sim/explore.ts';
import {
  formatProblems,
  type GameRecord,
  isBackerRole,
  makeReplay,
  PLAYER_ROLE_PATTERN,
  type PlayerRole,
  type Policy,
  parseReplayBytes,
  playGame,
  REPLAY_LIMITS,
  ROLES,
  type Role,
  replayText,
  type Scenario,
  stateHash,
  verifyReplay,
} from '../sim/index.ts';
import { endingMsg, roleScore } from '../sim/rules/outcome.ts';
import { analyseTurningPoints, TURNING_DEFAULT_RUNS, TURNING_MAX_RUNS, type TurningGame } from '../sim/turning.ts';
import { applyWhatIfs, unknownWhatIf } from '../sim/whatif.ts';
import { messageText } from '../ui/report-text.ts';
import { roleShort } from '../ui/roles.ts';
import { turningLines } from '../ui/turning-text.ts';
import { englishProblem } from './english.ts';
import { formatExplore, formatWhatIfList } from './explore-table.ts';
import { loadRecordFile, loadScenarioFile, playableScenarioIds, runWhenMain } from './files.ts';

const HELP = `Ceasefire Line — headless runner

Plays a scenario from a seed with the AI for every actor, and prints a turn-by-turn summary,
the ending, the score and the final state hash. With --runs it plays many seeds and prints
the distribution of endings.

Usage: npm run sim -- [options]

Options:
  --scenario <id|file>  scenario id from levels/scenarios (${playableScenarioIds().join(', ')}) or a path to a JSON file (default sirte-2020)
  --seed <text>         the game's seed (default 1); with --runs, seeds are <seed>-1 … <seed>-N
  --role <role>         gna, lna, mediator or backer:<id> (e.g. backer:turkey): that role plays the baseline
                        AI as "the player" (default: all AI); a backer's score is printed too
  --runs <N>            play N seeds (1 to 100000) and print the distribution of endings
  --json                print machine-readable JSON instead of text
  --what-if <id>        turn on one of the scenario's counterfactual switches (repeat for more);
                        with --runs, prints the outcome explorer's table
  --policy <policy>     with --runs, how the actors play: historical, ai-easy, ai-normal or
                        ai-hard (default ai-normal); prints the outcome explorer's table
  --list-what-ifs       list the scenario's what-ifs and exit
  --export-replay <file>  write the game as a replay file (one game only, not with --runs)
  --replay <file>       read a replay file and verify it turn by turn (exit 0 if every turn matches, 1 if not)
  --turning-points      with --replay (or one game with --role): which of the player's decisions moved
                        the outcome most: each turn with orders is played again from there, with the
                        player's orders, with none and with the baseline AI's, --runs times (default ${TURNING_DEFAULT_RUNS})
  --help                show this help
`;

class UsageError extends Error {}

function parse(argv: string[]) {
  let values: ReturnType<typeof parseArgs<{ options: typeof options; strict: true }>>['values'];
  const options = {
    scenario: { type: 'string' },
    seed: { type: 'string' },
    role: { type: 'string' },
    runs: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean' },
    'what-if': { type: 'string', multiple: true },
    policy: { type: 'string' },
    'list-what-ifs': { type: 'boolean' },
    'export-replay': { type: 'string' },
    replay: { type: 'string' },
    'turning-points': { type: 'boolean' },
  } as const;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const role = values.role;
  if (role !== undefined && !PLAYER_ROLE_PATTERN.test(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')} or backer:<id>, not "${role}"`);
  let runs: number | undefined;
  if (values.runs !== undefined) {
    runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1 || runs > 100_000) throw new UsageError(`--runs must be a whole number from 1 to 100000, not "${values.runs}"`);
  }
  const policy = values.policy as ExplorePolicy | undefined;
  if (policy !== undefined && !EXPLORE_POLICIES.includes(policy)) throw new UsageError(`--policy must be one of ${EXPLORE_POLICIES.join(', ')}, not "${policy}"`);
  const whatIfs = values['what-if'] ?? [];
  if ((policy !== undefined || whatIfs.length > 0) && runs !== undefined && role !== undefined) {
    throw new UsageError('--role cannot be used with --runs and --what-if or --policy: the explorer plays every actor by its policy');
  }
  const seed = values.seed ?? '1';
  if (seed.length === 0 || seed.length > 200) throw new UsageError('--seed must be 1 to 200 characters');
  const exportReplay = values['export-replay'];
  if (exportReplay !== undefined && runs !== undefined) throw new UsageError('--export-replay writes one game: it cannot be used with --runs');
  if (exportReplay === '' || values.replay === '') throw new UsageError('--export-replay and --replay need a file name');
  const turningPoints = values['turning-points'] ?? false;
  if (turningPoints) {
    if (values.replay === undefined && role === undefined) throw new UsageError('--turning-points needs a game: --replay <file>, or --role to analyse the baseline AI playing that role');
    if (runs !== undefined && runs > TURNING_MAX_RUNS) throw new UsageError(`with --turning-points, --runs must be a whole number from 1 to ${TURNING_MAX_RUNS}`);
    if (whatIfs.length > 0 && values.replay !== undefined) throw new UsageError('--what-if cannot be used with --replay: the replay names its own what-ifs');
  }
  return {
    turningPoints, scenario: values.scenario ?? 'sirte-2020', seed, role: role as PlayerRole | undefined, runs, json: values.json ?? false, help: values.help ?? false, whatIfs, policy, listWhatIfs: values['list-what-ifs'] ?? false, exportReplay, replay: values.replay };
}

/** The "player" in a headless game plays the same baseline AI as everyone else. */
function aiPolicy(role: PlayerRole): Policy {
  return (scenario, state) => otherActorsOrders(scenario, state, null).orders.filter((o) => o.actor === role);
}

function summaryLine(game: GameRecord, turn: number): string {
  const log = game.state.log[turn];
  if (!log) return '';
  const label = turn === game.state.log.length - 1 && game.state.ending ? 'end' : String(log.turn);
  return `${label.padStart(3)} ${log.date}  GNA ${String(log.gnaPlaces).padStart(2)} places ${String(log.gnaStrength).padStart(4)}00 fighters $${String(log.gnaMoney).padStart(4)}M | LNA ${String(log.lnaPlaces).padStart(2)} places ${String(log.lnaStrength).padStart(4)}00 fighters $${String(log.lnaMoney).padStart(4)}M | oil ${String(log.oilOutput).padStart(4)}k b/d  civilians ${log.casualties}  escalation ${log.escalation}  talks ${log.talks} (trust ${log.trust})`;
}

function playOne(scenario: Scenario, seed: string, role: PlayerRole | undefined, hashEachTurn = false): GameRecord {
  return playGame(scenario, seed, role ? { role, policy: aiPolicy(role), hashEachTurn } : { hashEachTurn });
}

/** --replay: reads a replay file and replays it turn by turn against the bundled scenarios. */
function verifyReplayFile(file: string, json: boolean, out: (line: string) => void, turning?: { runs: number; role: PlayerRole | undefined }): number {
  let bytes: Uint8Array;
  try {
    if (statSync(file).size > REPLAY_LIMITS.bytes) {
      out(`error: ${file}: the file is too large (a replay may be at most ${REPLAY_LIMITS.bytes} bytes)`);
      return 1;
    }
    bytes = readFileSync(file);
  } catch (e) {
    out(`error: cannot read the replay file ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    return 1;
  }
  const parsed = parseReplayBytes(bytes);
  const scenarioOf = (id: string) => {
    if (!playableScenarioIds().includes(id)) return undefined;
    const s = loadScenarioFile(id);
    return s.ok ? s.value : undefined;
  };
  const scenarioTitle = (id: string) => scenarioOf(id)?.title ?? id;
  const result = parsed.ok ? verifyReplay(parsed.value, scenarioOf, { legacyEnding }) : parsed;
  if (!result.ok) {
    if (json) out(JSON.stringify({ ok: false, ...result.error }, null, 2));
    else out(`error: ${file}: ${englishProblem(result.error.msg, scenarioTitle)}`);
    return 1;
  }
  const { replay, scenario, frames } = result.value;
  const last = frames[frames.length - 1] as (typeof frames)[number];
  if (turning) {
    const role = turning.role ?? replay.humans[0];
    if (!role) {
      out(`error: ${file}: every actor in this replay is the computer; name the role to analyse with --role`);
      return 2;
    }
    const game: TurningGame = { scenario, seed: replay.seed, humans: replay.humans, difficulty: replay.difficulty, role, turns: replay.turns.map((t) => t.orders) };
    return printTurningPoints(game, turning.runs, json, out);
  }
  if (json) {
    out(JSON.stringify({ ok: true, scenario: scenario.id, seed: replay.seed, humans: replay.humans, turns: replay.turns.length, ending: last.state.ending, hashes: frames.slice(1).map((f) => f.hash) }, null, 2));
    return 0;
  }
  out(`${scenario.title} — seed "${replay.seed}", ${replay.humans.length ? `played by ${replay.humans.join(', ')}` : 'all actors AI'}, ${replay.turns.length} turns`);
  for (let t = 1; t < frames.length; t++) {
    const hash = (frames[t] as (typeof frames)[number]).hash;
    const recorded = replay.turns[t - 1]?.hash;
    // A file written before the core stopped putting the ending's sentence in the state holds that state's hash.
    out(`turn ${String(t).padStart(3)}  ${hash}  ok${recorded !== hash ? ` (the file has ${recorded}: written when the final state still held the ending in English)` : ''}`);
  }
  out(`Every turn matches. Ending: ${last.state.ending ? `${last.state.ending.kind} on turn ${last.state.ending.turn}` : 'none yet (a game in progress)'}. Final state hash: ${last.hash}`);
  return 0;
}

function printTurningPoints(game: TurningGame, runs: number, json: boolean, out: (line: string) => void): number {
  const summary = analyseTurningPoints(game, { runs });
  if (json) {
    out(JSON.stringify(summary, null, 2));
    return 0;
  }
  out(`${game.scenario.title} — seed "${game.seed}", the decisions of the ${roleShort(game.scenario, game.role)}, ${runs} continuations per branch\n`);
  for (const line of turningLines(summary, game.scenario)) out(line);
  return 0;
}

export function main(argv: string[], out: (line: string) => void = console.log): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      out(`error: ${e.message}\n\n${HELP}`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    out(HELP);
    return 0;
  }
  const turningRuns = args.runs ?? TURNING_DEFAULT_RUNS;
  if (args.replay !== undefined) return verifyReplayFile(args.replay, args.json, out, args.turningPoints ? { runs: turningRuns, role: args.role } : undefined);
  const loaded = loadScenarioFile(args.scenario);
  if (!loaded.ok) {
    out(`error: the scenario could not be loaded:\n${formatProblems(loaded.error)}`);
    return 1;
  }
  const base = loaded.value;
  if (args.listWhatIfs) {
    for (const line of formatWhatIfList(base)) out(line);
    return 0;
  }
  const unknown = unknownWhatIf(base, args.whatIfs);
  if (unknown) {
    out(`error: ${unknown}\nRun with --list-what-ifs to see them.`);
    return 2;
  }
  if (args.runs !== undefined && (args.whatIfs.length > 0 || args.policy !== undefined)) {
    // On the Libya map the games are set beside the record of the war, as the browser's explorer does.
    const record = base.map.id === 'libya' ? loadRecordFile() : null;
    const summary = explore(base, { whatIfs: args.whatIfs, policy: args.policy ?? 'ai-normal', runs: args.runs, seed: args.seed }, record?.ok ? record.value : undefined);
    if (args.json) out(JSON.stringify(summary, null, 2));
    else for (const line of formatExplore(base, summary)) out(line);
    return 0;
  }
  const scenario = applyWhatIfs(base, args.whatIfs);
  if (args.role !== undefined && !scenario.playable.includes(args.role)) {
    out(`error: --role ${args.role} cannot be played in ${scenario.id} (it has ${scenario.playable.join(', ')})`);
    return 2;
  }
  const backerRole = args.role !== undefined && isBackerRole(args.role) ? args.role : null;
  if (args.turningPoints && args.role) {
    const game = playOne(scenario, args.seed, args.role);
    return printTurningPoints({ scenario, seed: args.seed, humans: [args.role], difficulty: game.state.difficulty, role: args.role, turns: game.orders }, turningRuns, args.json, out);
  }
  if (args.runs === undefined) {
    const game = playOne(scenario, args.seed, args.role, args.exportReplay !== undefined);
    const ending = game.state.ending!;
    if (args.exportReplay !== undefined) {
      const replay = makeReplay({ scenario, whatIfs: args.whatIfs, seed: args.seed, humans: args.role ? [args.role] : [], difficulty: game.state.difficulty, orders: game.orders, hashes: game.hashes });
      try {
        writeFileSync(args.exportReplay, replayText(replay));
      } catch (e) {
        out(`error: cannot write the replay file ${args.exportReplay} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
        return 1;
      }
    }
    const hash = stateHash(game.state);
    if (args.json) {
      const backer = backerRole ? { [backerRole]: roleScore(scenario, game.state, backerRole) } : {};
      out(JSON.stringify({ scenario: scenario.id, seed: args.seed, role: args.role ?? null, turns: game.orders.length, ending, ...(backerRole ? { backerScores: backer } : {}), hash, log: game.state.log }, null, 2));
      return 0;
    }
    out(`${scenario.title} — seed "${args.seed}"${args.role ? `, ${args.role} played by the baseline AI` : ', all actors AI'}\n`);
    for (let t = 0; t < game.state.log.length; t++) out(summaryLine(game, t));
    out(`\nEnding: ${ending.kind}${ending.winner ? ` (${scenario.sides[ending.winner].shortName})` : ''} on turn ${ending.turn}. ${messageText(endingMsg(ending.kind, scenario, ending.winner, game.state), scenario)}`);
    for (const r of ROLES) {
      const s = ending.scores[r];
      out(`Score ${r.padEnd(8)} ${String(s.total).padStart(3)}  (territory ${s.parts.territory}, lives ${s.parts.lives}, legitimacy ${s.parts.legitimacy}, stability ${s.parts.stability}, escalation avoided ${s.parts.escalation})`);
    }
    const bs = backerRole ? roleScore(scenario, game.state, backerRole) : null;
    if (backerRole && bs) {
      out(`Score ${backerRole} ${String(bs.total).padStart(3)}  (client's ground ${bs.parts.territory}, lives ${bs.parts.lives}, standing abroad ${bs.parts.legitimacy}, costs within bounds ${bs.parts.stability}, escalation avoided ${bs.parts.escalation})`);
    }
    out(`Final state hash: ${hash}`);
    return 0;
  }
  const counts = new Map<string, number>();
  const scores: Record<Role, number[]> = { gna: [], lna: [], mediator: [] };
  const backerScores: number[] = [];
  for (let i = 1; i <= args.runs; i++) {
    const game = playOne(scenario, `${args.seed}-${i}`, args.role);
    const e = game.state.ending!;
    const key = `${e.kind}${e.winner ? `:${e.winner}` : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const r of ROLES) scores[r].push(e.scores[r].total);
    if (backerRole) backerScores.push(roleScore(scenario, game.state, backerRole)?.total ?? 0);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const rows = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (args.json) {
    out(JSON.stringify({ scenario: scenario.id, seed: args.seed, runs: args.runs, endings: Object.fromEntries(rows), medianScore: { gna: median(scores.gna), lna: median(scores.lna), mediator: median(scores.mediator), ...(backerRole ? { [backerRole]: median(backerScores) } : {}) } }, null, 2));
    return 0;
  }
  out(`${scenario.title} — ${args.runs} games, seeds "${args.seed}-1" … "${args.seed}-${args.runs}"\n`);
  out('ending                     games   share');
  for (const [key, n] of rows) out(`${key.padEnd(26)} ${String(n).padStart(6)}  ${((n * 100) / args.runs).toFixed(1).padStart(5)}%`);
  out(`\nMedian score: GNA ${median(scores.gna)}, LNA ${median(scores.lna)}, mediator ${median(scores.mediator)}${backerRole ? `, ${backerRole} ${median(backerScores)}` : ''}`);
  return 0;
}

runWhenMain(import.meta.url, main);
