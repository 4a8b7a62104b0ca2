// The war's path, set beside the record (levels/record.json): for each key place, whether and
// when it first changed hands in a game; when the oil blockade began and ended; and the civilian
// toll over the months the UN counted. The calibration (src/cli/calibrate.ts) plays many games
// and sets the medians beside the real dates; the explorer reads the same medians. Pure.
import { addDays, dayNumber } from './dates.ts';
import { type HistoryRecord, heldOn } from './record.ts';
import type { Controller, Scenario, State, TurnReport } from './types.ts';

/** The UN's counts of civilians killed over spans of the war (the project's reference, §5.2). */
export interface TollWindow {
  id: string;
  from: string;
  to: string;
  /** The count and who made it. */
  killed: number;
  source: string;
}

export const TOLL_WINDOWS: readonly TollWindow[] = [
  { id: 'tripoli-3-months', from: '2019-04-04', to: '2019-07-09', killed: 106, source: 'WHO: 106 civilians killed in the first three months of the Tripoli war' },
  { id: '2020-q1', from: '2020-01-01', to: '2020-03-31', killed: 64, source: 'UNSMIL: 64 civilians killed in the first quarter of 2020' },
  { id: '2020-q2', from: '2020-04-01', to: '2020-06-30', killed: 104, source: 'UNSMIL: 102–106 civilians killed in the second quarter of 2020' },
];

export interface GamePath {
  /** First change of hands of each record place (from its holder at the start), ISO date of the turn's end, or null. */
  firstChange: Record<string, string | null>;
  /** Ever held by a side other than its holder at the start. */
  changed: Record<string, boolean>;
  blockadeFrom: string | null;
  blockadeTo: string | null;
  /**
   * Oil output (thousand barrels a day) at the end of each fortnight the blockade was in force
   * from its start to its end (the fortnight it was laid and the one it was lifted left out).
   */
  blockadeOutput: number[];
  /** Civilians killed inside each toll window the game covers whole (by window id). */
  toll: Record<string, number>;
}

/** Watches one game turn by turn. */
export class PathWatcher {
  private readonly start: Record<string, Controller> = {};
  private readonly path: GamePath = { firstChange: {}, changed: {}, blockadeFrom: null, blockadeTo: null, blockadeOutput: [], toll: {} };
  private readonly windows: TollWindow[];

  constructor(
    private readonly record: HistoryRecord,
    private readonly scenario: Scenario,
    first: State,
  ) {
    for (const p of record.places) {
      const c = first.places[p.place]?.controller;
      if (!c) continue;
      this.start[p.place] = c;
      this.path.firstChange[p.place] = null;
      this.path.changed[p.place] = false;
    }
    if (first.country.blockadeBy) this.path.blockadeFrom = first.date;
    const end = lastDay(scenario);
    this.windows = TOLL_WINDOWS.filter((w) => w.from >= scenario.startDate && w.to <= end);
    for (const w of this.windows) this.path.toll[w.id] = 0;
  }

  /**
   * After each turn: `before` is the state the turn began with, `after` the state it left. With
   * the turn's report, the deaths recorded by the events the record names in tollExcludes (the
   * Tarhuna graves: killings of earlier months, found in June 2020) are left out of the toll.
   */
  turn(before: State, after: State, report?: TurnReport): void {
    // The turn covered the fortnight starting at before.date; its end is the next turn's date.
    const end = after.ending ? before.date : after.date;
    for (const id in this.start) {
      const c = after.places[id]?.controller;
      if (c !== this.start[id] && !this.path.changed[id]) {
        this.path.changed[id] = true;
        this.path.firstChange[id] = end;
      }
    }
    if (after.country.blockadeBy && !this.path.blockadeFrom) this.path.blockadeFrom = end;
    if (!after.country.blockadeBy && before.country.blockadeBy && this.path.blockadeFrom && !this.path.blockadeTo) this.path.blockadeTo = end;
    // The first blockade's output once it has bitten (the fortnight it was laid still had oil flowing).
    if (before.country.blockadeBy && after.country.blockadeBy && !this.path.blockadeTo) this.path.blockadeOutput.push(after.country.oilOutput);
    let scripted = 0;
    for (const e of report?.events ?? []) {
      if (e.detail?.type !== 'event') continue;
      const id = e.detail.event;
      if (!this.record.tollExcludes?.some((x) => x.event === id)) continue;
      const def = this.scenario.events.find((x) => x.id === id);
      for (const fx of def?.effects ?? []) if (fx.kind === 'country' && fx.indicator === 'civilianCasualties') scripted += fx.delta;
    }
    const killed = after.country.civilianCasualties - before.country.civilianCasualties - scripted;
    for (const w of this.windows) {
      // The share of the fortnight that falls inside the window (turns straddle month ends).
      const days = overlap(before.date, this.scenario.turnDays, w.from, w.to);
      if (days > 0) this.path.toll[w.id] = (this.path.toll[w.id] ?? 0) + (killed * days) / this.scenario.turnDays;
    }
  }

