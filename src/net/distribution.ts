// The class debrief against the computer: the same scenario (its what-ifs, its difficulty)
// played by the computer at every seat, many times over with seeds <prefix>-1 … <prefix>-N —
// the outcome explorer's own games (src/sim/explore.ts), played in the teacher's browser by its
// workers — and where each table falls among them: how often the computer games ended as the
// table did, and the percentile of its figures among theirs on the same date. No DOM: the tests
// read it in Node, and check it against the explorer's runner for the same seeds.
import type { ExploreConfig, ExplorePart } from '../sim/explore.ts';
import { difficultyPolicy, share } from '../sim/explore.ts';
import type { ClassWelcome, ConsoleTable, TableFigures } from './protocol.ts';

/** How many computer games the debrief plays unless the teacher chooses otherwise. */
export const DISTRIBUTION_DEFAULT_RUNS = 1000;
export const DISTRIBUTION_RUN_CHOICES = [100, 200, 500, 1000, 2000] as const;

/** The figures a table is placed by: the console's name, the explorer's indicator. */
export const PLACED_FIGURES = [
  { id: 'casualties', figure: 'civilianDeaths', label: 'Civilian deaths' },
  { id: 'escalation', figure: 'escalation', label: 'Escalation' },
  { id: 'oilOutput', figure: 'oil', label: 'Oil output' },
] as const satisfies readonly { id: string; figure: keyof TableFigures; label: string }[];
export type PlacedId = (typeof PLACED_FIGURES)[number]['id'];

/** The batch of computer games for a class: every actor played by the computer at the class's difficulty. */
export function distributionConfig(welcome: Pick<ClassWelcome, 'seed' | 'difficulty' | 'whatIfs' | 'code'>, runs: number): ExploreConfig {
  return { whatIfs: [...(welcome.whatIfs ?? [])], policy: difficultyPolicy(welcome.difficulty ?? 'normal'), runs, seed: `computer-${welcome.seed ?? welcome.code}` };
}

export interface Distribution {
  runs: number;
  seed: string;
  /** Games per ending key ("military-victory:lna"), most frequent first. */
  endings: { ending: string; games: number; share: number }[];
  /** Each placed figure's values by turn (index 0: the opening), sorted, one per game. */
  values: Record<PlacedId, number[][]>;
}

/** The distribution from the parts of a batch (the workers' answers), in seed order. */
export function distributionOf(config: ExploreConfig, parts: readonly ExplorePart[]): Distribution {
  const ordered = [...parts].sort((a, b) => a.first - b.first);
  const runs = ordered.reduce((n, p) => n + p.played, 0);
  const counts = new Map<string, number>();
  const values = {} as Record<PlacedId, number[][]>;
  for (const f of PLACED_FIGURES) values[f.id] = [];
  for (const part of ordered) {
    for (const [key, e] of part.endings) counts.set(key, (counts.get(key) ?? 0) + e.games);
    for (const [id, byTurn] of part.values) {
      const into = values[id as PlacedId];
      if (!into) continue;
      byTurn.forEach((xs, t) => {
        into[t] ??= [];
        into[t]!.push(...xs);
      });
    }
  }
  for (const f of PLACED_FIGURES) for (const xs of values[f.id]) xs.sort((a, b) => a - b);
  const endings = [...counts.entries()]
    .map(([ending, games]) => ({ ending, games, share: share(games, runs) }))
    .sort((a, b) => b.games - a.games || (a.ending < b.ending ? -1 : a.ending > b.ending ? 1 : 0));
  return { runs, seed: config.seed, endings, values };
}

/**
 * Where a value falls among sorted ones, as a percentile rank 0–100 (whole numbers): the share
 * of games below it, counting games equal to it as half below.
 */
export function percentileRank(sorted: readonly number[], value: number): number {
  if (!sorted.length) return 0;
  let below = 0;
  let equal = 0;
  for (const x of sorted) {
    if (x < value) below++;
    else if (x === value) equal++;
  }
  return Math.round(((2 * below + equal) * 50) / sorted.length);
}

export interface TablePlace {
  /** The table's ending and the share of computer games that ended so (null: not ended yet). */
  ending: { key: string; games: number; share: number } | null;
  /** The turn compared (the table's last), and each figure's place on that date. */
  turn: number;
  figures: { id: PlacedId; label: string; value: number; percentile: number; median: number }[];
}

export function endingKeyOf(t: ConsoleTable): string | null {
  return t.ending ? `${t.ending.kind}${t.ending.winner ? `:${t.ending.winner}` : ''}` : null;
}

/** Where a table falls in the distribution: its ending's share, its figures' percentiles on the same turn. */
export function placeTable(d: Distribution, t: ConsoleTable): TablePlace {
  const last = t.figures[t.figures.length - 1];
  const key = endingKeyOf(t);
  const games = key ? (d.endings.find((e) => e.ending === key)?.games ?? 0) : 0;
  const turn = last?.turn ?? 1;
  const figures = last
    ? PLACED_FIGURES.map((f) => {
        const byTurn = d.values[f.id];
        // A computer game that ended earlier keeps its last figures (as in the explorer).
        const sorted = byTurn[Math.min(turn - 1, byTurn.length - 1)] ?? [];
        const value = last[f.figure] as number;
        return { id: f.id, label: f.label, value, percentile: percentileRank(sorted, value), median: sorted[Math.floor((sorted.length - 1) / 2)] ?? 0 };
      })
    : [];
  return { ending: key ? { key, games, share: share(games, d.runs) } : null, turn, figures };
}
