// One class table in full, for the teacher's console: the whole state with no fog — who holds
// every place and with what forces, each side's money, fighters and standing, the talks, the
// foreign backers, the orders each seat has queued — then every turn report (every event, for
// every seat) and the war in charts. It draws what src/net/inspect.ts rebuilt by replaying the
// table; it holds no rules, and reuses the game's own renderers (the report's, the charts').
import { shownScenario } from '../i18n/content.ts';
import { actorName, fmtDate, fmtNumber, placeName, t } from '../i18n/index.ts';
import type { RebuiltTable } from '../net/inspect.ts';
import type { NetMessage, TableInspect } from '../net/protocol.ts';
import type { HistoryRecord } from '../sim/record.ts';
import { standingOf } from '../sim/standing.ts';
import type { Order, PlayerRole, Scenario, SideId } from '../sim/types.ts';
import { mountAfterAction } from './aar.ts';
import { nameList, ordersLine, senderName } from './class-words.ts';
import { append, h, } from './dom.ts';
import { sideShort, talksName } from './end-words.ts';
import { COUNTRY_INDICATORS, SIDE_INDICATORS, sideValue, TALKS_INDICATORS } from './indicators.ts';
import { actorLabel, reportBody } from './modals.ts';
import { withReportScenario } from './report-text.ts';

const SIDES: SideId[] = ['gna', 'lna'];

/** Fighters: strength in hundreds, as a number of people. */
const fighters = (hundreds: number) => fmtNumber(hundreds * 100);
/** An indicator's label, as the game's panels name it (game.ind.<key>). */
const indLabel = (key: string) => t(`game.ind.${key}`);
/** An indicator's value in the current language. */
function indValue(key: string, n: number): string {
  if (key === 'oilOutput') return t('console.fig.oilValue', { n: fmtNumber(n) });
  if (key === 'politicalTrack') return fmtNumber(n / 100, { style: 'percent' });
  return fmtNumber(n);
}
const RUNG_KEYS = ['ending.rung.0', 'ending.rung.1', 'ending.rung.2', 'ending.rung.3', 'ending.rung.4'];
/** A formation's name (scenario text, in the reader's language). */
const formationSpan = (name: string) => h('span', null, name);

function card(label: string, id: string, ...children: (Node | string | null)[]): HTMLElement {
  return h('section', { class: 'class-card full-card', id, 'aria-label': label }, h('h2', null, label), ...children);
}

/** A row of a two-column figures table. */
function figureTable(caption: string, head: string[], rows: (string | number | Node)[][]): HTMLElement {
  return h(
    'table',
    { class: 'full-figures' },
    h('caption', { class: 'sr-only' }, caption),
    h('thead', null, h('tr', null, ...head.map((x, i) => h('th', { scope: 'col', class: i ? 'num' : '' }, x || h('span', { class: 'sr-only' }, t('console.debrief.figure')))))),
    h('tbody', null, ...rows.map((r) => h('tr', null, h('th', { scope: 'row' }, typeof r[0] === 'number' ? fmtNumber(r[0]) : (r[0] ?? '')), ...r.slice(1).map((x) => h('td', { class: 'num' }, typeof x === 'number' ? fmtNumber(x) : x))))),
  );
}

/**
 * The table in full into `into`; returns a cleanup (the charts). `seatName` names a seat for
 * the console (the role's name, with the students at it).
 */