  result(): GamePath {
    return this.path;
  }

  /** The record's holder of each watched place at the scenario's start (to name the real change). */
  recordStart(place: string): Controller | undefined {
    const entry = this.record.places.find((p) => p.place === place);
    return entry ? heldOn(entry, this.scenario.startDate) : undefined;
  }
}

function lastDay(s: Scenario): string {
  return addDays(s.startDate, s.turns * s.turnDays - 1);
}

function overlap(start: string, days: number, from: string, to: string): number {
  const a = dayNumber(start);
  const b = a + days - 1;
  const lo = Math.max(a, dayNumber(from));
  const hi = Math.min(b, dayNumber(to));
  return Math.max(0, hi - lo + 1);
}

/** The real first change of a place inside the scenario's span (date and words), or null if it held. */
export function realChange(record: HistoryRecord, scenario: Scenario, place: string): { date: string; when: string } | null {
  const entry = record.places.find((p) => p.place === place);
  if (!entry) return null;
  const end = lastDay(scenario);
  const c = (entry.changes ?? []).find((x) => x.date > scenario.startDate && x.date <= end);
  return c ? { date: c.date, when: c.when } : null;
}

export interface PathRow {
  place: string;
  /** Percent of games in which it changed hands. */
  changed: number;
  /** Median date of its first change among the games where it changed (null if none). */
  median: string | null;
  /** Percent of games in which it changed more than a month before the real date (or at all, if it never did). */
  early: number;
  real: { date: string; when: string } | null;
}

export interface PathSummary {
  games: number;
  places: PathRow[];
  blockade: {
    /** Percent of games with a blockade at some point. */
    share: number;
    medianFrom: string | null;
    /** Median days the blockade lasted (to the game's end when never lifted). */
    medianDays: number | null;
    /** Percent of the games with a blockade where it was lifted before August 2020. */
    liftedBeforeAugust: number;
    /** Median over the games of the mean oil output (thousand b/d) while the blockade held (GamePath.blockadeOutput). */
    medianOutput: number | null;
  };
  toll: { id: string; median: number; killed: number; source: string }[];
}

function median<T>(xs: T[], key: (x: T) => number): T | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

const pct = (n: number, of: number) => (of === 0 ? 0 : Math.round((n * 1000) / of) / 10);

export function summarisePaths(record: HistoryRecord, scenario: Scenario, paths: readonly GamePath[]): PathSummary {
  const ids = paths[0] ? Object.keys(paths[0].changed) : [];
  const places = ids.map((place): PathRow => {
    const real = realChange(record, scenario, place);
    const dates = paths.map((p) => p.firstChange[place]).filter((d): d is string => !!d);
    const early = paths.filter((p) => {
      const d = p.firstChange[place];
      return d && (!real || dayNumber(d) < dayNumber(real.date) - 30);
    }).length;
    return { place, changed: pct(dates.length, paths.length), median: median(dates, dayNumber), early: pct(early, paths.length), real };
  });
  const end = lastDay(scenario);
  const withBlockade = paths.filter((p) => p.blockadeFrom);
  const durations = withBlockade.map((p) => dayNumber(p.blockadeTo ?? end) - dayNumber(p.blockadeFrom!));
  const lifted = withBlockade.filter((p) => p.blockadeTo && p.blockadeTo < '2020-08-01').length;
  const toll = TOLL_WINDOWS.filter((w) => paths[0] && w.id in paths[0].toll).map((w) => ({
    id: w.id,
    median: Math.round(median(paths.map((p) => p.toll[w.id] ?? 0), (x) => x) ?? 0),
    killed: w.killed,
    source: w.source,
  }));
  return {
    games: paths.length,
    places,
    blockade: {
      share: pct(withBlockade.length, paths.length),
      medianFrom: median(
        withBlockade.map((p) => p.blockadeFrom!),
        dayNumber,
      ),
      medianDays: median(durations, (x) => x),
      liftedBeforeAugust: pct(lifted, withBlockade.length),
      medianOutput: median(
        paths.filter((p) => p.blockadeOutput.length).map((p) => Math.round(p.blockadeOutput.reduce((a, b) => a + b, 0) / p.blockadeOutput.length)),
        (x) => x,
      ),
    },
    toll,
  };
}
