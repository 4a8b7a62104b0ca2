// One class table in full, for the teacher's console: the whole state with no fog — who holds
// every place and with what forces, each side's money, fighters and standing, the talks, the
// foreign backers, the orders each seat has queued — then every turn report (every event, for
// every seat) and the war in charts. It draws what src/net/inspect.ts rebuilt by replaying the
// table; it holds no rules, and reuses the game's own renderers (the report's, the charts').
import { fighters } from '../game/fog.ts';
import type { RebuiltTable } from '../net/inspect.ts';
import type { NetMessage, TableInspect } from '../net/protocol.ts';
import type { HistoryRecord } from '../sim/record.ts';
import { standingOf } from '../sim/standing.ts';
import type { Order, PlayerRole, Scenario, SideId } from '../sim/types.ts';
import { mountAfterAction } from './aar.ts';
import { append, formatDate, formatNumber, h } from './dom.ts';
import { COUNTRY_INDICATORS, SIDE_INDICATORS, sideValue, TALKS_INDICATORS } from './indicators.ts';
import { actorLabel, reportBody } from './modals.ts';
import { describeOrder } from './orders.ts';
import { withReportScenario } from './report-text.ts';
import { RUNG_NAMES, TALKS_NAMES } from './texts.ts';
import { ordersPhrase } from './turning-text.ts';

const SIDES: SideId[] = ['gna', 'lna'];

function card(label: string, id: string, ...children: (Node | string | null)[]): HTMLElement {
  return h('section', { class: 'class-card full-card', id, 'aria-label': label }, h('h2', null, label), ...children);
}

/** A row of a two-column figures table. */
function figureTable(caption: string, head: string[], rows: (string | number)[][]): HTMLElement {
  return h(
    'table',
    { class: 'full-figures' },
    h('caption', { class: 'sr-only' }, caption),
    h('thead', null, h('tr', null, ...head.map((x, i) => h('th', { scope: 'col', class: i ? 'num' : '' }, x || h('span', { class: 'sr-only' }, 'Figure'))))),
    h('tbody', null, ...rows.map((r) => h('tr', null, h('th', { scope: 'row' }, String(r[0])), ...r.slice(1).map((x) => h('td', { class: 'num' }, typeof x === 'number' ? formatNumber(x) : x))))),
  );
}

/**
 * The table in full into `into`; returns a cleanup (the charts). `seatName` names a seat for
 * the console (the role's name, with the students at it).
 */
