// "Left history here": each war set beside the record (levels/record.json) — who held the key
// places, the oil blockade, how far the backers went. A fact departs from history when the war
// differs from the record for more than a month either side of the date; the turn report names
// the facts that departed in the turn just played. Pure: the record comes in as data.
import { dayNumber } from './dates.ts';
import type { RecordFile } from './scenario/schema.ts';
import type { Controller, ReportMessage, Scenario, State } from './types.ts';

export type HistoryRecord = RecordFile;

/** A way this war has left what happened. */
export interface Departure {
  /** Stable id of the fact ("place:al-jufra", "blockade", "backer:egypt:at-most"). */
  id: string;
  /**
   * What departed, as a message code (locales/<lang>/reasons.json). The record's own words (a
   * change's date, the blockade's dates, a backer's line) are record* values: keys of the record's
   * content catalogue (locales/<lang>/content/record.json, "places.8.changes.0.when").
   */
  msg: ReportMessage;
}

/** How far either side of a date the record is given: a change a month early or late is history's. */
export const TOLERANCE_DAYS = 30;

type PlaceEntry = RecordFile['places'][number];

/** Who held the place on this date, in the record. */
export function heldOn(entry: PlaceEntry, date: string): Controller {
  let holder = entry.held;
  for (const c of entry.changes ?? []) if (c.date <= date) holder = c.to;
  return holder;
}

/** Everyone who held the place in the record from a month before the date to a month after. */
function holdersAround(entry: PlaceEntry, day: number): Set<Controller> {
  let holder = entry.held;
  const found = new Set<Controller>();
  for (const c of entry.changes ?? []) {
    const d = dayNumber(c.date);
    if (d <= day - TOLERANCE_DAYS) holder = c.to;
    else if (d <= day + TOLERANCE_DAYS) found.add(c.to);
  }
  found.add(holder);
  return found;
}

function blockadeOn(record: RecordFile, day: number): boolean {
  return day >= dayNumber(record.blockade.from) && day < dayNumber(record.blockade.to);
}

const MONTH = 30.44;

/** A place's departure as a code (`index`: the entry's place in the record, for its catalogue keys). */
function placeDepartureMsg(record: RecordFile, scenario: Scenario, entry: PlaceEntry, index: number, now: Controller, date: string): ReportMessage | null {
  const day = dayNumber(date);
  if (holdersAround(entry, day).has(now)) return null;
  const changes = entry.changes ?? [];
  const expected = heldOn(entry, date);
  const say = (key: string, values: ReportMessage['values'] = {}): ReportMessage => ({ key, values: { site: entry.place, now, actorNow: now, expected, actorExpected: expected, ...values } });
  const when = (c: NonNullable<PlaceEntry['changes']>[number]) => `places.${index}.changes.${changes.indexOf(c)}.when`;
  if (changes.length === 0) return say('reasons.history.never', { year: yearOf(record.span.from) });
  const early = changes.find((c) => c.to === now && c.date > date);
  if (early) {
    const months = Math.max(1, Math.round((dayNumber(early.date) - day) / MONTH));
    return say('reasons.history.early', { months, recordWhen: when(early) });
  }
  const last = [...changes].reverse().find((c) => c.date <= date);
  const before = last ? heldBefore(entry, last) : null;
  if (last && before === now) {
    // Taken before this scenario began, the place was the other side's at the start: this war
    // gave it back, it did not keep it.
    return last.date < scenario.startDate
      ? say('reasons.history.tookBack', { recordWhen: when(last) })
      : say('reasons.history.stillHolds', { recordWhen: when(last) });
  }
  if (entry.held !== now && !changes.some((c) => c.to === now)) return say('reasons.history.neverFell');
  return say('reasons.history.heldBy');
}

function heldBefore(entry: PlaceEntry, change: NonNullable<PlaceEntry['changes']>[number]): Controller {
  let holder = entry.held;
  for (const c of entry.changes ?? []) {
    if (c === change) return holder;
    holder = c.to;
  }
  return holder;
}

const yearOf = (iso: string) => iso.slice(0, 4);

/** Every way this war differs from the record at the state's date (empty outside the record's span). */
/** What the record is compared with: public facts of a state (a network seat's view holds them). */
export type RecordedState = Pick<State, 'date' | 'places' | 'backers' | 'country'>;

export function departures(record: RecordFile, scenario: Scenario, state: RecordedState): Departure[] {
  const date = state.date;
  if (date < record.span.from || date > record.span.to) return [];
  const day = dayNumber(date);
  const start = scenario.startDate;
  const out: Departure[] = [];
  const known = new Set(scenario.map.places.map((p) => p.id));
  for (const [index, entry] of record.places.entries()) {
    const place = state.places[entry.place];
    // A place this scenario does not have, or starts differently from the record, is not compared.
    if (!known.has(entry.place) || !place || (start >= record.span.from && scenario.control[entry.place] !== heldOn(entry, start))) continue;
    const msg = placeDepartureMsg(record, scenario, entry, index, place.controller, date);
    if (msg) out.push({ id: `place:${entry.place}`, msg });
  }
  for (const [index, b] of record.backers.entries()) {
    const level = state.backers[b.backer]?.commitment;
    if (level === undefined) continue;
    const msg = { key: 'reasons.history.backer', values: { recordText: `backers.${index}.text` } };
    if ('atMost' in b) {
      if (level > b.atMost) out.push({ id: `backer:${b.backer}:at-most`, msg });
    } else if (level >= b.rung && day < dayNumber(b.notBefore) - TOLERANCE_DAYS) {
      out.push({ id: `backer:${b.backer}:rung-${b.rung}`, msg });
    }
  }
  const by = state.country.blockadeBy;
  const shut = by === record.blockade.by;
  const expected = [day - TOLERANCE_DAYS, day, day + TOLERANCE_DAYS].map((d) => blockadeOn(record, d));
  const B = record.blockade;
  const dates = { recordFrom: 'blockade.fromWhen', recordTo: 'blockade.toWhen' };
  if (by && !shut) {
    out.push({ id: 'blockade', msg: { key: 'reasons.history.onlyShut', values: { by: B.by, actorBy: B.by, ...dates } } });
  } else if (shut && !expected.some(Boolean)) {
    out.push({
      id: 'blockade',
      msg: { key: date < B.from ? 'reasons.history.beganOnly' : 'reasons.history.lifted', values: dates },
    });
  } else if (!by && expected.every(Boolean)) {
    out.push({ id: 'blockade', msg: { key: 'reasons.history.flows', values: dates } });
  }
  return out;
}

/**
 * Names each departure once, in the turn it happens: a fact that returns to history and leaves
 * it again is named again. A game restored mid-way starts with what it had already left.
 */
export class HistoryTrack {
  private readonly named = new Set<string>();

  constructor(
    private readonly record: RecordFile,
    private readonly scenario: Scenario,
    already?: RecordedState,
  ) {
    if (already) for (const d of departures(record, scenario, already)) this.named.add(d.id);
  }

  /** The departures new in this state (after a turn), in the record's order. */
  next(state: RecordedState): Departure[] {
    const now = departures(this.record, this.scenario, state);
    const ids = new Set(now.map((d) => d.id));
    for (const id of this.named) if (!ids.has(id)) this.named.delete(id);
    const fresh = now.filter((d) => !this.named.has(d.id));
    for (const d of fresh) this.named.add(d.id);
    return fresh;
  }
}
