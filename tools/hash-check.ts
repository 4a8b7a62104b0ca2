// A guard for changes that must not change the rules (speed work, refactors): plays many seeded
// games of every playable scenario (each file and its lesson form), with the AI in every role,
// a person's role played by the AI through the player's (checked) path, and random legal orders,
// at every difficulty, and prints one line per turn: the state hash and the hash of the turn's
// report (so what the player reads stays the same too). Run it before and after and diff:
//
//   npx tsx tools/hash-check.ts [--games 300] [--only sirte-2020] > /tmp/after.txt
//   diff /tmp/before.txt /tmp/after.txt && echo same
//
// The last line is a digest of all lines before it.
import { loadScenarioFile, playableScenarioIds } from '../src/cli/files.ts';
import {
  aiOrders,
  canonicalJson,
  hashText,
  LEVELS,
  type PlayerRole,
  type Policy,
  playGame,
  type Scenario,
  stateHash,
} from '../src/sim/index.ts';
import { Rng } from '../src/sim/rng.ts';
import { randomOrders } from './random-orders.ts';

type Mode = 'ai' | 'random';


function playOne(scenario: Scenario, seed: string, role: PlayerRole | null, mode: Mode, difficulty: (typeof LEVELS)[number], out: string[]): void {
  const rng = Rng.fromSeed(`policy-${seed}`);
  const tag = `${scenario.id} ${seed} ${role ?? 'all-ai'} ${mode} ${difficulty}`;
  // The person's role: the AI at the other difficulty through the checked path, or random legal orders.
  const policy: Policy = (sc, state) => (mode === 'ai' ? aiOrders(sc, state, role!, difficulty === 'hard' ? 'easy' : 'hard').orders : randomOrders(sc, state, role!, rng));
  // Played as the runner, the explorer and the benchmark play (playGame).
  const record = playGame(scenario, seed, {
    difficulty,
    ...(role ? { role, policy } : {}),
    onTurn: (before, _orders, after, report) => out.push(`${tag} t${before.turn} ${stateHash(after)} ${hashText(canonicalJson(report))}`),
  });
  out.push(`${tag} end ${record.state.ending?.kind ?? 'none'} ${stateHash(record.state)}`);
}

function main(argv: string[]): void {
  const arg = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const games = Number(arg('--games') ?? 300);
  const only = arg('--only');
  const lines: string[] = [];
  for (const id of playableScenarioIds()) {
    if (only && id !== only) continue;
    const loaded = loadScenarioFile(id);
    if (!loaded.ok) throw new Error(`cannot load ${id}`);
    const scenario = loaded.value;
    const roles: (PlayerRole | null)[] = [null, ...scenario.playable];
    for (let g = 0; g < games; g++) {
      const role = roles[g % roles.length]!;
      const round = Math.floor(g / roles.length);
      const difficulty = LEVELS[round % LEVELS.length]!;
      const mode: Mode = role && Math.floor(round / LEVELS.length) % 2 === 1 ? 'random' : 'ai';
      const out: string[] = [];
      playOne(scenario, `hc-${g}`, role, mode, difficulty, out);
      for (const line of out) console.log(line);
      lines.push(...out);
    }
  }
  console.log(`digest ${hashText(lines.join('\n'))} lines ${lines.length}`);
}

main(process.argv.slice(2));
