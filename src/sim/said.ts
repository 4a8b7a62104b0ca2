// A sentence the core says to the player outside the turn report (an order's preview, why an
// order is refused, a warning) and the same sentence as a message code: a key of
// locales/<lang>/orders.json and its values (ids and numbers, named as src/ui/report-text.ts
// reads them), which the screen tells in the player's language.
import type { ReportMessage } from './types.ts';

export interface Said {
  text: string;
  msg: ReportMessage;
}

export const said = (text: string, key: string, values: ReportMessage['values'] = {}): Said => ({ text, msg: { key, values } });

/** The names of the backers' rungs, as message keys (RUNG_NAMES in rules/events.ts, by index). */
export const RUNG_KEYS = ['orders.rung.0', 'orders.rung.1', 'orders.rung.2', 'orders.rung.3', 'orders.rung.4'] as const;

/** An attack's summary as a table server sends it to a seat: the defenders' figure left out (server/previews.ts). */
export const ATTACK_SUMMARY_HIDDEN = 'orders.summary.attackHidden';
