// What a news card and the turn report say about *when* and *on whose word*: the fortnight a
// turn covers, the date line of an event (as it happened, later than in history, history
// changed, or a claim whose truth is not established), who made a claim and who disputed it,
// and the glossary entries an event's text relies on, opened in place.
import { shownGlossary } from '../content/glossary.ts';
import { fmtDate, intlLocale, lang, pseudoText, t } from '../i18n/index.ts';
import { addDays } from '../sim/dates.ts';
import type { EventDef, ReportEvent } from '../sim/types.ts';
import { formatDate, h } from './dom.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The days a turn covers: "8–21 January 2020", "19 February – 3 March 2020", "24 December 2019 – 6 January 2020". */
export function formatSpan(start: string, days: number): string {
  const end = addDays(start, Math.max(0, days - 1));
  const [y1, m1, d1] = start.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = end.split('-').map(Number) as [number, number, number];
  if (start === end) return formatDate(start);
  if (y1 !== y2) return `${formatDate(start)} – ${formatDate(end)}`;
  if (m1 !== m2) return `${d1} ${MONTHS[m1 - 1]} – ${d2} ${MONTHS[m2 - 1]} ${y2}`;
  return `${d1}–${d2} ${MONTHS[m2 - 1]} ${y2}`;
}

/** formatSpan in the player's language (the translated screens): Intl's date range, English as formatSpan writes it. */
export function spanText(start: string, days: number): string {
  if (lang() === 'en') return formatSpan(start, days);
  const end = addDays(start, Math.max(0, days - 1));
  if (start === end) return fmtDate(start);
  const at = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d));
  };
  const text = new Intl.DateTimeFormat(intlLocale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(at(start), at(end));
  return lang() === 'qps' ? pseudoText(text) : text;
}

/** The turn an event shows in: its first day and how many days it covers. */
export interface TurnSpan {
  date: string;
  days: number;
}

/**
 * A news card's date line. A historical event in its own fortnight: its date, as it happened.
 * One that comes later in this game than in history says both. An invented event has no real
 * date: the fortnight it comes in. A claim gives the date of what it claims and says it is a claim.
 */
export function eventWhen(event: EventDef, turn?: TurnSpan): string {
  const date = fmtDate(event.date);
  if (event.claim) return t('dialogs.when.claim', { date });
  if (event.historical) {
    if (turn && event.date < turn.date) return t('dialogs.when.later', { date });
    return t('dialogs.when.asItHappened', { date });
  }
  return turn ? t('dialogs.when.changedSpan', { span: spanText(turn.date, turn.days) }) : t('dialogs.when.changed');
}

/** "Claimed by … on …", and who disputed it: for an event that reports a claim. */
export function claimLine(event: EventDef): HTMLElement | null {
  const c = event.claim;
  if (!c) return null;
  return h(
    'p',
    { class: 'claim small', 'data-claim': event.id },
    h('strong', null, t('dialogs.claim.by')),
    t('dialogs.claim.on', { by: c.by, date: fmtDate(c.date) }),
    c.disputedBy ? t('dialogs.claim.disputed', { who: c.disputedBy }) : null,
  );
}

/** The glossary entries a text relies on, each opening in place (no second dialog). */
export function termLinks(ids: readonly string[] | undefined, label = t('dialogs.primer.terms')): HTMLElement | null {
  if (!ids?.length) return null;
  const entries = ids.map((id) => shownGlossary().entries.find((e) => e.id === id)).filter((e) => !!e);
  if (!entries.length) return null;
  return h(
    'div',
    { class: 'term-links small' },
    h('span', { class: 'muted' }, `${label}: `),
    ...entries.map((e) =>
      h('details', { class: 'term', 'data-term': e.id }, h('summary', null, e.name), h('p', null, e.text)),
    ),
  );
}

/** What a news card adds under an event's text: who claimed it, and the terms it uses. */
export function eventExtras(event: EventDef): HTMLElement[] {
  return [claimLine(event), termLinks(event.terms)].filter((x): x is HTMLElement => !!x);
}

/** The report's lines of this turn, and those said as the next turn began (its scripted events). */
export function splitNextTurn(events: readonly ReportEvent[]): { now: ReportEvent[]; next: ReportEvent[] } {
  return { now: events.filter((e) => !e.nextTurn), next: events.filter((e) => e.nextTurn) };
}
