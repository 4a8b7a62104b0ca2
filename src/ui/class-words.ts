// Words shared by the classroom screens (src/ui/classroom.ts, table-panel.ts, console.ts,
// console-table.ts): seats, lists of names, who sent a message, the difficulty, why a table
// could not be opened, in the player's language (the classroom namespace of the catalogues).
import { actorName, t } from '../i18n/index.ts';
import { explain, noServer } from '../net/client.ts';
import type { NetMessage, Rejection } from '../net/protocol.ts';
import type { Order, Scenario } from '../sim/types.ts';
import { h, untranslated } from './dom.ts';
import { describeOrder, describeOrderText } from './orders.ts';
import { messageText } from './report-text.ts';

/** A seat's full name in the player's language (a backer the catalogue does not know: its scenario name). */
export function roleName(role: string, scenario?: Scenario | null): string {
  const named = actorName(role, 'long');
  if (named !== role) return named;
  if (role.startsWith('backer:')) return scenario?.backers.find((b) => `backer:${b.id}` === role)?.name ?? role.slice(7);
  return role;
}
/** A seat's short name (GNA, LNA, Mediator, UAE…). */
export function roleShort(role: string, scenario?: Scenario | null): string {
  const named = actorName(role);
  return named !== role ? named : roleName(role, scenario);
}

/** Names in a row: "GNA, LNA" (the language's comma). */
export function nameList(names: readonly string[]): string {
  return names.join(t('classroom.sep'));
}

/** The reason a table or a class could not be opened: no server (said in the language), or the server's own words (English). */
export function problemOf(e: unknown): { text: string; english: boolean } {
  return noServer(e) ? { text: t('classroom.noServer'), english: false } : { text: explain(e), english: true };
}

/** The difficulties, named as the new-game screen names them. */
export const DIFFICULTY_KEYS = { easy: 'menu.difficulty.easy', normal: 'menu.difficulty.normal', hard: 'menu.difficulty.hard', historical: 'menu.difficulty.historical' } as const;
export const difficultyName = (d: string | undefined): string => (d && d in DIFFICULTY_KEYS ? t(DIFFICULTY_KEYS[d as keyof typeof DIFFICULTY_KEYS]) : (d ?? ''));

/**
 * Who sent a message: a person's name as they wrote it, or the teacher's news, which the server
 * names in English (server/class-room.ts), said here in the player's language.
 */
export function senderName(m: Pick<NetMessage, 'from' | 'fromName'>): string {
  if (m.from !== null) return m.fromName;
  if (m.fromName === 'News (sent by the teacher)') return t('classroom.news.event');
  if (m.fromName === 'News from the teacher') return t('classroom.news.text');
  return m.fromName;
}

/**
 * The orders a seat gave, in the player's language, one after another; an event's choice is
 * scenario text, English, marked so. No orders: the ending screen's "no orders".
 */
export function ordersLine(orders: readonly Order[], scenario: Scenario): HTMLElement {
  const line = h('span', { class: 'orders-line' });
  if (!orders.length) {
    line.textContent = t('ending.turning.noOrders');
    return line;
  }
  orders.forEach((o, i) => {
    const text = describeOrderText(o, scenario);
    if (i) line.append('; ');
    line.append(text === null ? untranslated(h('span', null, describeOrder(o, scenario))) : text);
  });
  return line;
}

/** A refusal from the table server: the core's code told in the player's language; the server's own words (no code) as they came, marked English. */
export function refusalText(r: Rejection): HTMLElement {
  return 'msg' in r ? h('span', null, messageText(r.msg)) : untranslated(h('span', null, r.message));
}
