// Hot-seat: the screen that stands between one person's turn and the next. While it is up the
// panels are emptied and the map shows no forces (src/scenes/GameMap.ts conceals them), so the
// person taking the seat sees nothing of the view of the one who left it until they say who
// they are. It shows only what every role knows: whose turn it is, the date, and (on a
// person's first turn) their own goals.
import type { GameSession } from '../game/session.ts';
import { periodOf } from '../game/sim.ts';
import type { PlayerRole } from '../sim/types.ts';
import { clearAnnouncements } from './announce.ts';
import { button, formatDate, h } from './dom.ts';
import { showModal } from './modals.ts';
import { briefingOf, objectivesOf, roleName, roleShort } from './roles.ts';

export function showHandOver(root: HTMLElement, session: GameSession, to: PlayerRole, opts: { firstTurn: boolean; afterTurn: boolean }): Promise<string> {
  // What the live region last said (a place, an order, a turn's changes) was the last player's.
  clearAnnouncements();
  const s = session.scenario;
  const order = session.humans.map((r) => roleShort(s, r));
  const at = session.humans.indexOf(to);
  const goals = opts.firstTurn ? objectivesOf(s, to) : undefined;
  // "the Libyan National Army", "the International mediator", but "Turkey, backer of the GNA".
  const named = to.startsWith('backer:') ? roleName(s, to) : `the ${roleName(s, to)}`;
  const body: Node[] = [
    h(
      'p',
      { class: 'handover-lead' },
      opts.afterTurn
        ? `The ${periodOf(s)} has been played. ${roleShort(s, to)} opens the next one and sees first what came of it.`
        : 'Everyone else looks away. Nothing of the last player’s view is on this screen, and nothing of yours shows until you are ready.',
    ),
    h(
      'ol',
      { class: 'handover-order', 'aria-label': 'Turn order at this screen' },
      ...order.map((name, i) => h('li', { class: `seat${i === at ? ' now' : i < at ? ' done' : ''}` }, name)),
    ),
  ];
  if (goals) {
    body.push(h('section', { class: 'handover-goals' }, h('h3', null, `Your goals as ${named}`), h('p', null, goals.summary), h('ul', { class: 'plain' }, ...goals.goals.map((g) => h('li', null, g)))));
    // The briefing the first person read before the game, for each of the others on their first turn.
    const briefing = briefingOf(s, to);
    if (briefing && to !== session.humans[0]) {
      body.push(h('details', { class: 'handover-briefing' }, h('summary', null, 'Your briefing'), ...briefing.split(/\n\s*\n/).map((t) => h('p', null, t.trim()))));
    }
  }
  return showModal(
    root,
    {
      eyebrow: `Hot-seat · turn ${session.state.turn} of ${s.turns} · ${formatDate(session.state.date)}`,
      title: `Pass the screen to ${named}`,
      body,
      actions: [button(`I am ${roleShort(s, to)}: show my view`, () => {}, { class: 'primary', id: 'handover-ready' })],
      className: 'handover',
    },
    ['ready'],
  );
}
