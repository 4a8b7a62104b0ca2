// What the core says to the player outside the turn report (an order's preview, why an order is
// refused, a warning) is a message code: a key of locales/<lang>/orders.json and its values (ids
// and numbers, named as src/ui/report-text.ts reads them). The core writes no words; the screen,
// the CLI and the tests tell the code in a language (src/ui/report-text.ts messageText).
import type { ReportMessage } from './types.ts';

/** A message code: a catalogue key (orders.json, reasons.json, report.json) and its values. */
export const m = (key: string, values: ReportMessage['values'] = {}): ReportMessage => ({ key, values });

/** The names of the backers' rungs, as message keys (by index). */
export const RUNG_KEYS = ['orders.rung.0', 'orders.rung.1', 'orders.rung.2', 'orders.rung.3', 'orders.rung.4'] as const;

/** An attack's summary as a table server sends it to a seat: the defenders' figure left out (server/previews.ts). */
export const ATTACK_SUMMARY_HIDDEN = 'orders.summary.attackHidden';
