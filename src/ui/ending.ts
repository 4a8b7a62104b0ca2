// The end of a game: what happened, the score by part, and what happened in history.
import type { GameSession } from '../game/session.ts';
import type { Role } from '../sim/types.ts';
import { copyLinkButton } from './briefing.ts';
import { lineChart } from './chart.ts';
import { append, button, formatDate, formatNumber, h } from './dom.ts';
import { downloadText, replayFileName } from './download.ts';
import { ENDING_NAMES, ROLE_NAMES, ROLE_SHORT, SCORE_PARTS, TALKS_NAMES } from './texts.ts';

export interface EndingActions {
  replay(): void;
  menu(): void;
  report(): void;
}

export function mountEnding(root: HTMLElement, session: GameSession, actions: EndingActions): HTMLElement {
  const s = session.state;
  const ending = s.ending;
  const panel = h('div', { class: 'panel briefing', role: 'main', 'aria-labelledby': 'ending-title' });
  if (!ending) {
    append(panel, h('div', { class: 'briefing-head' }, h('h1', { id: 'ending-title' }, 'The game is not over yet')));
    root.appendChild(panel);
    return panel;
  }
  const role = session.role;
  const mine = ending.scores[role];

  const table = h('table', { class: 'score-table' });
  for (const part of SCORE_PARTS) {
    const value = mine?.parts[part.key] ?? 0;
    const bar = h('i');
    bar.style.width = `${value}%`;
    table.append(
      h('tr', null, h('td', null, part.name), h('td', { class: 'bar' }, h('div', { class: 'meter', style: 'margin:0;height:6px' }, bar)), h('td', { class: 'n' }, String(value))),
    );
  }
  table.append(h('tr', null, h('td', null, h('strong', null, 'Total')), h('td', { class: 'bar' }), h('td', { class: 'n' }, String(mine?.total ?? 0))));

  const others = (['gna', 'lna', 'mediator'] as Role[]).filter((r) => r !== role);
  const last = s.log.at(-1);
  const first = s.log[0];
  const span = { from: first ? formatDate(first.date) : '', to: last ? formatDate(last.date) : '' };
  const yourGame: string[] = [];
  if (last) {
    yourGame.push(`The GNA held ${last.gnaPlaces} places and the LNA ${last.lnaPlaces}${first ? ` (from ${first.gnaPlaces} and ${first.lnaPlaces})` : ''}.`);
    yourGame.push(`Civilian deaths reached ${formatNumber(last.casualties)}; ${formatNumber(last.displaced)} people were displaced.`);
    yourGame.push(`Oil output ended at ${formatNumber(last.oilOutput)}k barrels a day; the talks stood at “${TALKS_NAMES[last.talks]}”.`);
  }

  append(
    panel,
    h(
      'div',
      { class: 'briefing-head' },
      h('div', { class: 'eyebrow' }, `${session.scenario.title} · turn ${ending.turn} · ${formatDate(s.date)} · you played the ${ROLE_NAMES[role]}`),
      h('h1', { id: 'ending-title' }, headline(session)),
    ),
    h(
      'div',
      { class: 'briefing-body scroll' },
      h(
        'div',
        null,
        h('section', null, h('h3', null, 'What happened'), ...ending.text.split(/\n\s*\n/).map((t) => h('p', null, t))),
        h(
          'section',
          null,
          h('h3', null, 'Your score'),
          table,
          h('p', { class: 'small muted', style: 'margin-top:8px' }, others.map((r) => `${ROLE_SHORT[r]} ${ending.scores[r]?.total ?? 0}`).join(' · ')),
        ),
        h(
          'section',
          null,
          h('h3', null, 'Your game in numbers'),
          h('ul', { class: 'plain' }, ...yourGame.map((t) => h('li', null, t))),
          s.log.length > 1
            ? lineChart(
                'Share of the population each side held (%)',
                [
                  { name: 'GNA', color: 'var(--gna)', values: s.log.map((l) => l.gnaShare) },
                  { name: 'LNA', color: 'var(--lna)', dash: '6 3', values: s.log.map((l) => l.lnaShare) },
                ],
                { max: 100, ...span },
              )
            : null,
          s.log.length > 1
            ? lineChart('Civilian deaths', [{ name: 'civilian deaths', color: 'var(--danger)', values: s.log.map((l) => l.casualties) }], span)
            : null,
        ),
      ),
      h(
        'div',
        null,
        h(
          'section',
          null,
          h('h3', null, 'What actually happened'),
          session.scenario.history.length
            ? h('ul', { class: 'timeline' }, ...session.scenario.history.map((e) => h('li', null, h('span', { class: 'date' }, formatDate(e.date)), h('span', null, e.text))))
            : h('p', { class: 'empty' }, 'No history track in this scenario.'),
        ),
      ),
    ),
    h(
      'div',
      { class: 'briefing-foot' },
      button('Main menu', actions.menu, { class: 'ghost' }),
      h(
        'span',
        { class: 'btn-row small muted' },
        `Seed ${session.seed}`,
        copyLinkButton(session),
        button('Download replay', () => downloadText(replayFileName(session.scenario.id, session.role, session.seed, session.history.length), session.toReplay()), {
          class: 'ghost small',
          id: 'ending-download-replay',
          title: 'A file with every order of every turn: watch it again from the main menu (Open a replay…)',
        }),
      ),
      h('div', { class: 'btn-row' }, button('Last report', actions.report), button('Play again, same seed', actions.replay, { class: 'primary' })),
    ),
  );
  root.appendChild(panel);
  panel.querySelector<HTMLElement>('.btn.primary')?.focus({ preventScroll: true });
  return panel;
}

/** "GNA military victory", "The LNA collapses", "Negotiated settlement"… */
function headline(session: GameSession): string {
  const ending = session.state.ending;
  if (!ending) return '';
  const name = (side: 'gna' | 'lna') => session.scenario.sides[side].shortName;
  if (ending.kind === 'military-victory' && ending.winner) return `${name(ending.winner)} military victory`;
  if (ending.kind === 'collapse' && ending.winner) return `The ${name(ending.winner === 'gna' ? 'lna' : 'gna')} collapses`;
  return ENDING_NAMES[ending.kind];
}
