// The record of the war (levels/record.json) for the turn report's "Left history here" line.
// It is small (a few KB) and travels with the play chunk; it is checked by the same loader as the
// tests use, against the places of the map it describes. Only the scenarios on that map (not the
// tutorial's slice of it) are compared with it.
import data from '../../levels/record.json';
import { formatProblems, HistoryTrack, loadRecord } from './sim.ts';
import type { Departure, HistoryRecord, Scenario, State } from './sim-types.ts';

const RECORD_MAP = 'libya';
let record: HistoryRecord | null = null;

/** The track of a game's departures from history, or null where the record does not apply. */
export function historyTrack(scenario: Scenario, state: Pick<State, 'date' | 'places' | 'backers' | 'country'>): HistoryTrack | null {
  const r = historyRecord(scenario);
  return r ? new HistoryTrack(r, scenario, state) : null;
}

/** The record, checked once, where it applies to the scenario's map (the after-action charts draw it too). */
export function historyRecord(scenario: Scenario): HistoryRecord | null {
  if (scenario.map.id !== RECORD_MAP) return null;
  if (!record) {
    const loaded = loadRecord({ file: 'levels/record.json', data }, scenario.map.places.map((p) => p.id));
    if (!loaded.ok) throw new Error(`The bundled record is invalid:\n${formatProblems(loaded.error)}`);
    record = loaded.value;
  }
  return record;
}

export type { Departure };
