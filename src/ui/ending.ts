// The end of a game: what happened, the score by part, and what happened in history.
import type { GameSession } from '../game/session.ts';
import { roleScore } from '../game/sim.ts';
import type { Role } from '../sim/types.ts';
import { copyLinkButton } from './briefing.ts';
import { lineChart } from './chart.ts';
import { append, button, formatDate, formatNumber, h } from './dom.ts';
import { downloadText, replayFileName } from './download.ts';
import { endingEpilogue } from './primer.ts';
import { backerOf, isBacker, roleShort, scorePartNames } from './roles.ts';
import { ENDING_NAMES, ROLE_NAMES, ROLE_SHORT, RUNG_NAMES, SCORE_PARTS, TALKS_NAMES } from './texts.ts';

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
  const mine = roleScore(session.scenario, s, role);
  const partNames = scorePartNames(role);

  const table = h('table', { class: 'score-table' });
  for (const part of SCORE_PARTS) {
    const value = mine?.parts[part.key] ?? 0;
    const bar = h('i');
    bar.style.width = `${value}%`;
    table.append(
      h('tr', null, h('td', null, partNames[part.key]), h('td', { class: 'bar' }, h('div', { class: 'meter', style: 'margin:0;height:6px' }, bar)), h('td', { class: 'n' }, String(value))),
    );
  }
  table.append(h('tr', null, h('td', null, h('strong', null, 'Total')), h('td', { class: 'bar' }), h('td', { class: 'n' }, String(mine?.total ?? 0))));

  const others = (['gna', 'lna', 'mediator'] as Role[]).filter((r) => r !== role);
  const yourBacker = backerLines(session);
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
      h('div', { class: 'eyebrow' }, `${session.scenario.title} · turn ${ending.turn} · ${formatDate(s.date)} · you played ${isBacker(role) ? roleShort(session.scenario, role) : `the ${ROLE_NAMES[role]}`}`),
      h('h1', { id: 'ending-title' }, headline(session)),
    ),
    h(
      'div',
      { class: 'briefing-body scroll' },
      h(
        'div',
        null,
        h('section', null, h('h2', { class: 'section-title' }, 'What happened'), ...ending.text.split(/\n\s*\n/).map((t) => h('p', null, t))),
        h(
          'section',
          null,
          h('h2', { class: 'section-title' }, 'Your score'),
          table,
          h('p', { class: 'small muted', style: 'margin-top:8px' }, [...others.map((r) => `${ROLE_SHORT[r]} ${ending.scores[r]?.total ?? 0}`), ...otherBackers(session)].join(' · ')),
        ),
        h(
          'section',
          null,
          h('h2', { class: 'section-title' }, 'Your game in numbers'),
          h('ul', { class: 'plain' }, ...yourGame.map((t) => h('li', null, t))),
          yourBacker.length ? h('h3', null, `${roleShort(session.scenario, role)}'s war`) : null,
          yourBacker.length ? h('ul', { class: 'plain', id: 'ending-backer' }, ...yourBacker.map((t) => h('li', null, t))) : null,
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
          h('h2', { class: 'section-title' }, 'What actually happened'),
          session.scenario.history.length
            ? h('ul', { class: 'timeline' }, ...session.scenario.history.map((e) => h('li', null, h('span', { class: 'date' }, formatDate(e.date)), h('span', null, e.text))))
            : h('p', { class: 'empty' }, 'No history track in this scenario.'),
        ),
      ),
      afterAction(session),
      endingEpilogue(),
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

/**
 * The after-action report (turning points and the charts of the war): its own chunk, loaded
 * when the ending is shown, into a section the ending keeps for it.
 */
function afterAction(session: GameSession): HTMLElement {
  const box = h('section', { class: 'aar', id: 'ending-aar', 'aria-label': 'After-action report' });
  box.append(h('p', { class: 'small muted aar-loading' }, 'Loading the after-action report…'));
  void import('./aar.ts').then(
    (m) => {
      box.querySelector('.aar-loading')?.remove();
      if (!box.isConnected) return;
      try {
        m.mountAfterAction(box, m.sourceOf(session), { print: true });
      } catch (error) {
        box.append(h('p', { class: 'small muted' }, `The after-action report could not be drawn: ${(error as Error).message}.`));
      }
    },
    () => {
      const note = box.querySelector('.aar-loading');
      if (note) note.textContent = 'The after-action report could not be loaded. Try again from the main menu’s Continue.';
    },
  );
  return box;
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

/** A backer's own account of its war: how far it climbed, what it spent, what it admitted, and where history went. */
const rung = (n: number) => (RUNG_NAMES[n] ?? '').toLowerCase();

function backerLines(session: GameSession): string[] {
  const def = backerOf(session.scenario, session.role);
  const b = def ? session.state.backers[def.id] : undefined;
  if (!def || !b) return [];
  const client = def.client === 'none' ? null : session.scenario.sides[def.client].shortName;
  const lines = [
    `${def.name} ended on the rung of ${rung(b.commitment)} (it started on ${rung(def.commitment)}; its highest was ${rung(b.peak)}).`,
    `It spent ${b.spent} of the ${def.costTolerance} it would bear; pressure on it abroad ended at ${b.pressure} of 100.`,
  ];
  if (b.exposures) lines.push(`It was caught ${b.exposures === 1 ? 'once' : `${b.exposures} times`} doing what it denied.`);
  if (b.redLines?.length) lines.push(`It declared ${b.redLines.length === 1 ? 'a red line' : `${b.redLines.length} red lines`}${b.bluffs ? `; ${b.bluffs === 1 ? 'one was' : `${b.bluffs} were`} crossed without an answer` : ''}.`);
  if (b.deliveries) lines.push(`It sent ${b.deliveries} one-off ${b.deliveries === 1 ? 'delivery' : 'deliveries'}${client ? ` to the ${client}` : ''}.`);
  const history = session.scenario.history.filter((e) => e.text.includes(def.name === 'United Arab Emirates' ? 'UAE' : def.name));
  // What the real capital did over the same months, beside the game's.
  for (const e of history.slice(0, 4)) lines.push(`In history, ${formatDate(e.date)}: ${e.text}`);
  return lines;
}

/** The scores of the other backers people played at this screen (hot-seat). */
function otherBackers(session: GameSession): string[] {
  return session.humans
    .filter((r) => r !== session.role && isBacker(r))
    .map((r) => `${roleShort(session.scenario, r)} ${roleScore(session.scenario, session.state, r)?.total ?? 0}`);
}
