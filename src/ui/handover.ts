// Hot-seat: the screen that stands between one person's turn and the next. While it is up the
// panels are emptied and the map shows no forces (src/scenes/GameMap.ts conceals them), so the
// person taking the seat sees nothing of the view of the one who left it until they say who
// they are. It shows only what every role knows: whose turn it is, the date, and (on a
// person's first turn) their own goals.
import type { GameSession } from '../game/session.ts';
import { periodOf } from '../game/sim.ts';
import { fmtDate, t } from '../i18n/index.ts';
import type { PlayerRole } from '../sim/types.ts';
import { clearAnnouncements } from './announce.ts';
import { button, h, } from './dom.ts';
import { showModal } from './modals.ts';
import { briefingOf, objectivesOf, roleNameText, roleShortText } from './roles.ts';

export function showHandOver(root: HTMLElement, session: GameSession, to: PlayerRole, opts: { firstTurn: boolean; afterTurn: boolean }): Promise<string> {
  // What the live region last said (a place, an order, a turn's changes) was the last player's.
  clearAnnouncements();
  const s = session.scenario;
  const order = session.humans.map((r) => roleShortText(s, r));
  const at = session.humans.indexOf(to);
  const goals = opts.firstTurn ? objectivesOf(s, to) : undefined;
  // "the Libyan National Army", "the International mediator", but "Turkey, backer of the GNA".
  const named = roleNameText(s, to);
  const short = roleShortText(s, to);
  const body: Node[] = [
    h(
      'p',
      { class: 'handover-lead' },
      opts.afterTurn
        ? t(`game.handover.after.${periodOf(s)}`, { role: short })
        : t('game.handover.lead'),
    ),
    h(
      'ol',
      { class: 'handover-order', 'aria-label': t('game.handover.order') },
      ...order.map((name, i) => h('li', { class: `seat${i === at ? ' now' : i < at ? ' done' : ''}` }, name)),
    ),
  ];
  if (goals) {
    // The goals are scenario content: English for now.
    body.push(h('section', { class: 'handover-goals' }, h('h3', null, t('game.handover.goals', { role: named })), h('div', null, h('p', null, goals.summary), h('ul', { class: 'plain' }, ...goals.goals.map((g) => h('li', null, g))))));
    // The briefing the first person read before the game, for each of the others on their first turn.
    const briefing = briefingOf(s, to);
    if (briefing && to !== session.humans[0]) {
      body.push(h('details', { class: 'handover-briefing' }, h('summary', null, t('game.handover.briefing')), h('div', null, ...briefing.split(/\n\s*\n/).map((para) => h('p', null, para.trim())))));
    }
  }
  return showModal(
    root,
    {
      eyebrow: t('game.handover.eyebrow', { turn: session.state.turn, turns: s.turns, date: fmtDate(session.state.date) }),
      title: t('game.handover.title', { role: named }),
      body,
      actions: [button(t('game.handover.ready', { role: short }), () => {}, { class: 'primary', id: 'handover-ready' })],
      className: 'handover',
    },
    ['ready'],
  );
}