export function renderTableInFull(
  into: HTMLElement,
  scenario: Scenario,
  inspect: TableInspect,
  rebuilt: RebuiltTable,
  messages: readonly NetMessage[],
  record: HistoryRecord | null,
  seatName: (role: string) => string,
): () => void {
  const s = rebuilt.states[rebuilt.states.length - 1]!;
  const standing = standingOf(s);
  const strength = (side: SideId | 'none') => s.formations.filter((f) => f.side === side).reduce((n, f) => n + f.strength, 0);
  const sides = card(
    'The sides',
    'full-sides',
    figureTable('The sides', ['', scenario.sides.gna.shortName, scenario.sides.lna.shortName], [
      ['Money', ...SIDES.map((x) => `$${formatNumber(s.sides[x].money)}M`)],
      ['Fighters', ...SIDES.map((x) => fighters(strength(x)))],
      ['Air', ...SIDES.map((x) => s.sides[x].air)],
      ['Air defence', ...SIDES.map((x) => s.sides[x].airDefence)],
      ...SIDE_INDICATORS.map((ind) => [ind.label, ...SIDES.map((x) => ind.format(sideValue(standing, x, ind.key)))]),
      ['Fighters lost so far', ...SIDES.map((x) => fighters(s.sides[x].losses))],
    ]),
  );
  const country = card(
    'The country and the talks',
    'full-country',
    figureTable('The country and the talks', ['', 'Now'], [
      ...COUNTRY_INDICATORS.map((ind) => [ind.label, ind.format(standing.country[ind.key])]),
      ['Talks', TALKS_NAMES[s.talks.stage]],
      ...TALKS_INDICATORS.map((ind) => [ind.label, ind.format(standing[ind.key])]),
      ['Ceasefire violations', s.talks.violations],
      ['Monitors', s.talks.monitors ? 'yes' : 'no'],
      ['Open proposal', s.talks.proposal ? `by the ${actorLabel(scenario, s.talks.proposal.by)}, turn ${s.talks.proposal.turn}` : 'none'],
    ]),
  );
  const backers = card(
    'The foreign backers',
    'full-backers',
    figureTable(
      'The foreign backers',
      ['', 'Backs', 'Rung', 'Pressure'],
      scenario.backers.map((b) => {
        const st = s.backers[b.id];
        return [b.name, b.client === 'none' ? '—' : scenario.sides[b.client].shortName, RUNG_NAMES[st?.commitment ?? 0] ?? '', st?.pressure ?? 0];
      }),
    ),
  );
  const queued = card(
    `Orders queued for turn ${s.turn}`,
    'full-queued',
    h(
      'ul',
      { class: 'class-list full-queued' },
      ...inspect.seats.map((role) => {
        const list = (inspect.queued[role] ?? []) as Order[];
        return h(
          'li',
          null,
          h('span', null, h('strong', null, seatName(role)), inspect.ended.includes(role) ? ' (turn ended)' : ''),
          h('span', null, list.length ? list.map((o) => describeOrder(o, scenario)).join('; ') : 'none yet'),
        );
      }),
    ),
  );
  // Every place, by name: who holds it and every force there, exactly.
  const names = new Map([...scenario.formations, ...scenario.reserves].map((f) => [f.id, f.name.split(' (')[0]!]));
  const holder = (c: string) => (c === 'gna' || c === 'lna' ? scenario.sides[c].shortName : 'Local forces');
  const places = card(
    'Places and who holds them',
    'full-places',
    h(
      'div',
      { class: 'full-scroll', tabIndex: 0, role: 'region', 'aria-label': 'Every place (scrolls)' },
      h(
        'table',
        { class: 'full-figures full-places' },
        h('caption', { class: 'sr-only' }, 'Places and who holds them'),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Place'), h('th', { scope: 'col' }, 'Held by'), h('th', { scope: 'col' }, 'Forces there'), h('th', { scope: 'col' }, 'State'))),
        h(
          'tbody',
          null,
          ...[...scenario.map.places]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((p) => {
              const ps = s.places[p.id];
              const forces = s.formations.filter((f) => f.location === p.id && f.strength > 0);
              const notes = [ps?.siegedBy ? `besieged by the ${scenario.sides[ps.siegedBy].shortName}` : '', ps?.shut ? 'shut' : '', ps && ps.damage > 0 ? `damage ${ps.damage}` : ''].filter(Boolean);
              return h(
                'tr',
                { 'data-place': p.id },
                h('th', { scope: 'row' }, p.name),
                h('td', { class: `held ${ps?.controller ?? 'local'}` }, holder(ps?.controller ?? 'local')),
                h('td', null, forces.length ? forces.map((f) => `${names.get(f.id) ?? f.id} (${f.side === 'none' ? 'own' : scenario.sides[f.side].shortName}, ${fighters(f.strength)})`).join('; ') : '—'),
                h('td', null, notes.join(', ') || '—'),
              );
            }),
        ),
      ),
    ),
  );
  // The turn reports, the last first: every event for every seat, the orders the seats gave,
  // and the messages of that turn.
  const reports = h('div', { class: 'full-reports', id: 'full-reports' });
  for (let i = rebuilt.reports.length - 1; i >= 0; i--) {
    const report = rebuilt.reports[i]!;
    const seatOrders = i > 0 ? inspect.seats.map((role) => [role, (rebuilt.turns[i - 1] ?? []).filter((o) => o.actor === role)] as const) : [];
    const said = i > 0 ? messages.filter((m) => m.turn === report.turn) : [];
    const details = h(
      'details',
      { class: 'full-report', 'data-turn': i === 0 ? 'opening' : String(report.turn) },
      h('summary', null, i === 0 ? `The opening, ${formatDate(report.date)}` : `Turn ${report.turn}, ${formatDate(report.date)}`),
        seatOrders.length
          ? h(
              'section',
              { class: 'report-phase' },
              h('h3', null, 'What the seats ordered'),
              h('ul', null, ...seatOrders.map(([role, list]) => h('li', null, h('span', { class: 'mech' }, seatName(role)), ordersPhrase(list, scenario)))),
            )
          : null,
        said.length
          ? h(
              'section',
              { class: 'report-phase' },
              h('h3', null, 'Messages of that turn'),
              h('ul', null, ...said.map((m) => h('li', null, h('span', { class: 'mech' }, `${m.fromName} → ${m.to ? seatName(m.to) : 'all'}`), m.text))),
            )
          : null,
        ...withReportScenario(scenario, () => reportBody(report, null, new Set(), scenario.events, (actor) => actorLabel(scenario, actor))),
    );
    details.open = i === rebuilt.reports.length - 1;
    append(reports, details);
  }
  const charts = h('div', { class: 'full-charts' });
  append(
    into,
    h('div', { class: 'full-grid' }, sides, country, backers, queued),
    places,
    h('section', { class: 'class-card', 'aria-label': 'Turn reports' }, h('h2', null, 'Turn reports'), reports),
    charts,
  );
  return mountAfterAction(
    charts,
    {
      scenario,
      whatIfs: inspect.whatIfs,
      seed: inspect.seed,
      humans: inspect.seats as PlayerRole[],
      difficulty: inspect.difficulty,
      role: (inspect.seats[0] ?? 'gna') as PlayerRole,
      turns: rebuilt.turns,
      states: rebuilt.states,
      record,
    },
    { turning: false },
  );
}