export function renderTableInFull(
  into: HTMLElement,
  model: Scenario,
  inspect: TableInspect,
  rebuilt: RebuiltTable,
  messages: readonly NetMessage[],
  record: HistoryRecord | null,
  seatName: (role: string) => string,
): () => void {
  // Shown in the reader's language (names, events); the states were played on `model` already.
  const scenario = shownScenario(model);
  const s = rebuilt.states[rebuilt.states.length - 1]!;
  const standing = standingOf(s);
  const strength = (side: SideId | 'none') => s.formations.filter((f) => f.side === side).reduce((n, f) => n + f.strength, 0);
  const sides = card(
    t('console.full.sides'),
    'full-sides',
    figureTable(t('console.full.sides'), ['', sideShort(scenario, 'gna'), sideShort(scenario, 'lna')], [
      [t('console.full.money'), ...SIDES.map((x) => t('console.full.moneyValue', { n: fmtNumber(s.sides[x].money) }))],
      [t('console.full.fighters'), ...SIDES.map((x) => fighters(strength(x)))],
      [t('console.full.air'), ...SIDES.map((x) => s.sides[x].air)],
      [t('console.full.airDefence'), ...SIDES.map((x) => s.sides[x].airDefence)],
      ...SIDE_INDICATORS.map((ind) => [indLabel(ind.key), ...SIDES.map((x) => indValue(ind.key, sideValue(standing, x, ind.key)))]),
      [t('console.full.losses'), ...SIDES.map((x) => fighters(s.sides[x].losses))],
    ]),
  );
  const country = card(
    t('console.full.country'),
    'full-country',
    figureTable(t('console.full.country'), ['', t('console.full.now')], [
      ...COUNTRY_INDICATORS.map((ind) => [indLabel(ind.key), indValue(ind.key, standing.country[ind.key])]),
      [t('console.fig.talks'), talksName(s.talks.stage)],
      ...TALKS_INDICATORS.map((ind) => [indLabel(ind.key), indValue(ind.key, standing[ind.key])]),
      [t('console.full.violations'), s.talks.violations],
      [t('console.full.monitors'), s.talks.monitors ? t('console.full.yes') : t('console.full.no')],
      [t('console.full.proposal'), s.talks.proposal ? t('console.full.proposalBy', { by: actorLabel(scenario, s.talks.proposal.by), turn: s.talks.proposal.turn }) : t('console.full.none')],
    ]),
  );
  const backerName = (id: string, name: string) => {
    const named = actorName(id);
    return named !== id ? named : name;
  };
  const backers = card(
    t('console.full.backers'),
    'full-backers',
    figureTable(
      t('console.full.backers'),
      ['', t('console.full.backs'), t('console.full.rung'), t('console.full.pressure')],
      scenario.backers.map((b) => {
        const st = s.backers[b.id];
        return [backerName(b.id, b.name), b.client === 'none' ? '—' : sideShort(scenario, b.client), t(RUNG_KEYS[st?.commitment ?? 0] ?? 'ending.rung.0'), st?.pressure ?? 0];
      }),
    ),
  );
  const queued = card(
    t('console.full.queued', { turn: s.turn }),
    'full-queued',
    h(
      'ul',
      { class: 'class-list full-queued' },
      ...inspect.seats.map((role) => {
        const list = (inspect.queued[role] ?? []) as Order[];
        return h(
          'li',
          null,
          h('span', null, h('strong', null, seatName(role)), inspect.ended.includes(role) ? ` ${t('console.full.turnEnded')}` : ''),
          list.length ? ordersLine(list, scenario) : h('span', null, t('console.full.noneYet')),
        );
      }),
    ),
  );
  // Every place, by name: who holds it and every force there, exactly.
  const names = new Map([...scenario.formations, ...scenario.reserves].map((f) => [f.id, f.name.split(' (')[0]!]));
  const holder = (c: string) => (c === 'gna' || c === 'lna' ? sideShort(scenario, c) : t('console.full.local'));
  const placeOf = (p: { id: string; name: string }) => placeName(p.id, p.name);
  const places = card(
    t('console.full.places'),
    'full-places',
    h(
      'div',
      { class: 'full-scroll', tabIndex: 0, role: 'region', 'aria-label': t('console.full.placesRegion') },
      h(
        'table',
        { class: 'full-figures full-places' },
        h('caption', { class: 'sr-only' }, t('console.full.places')),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('explorer.path.place')), h('th', { scope: 'col' }, t('console.full.heldBy')), h('th', { scope: 'col' }, t('console.full.forces')), h('th', { scope: 'col' }, t('console.full.state')))),
        h(
          'tbody',
          null,
          ...[...scenario.map.places]
            .sort((a, b) => placeOf(a).localeCompare(placeOf(b)))
            .map((p) => {
              const ps = s.places[p.id];
              const forces = s.formations.filter((f) => f.location === p.id && f.strength > 0);
              const notes = [
                ps?.siegedBy ? t('console.full.besieged', { side: sideShort(scenario, ps.siegedBy) }) : '',
                ps?.shut ? t('console.full.shut') : '',
                ps && ps.damage > 0 ? t('console.full.damage', { n: ps.damage }) : '',
              ].filter(Boolean);
              const force = (f: (typeof forces)[number]) =>
                h('span', null, formationSpan(names.get(f.id) ?? f.id), ' ', t('console.full.force', { side: f.side === 'none' ? t('console.full.own') : sideShort(scenario, f.side), fighters: fighters(f.strength) }));
              return h(
                'tr',
                { 'data-place': p.id },
                h('th', { scope: 'row' }, placeOf(p)),
                h('td', { class: `held ${ps?.controller ?? 'local'}` }, holder(ps?.controller ?? 'local')),
                h('td', null, ...(forces.length ? forces.flatMap((f, i) => (i ? ['; ', force(f)] : [force(f)])) : ['—'])),
                h('td', null, nameList(notes) || '—'),
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
      h('summary', null, i === 0 ? t('console.full.opening', { date: fmtDate(report.date) }) : t('console.full.turnAt', { turn: report.turn, date: fmtDate(report.date) })),
        seatOrders.length
          ? h(
              'section',
              { class: 'report-phase' },
              h('h3', null, t('console.full.ordered')),
              h('ul', null, ...seatOrders.map(([role, list]) => h('li', null, h('span', { class: 'mech' }, seatName(role)), ' ', ordersLine(list, scenario)))),
            )
          : null,
        said.length
          ? h(
              'section',
              { class: 'report-phase' },
              h('h3', null, t('console.full.messages')),
              h('ul', null, ...said.map((m) => h('li', null, h('span', { class: 'mech' }, t('classroom.msg.head', { from: senderName(m), to: m.to ? seatName(m.to) : t('console.all') })), ' ', h('bdi', null, m.text)))),
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
    h('section', { class: 'class-card', 'aria-label': t('console.full.reports') }, h('h2', null, t('console.full.reports')), reports),
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
