// The end of a game: what happened, the score by part, and what happened in history.
import type { GameSession } from '../game/session.ts';
import { endingMsg, roleScore } from '../game/sim.ts';
import { fmtDate, fmtNumber, t } from '../i18n/index.ts';
import type { Role } from '../sim/types.ts';
import { copyLinkButton } from './briefing.ts';
import { lineChart } from './chart.ts';
import { append, button, h } from './dom.ts';
import { downloadText, replayFileName } from './download.ts';
import { endingName, named, roleFullName, roleShortName, roleSid, rungNameLower, scorePartName, sideShort, talksName } from './end-words.ts';
import { endingEpilogue } from './primer.ts';
import { messageSpan } from './report-text.ts';
import { backerOf, isBacker } from './roles.ts';
import { SCORE_PARTS } from './texts.ts';

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
    append(panel, h('div', { class: 'briefing-head' }, h('h1', { id: 'ending-title' }, t('ending.notOver'))));
    root.appendChild(panel);
    return panel;
  }
  const role = session.role;
  const mine = roleScore(session.scenario, s, role);

  const table = h('table', { class: 'score-table' });
  for (const part of SCORE_PARTS) {
    const value = mine?.parts[part.key] ?? 0;
    const bar = h('i');
    bar.style.width = `${value}%`;
    table.append(
      h('tr', null, h('td', null, scorePartName(role, part.key)), h('td', { class: 'bar' }, h('div', { class: 'meter', style: 'margin:0;height:6px' }, bar)), h('td', { class: 'n' }, fmtNumber(value))),
    );
  }
  table.append(h('tr', null, h('td', null, h('strong', null, t('ending.total'))), h('td', { class: 'bar' }), h('td', { class: 'n' }, fmtNumber(mine?.total ?? 0))));

  const others = (['gna', 'lna', 'mediator'] as Role[]).filter((r) => r !== role);
  const yourBacker = backerLines(session);
  const last = s.log.at(-1);
  const first = s.log[0];
  const span = { from: first ? fmtDate(first.date) : '', to: last ? fmtDate(last.date) : '' };
  const yourGame: string[] = [];
  if (last) {
    const gna = sideShort(session.scenario, 'gna');
    const lna = sideShort(session.scenario, 'lna');
    yourGame.push(
      first
        ? t('ending.numbers.placesFrom', { gna, lna, g: last.gnaPlaces, l: last.lnaPlaces, g0: first.gnaPlaces, l0: first.lnaPlaces })
        : t('ending.numbers.places', { gna, lna, g: last.gnaPlaces, l: last.lnaPlaces }),
    );
    yourGame.push(t('ending.numbers.harm', { deaths: fmtNumber(last.casualties), displaced: fmtNumber(last.displaced) }));
    yourGame.push(t('ending.numbers.oil', { oil: fmtNumber(last.oilOutput), talks: talksName(last.talks) }));
  }

  append(
    panel,
    h(
      'div',
      { class: 'briefing-head' },
      h(
        'div',
        { class: 'eyebrow' },
        h('span', null, session.scenario.title),
        t('ending.eyebrow', {
          turn: ending.turn,
          date: fmtDate(s.date),
          role: isBacker(role) ? roleShortName(session.scenario, role).text : roleFullName(session.scenario, role).text,
          backer: isBacker(role) ? 'yes' : 'no',
          sid: roleSid(role),
        }),
      ),
      h('h1', { id: 'ending-title' }, headline(session)),
    ),
    h(
      'div',
      { class: 'briefing-body scroll' },
      h(
        'div',
        null,
        // What happened, told from its code: the ending's message, worked out again from the final state (kept off the
        // state, whose hash covers the ending; test/reasons-text.test.ts checks it gives the ending's text).
        h('section', null, h('h2', { class: 'section-title' }, t('ending.whatHappened')), messageSpan(endingMsg(ending.kind, session.model, ending.winner, s), session.scenario, 'p')),
        h(
          'section',
          null,
          h('h2', { class: 'section-title' }, t('ending.yourScore')),
          table,
          h('p', { class: 'small muted', style: 'margin-top:8px' }, [...others.map((r) => `${roleShortName(session.scenario, r).text} ${fmtNumber(ending.scores[r]?.total ?? 0)}`), ...otherBackers(session)].join(' · ')),
        ),
        h(
          'section',
          null,
          h('h2', { class: 'section-title' }, t('ending.inNumbers')),
          h('ul', { class: 'plain' }, ...yourGame.map((x) => h('li', null, x))),
          yourBacker.length ? h('h3', null, t('ending.backerWar', { backer: roleShortName(session.scenario, role).text, sid: roleSid(role) })) : null,
          yourBacker.length ? h('ul', { class: 'plain', id: 'ending-backer' }, ...yourBacker) : null,
          s.log.length > 1
            ? lineChart(
                t('ending.chart.share'),
                [
                  { name: sideShort(session.scenario, 'gna'), color: 'var(--gna)', values: s.log.map((l) => l.gnaShare) },
                  { name: sideShort(session.scenario, 'lna'), color: 'var(--lna)', dash: '6 3', values: s.log.map((l) => l.lnaShare) },
                ],
                { max: 100, ...span },
              )
            : null,
          s.log.length > 1
            ? lineChart(t('ending.chart.deaths'), [{ name: t('ending.chart.deathsSeries'), color: 'var(--danger)', values: s.log.map((l) => l.casualties) }], span)
            : null,
        ),
      ),
      h(
        'div',
        null,
        h(
          'section',
          null,
          h('h2', { class: 'section-title' }, t('ending.history')),
          session.scenario.history.length
            ? h('ul', { class: 'timeline' }, ...session.scenario.history.map((e) => h('li', null, h('span', { class: 'date' }, fmtDate(e.date)), h('span', null, e.text))))
            : h('p', { class: 'empty' }, t('ending.noHistory')),
        ),
      ),
      afterAction(session),
      endingEpilogue(),
    ),
    h(
      'div',
      { class: 'briefing-foot' },
      button(t('ending.menu'), actions.menu, { class: 'ghost' }),
      h(
        'span',
        { class: 'btn-row small muted' },
        t('ending.seed', { seed: session.seed }),
        copyLinkButton(session),
        button(t('ending.download'), () => downloadText(replayFileName(session.scenario.id, session.role, session.seed, session.history.length), session.toReplay()), {
          class: 'ghost small',
          id: 'ending-download-replay',
          title: t('ending.downloadTitle'),
        }),
      ),
      h('div', { class: 'btn-row' }, button(t('ending.lastReport'), actions.report, { 'data-action': 'last-report' }), button(t('ending.again'), actions.replay, { class: 'primary' })),
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
  const box = h('section', { class: 'aar', id: 'ending-aar', 'aria-label': t('ending.aar.label') });
  box.append(h('p', { class: 'small muted aar-loading' }, t('ending.aar.loading')));
  void import('./aar.ts').then(
    (m) => {
      box.querySelector('.aar-loading')?.remove();
      if (!box.isConnected) return;
      try {
        m.mountAfterAction(box, m.sourceOf(session), { print: true });
      } catch (error) {
        box.append(h('p', { class: 'small muted' }, t('ending.aar.failed', { message: (error as Error).message })));
      }
    },
    () => {
      const note = box.querySelector('.aar-loading');
      if (note) note.textContent = t('ending.aar.notLoaded');
    },
  );
  return box;
}

/** "GNA military victory", "The LNA collapses", "Negotiated settlement"… */
function headline(session: GameSession): string {
  const ending = session.state.ending;
  if (!ending) return '';
  const name = (side: 'gna' | 'lna') => sideShort(session.scenario, side);
  if (ending.kind === 'military-victory' && ending.winner) return t('ending.headline.victory', { side: name(ending.winner), sid: ending.winner });
  if (ending.kind === 'collapse' && ending.winner) return t('ending.headline.collapse', { side: name(ending.winner === 'gna' ? 'lna' : 'gna'), sid: ending.winner === 'gna' ? 'lna' : 'gna' });
  return endingName(ending.kind);
}

/** A backer's own account of its war: how far it climbed, what it spent, what it admitted, and where history went. */
function backerLines(session: GameSession): HTMLElement[] {
  const def = backerOf(session.scenario, session.role);
  const b = def ? session.state.backers[def.id] : undefined;
  if (!def || !b) return [];
  const client = def.client === 'none' ? null : sideShort(session.scenario, def.client);
  const name = named(def.id, def.name, 'long');
  const line = (x: string) => h('li', null, x);
  const lines = [
    line(t('ending.backer.rung', { backer: name.text, now: rungNameLower(b.commitment), start: rungNameLower(def.commitment), peak: rungNameLower(b.peak) })),
    line(t('ending.backer.spent', { spent: b.spent, tolerance: def.costTolerance, pressure: b.pressure })),
  ];
  if (b.exposures) lines.push(line(t('ending.backer.exposed', { n: b.exposures })));
  if (b.redLines?.length) lines.push(line(t('ending.backer.redLines', { n: b.redLines.length, bluffs: b.bluffs ?? 0 })));
  if (b.deliveries) lines.push(line(client ? t('ending.backer.deliveriesTo', { n: b.deliveries, client, sid: def.client }) : t('ending.backer.deliveries', { n: b.deliveries })));
  const history = session.scenario.history.filter((e) => e.text.includes(def.name === 'United Arab Emirates' ? 'UAE' : def.name));
  // What the real capital did over the same months, beside the game's.
  for (const e of history.slice(0, 4)) lines.push(h('li', null, t('ending.backer.inHistory', { date: fmtDate(e.date) }), h('span', null, e.text)));
  return lines;
}

/** The scores of the other backers people played at this screen (hot-seat). */
function otherBackers(session: GameSession): string[] {
  return session.humans
    .filter((r) => r !== session.role && isBacker(r))
    .map((r) => `${roleShortName(session.scenario, r).text} ${fmtNumber(roleScore(session.scenario, session.state, r)?.total ?? 0)}`);
}
