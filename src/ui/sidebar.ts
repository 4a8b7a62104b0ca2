// The left column of the game screen: the player's indicators, the country's, the talks
// and the foreign backers with their rung on the escalation ladder.
import { viewOf } from '../game/fog.ts';
import type { PlaySession } from '../game/play-session.ts';
import { backerStanding, periodOf } from '../game/sim.ts';
import { actorName, fmtNumber, placeName, t } from '../i18n/index.ts';
import type { BackerDef, SideId } from '../sim/types.ts';
import { TALKS_STAGES } from '../sim/types.ts';
import { isolate } from './bidi.ts';
import { ladder } from './briefing.ts';
import { clear, h } from './dom.ts';
import { COUNTRY_INDICATORS, SIDE_INDICATORS } from './indicators.ts';
import { backerOf, sideOf } from './roles.ts';

/** A rung of the escalation ladder by name (game.rung.0–4). */
const rungName = (level: number): string => (level >= 0 && level <= 4 ? t(`game.rung.${level}`) : '');

/** An indicator's label on the panels (game.ind.<key>). */
const label = (key: string): string => t(`game.ind.${key}`);

/** The panels' figures: counts in the player's digits; the oil output in thousands of barrels a day. */
const figure = (key: string, n: number): string => (key === 'oilOutput' ? t('game.fmt.oil', { n: fmtNumber(n) }) : key === 'politicalTrack' ? t('game.fmt.pct', { n: fmtNumber(n) }) : fmtNumber(n));

type Tone = 'good' | 'bad' | 'gna' | 'lna' | '';

function row(name: string, value: string, meter?: { pct: number; tone?: Tone }, title?: string): Node[] {
  const nodes: Node[] = [h('span', { title }, name), h('span', { class: 'v' }, value)];
  if (meter) {
    const bar = h('i', { class: meter.tone === 'bad' ? 'bad' : (meter.tone ?? '') });
    bar.style.width = `${Math.max(0, Math.min(100, meter.pct))}%`;
    nodes.push(h('div', { class: 'meter', 'aria-hidden': 'true' }, bar));
  }
  return nodes;
}

/** A backer's name in the player's language where names.json has it (else the scenario's). */
function backerName(b: BackerDef, form: 'short' | 'long' = 'long'): string {
  const name = actorName(b.id, form);
  return name === b.id ? b.name : name;
}

function range(low: number, high: number): string {
  return low === high ? fmtNumber(low) : isolate(`${fmtNumber(low)}–${fmtNumber(high)}`);
}

export function renderSidebar(root: HTMLElement, session: PlaySession): void {
  clear(root);
  const state = session.state;
  const view = viewOf(session);
  const role = session.role;

  // A backer's own panels first: its commitment, its costs, its standing, its rivals.
  const backer = backerOf(session.scenario, role);
  if (backer) root.append(...backerPanels(session, backer));
  // The player's side (or both sides, as public reports show them, for the mediator; the client, for a backer).
  const client = sideOf(session.scenario, role);
  const sides: SideId[] = role === 'mediator' || !client ? ['gna', 'lna'] : [client];
  for (const id of sides) {
    const sv = view.sides[id];
    const s = sv.state;
    let low = 0;
    let high = 0;
    for (const f of view.formations) {
      if (f.side !== id) continue;
      low += f.strength ?? f.estimate.low;
      high += f.strength ?? f.estimate.high;
    }
    const box = h(
      'section',
      { class: 'box', 'aria-label': actorName(id, 'long') },
      h('h2', null, h('i', { class: `side-mark ${id}`, 'aria-hidden': 'true' }), role === 'mediator' || !client ? actorName(id) : backer ? t('game.yourClient', { name: actorName(id) }) : t('game.you', { name: actorName(id) })),
    );
    const grid = h('div', { class: 'indicators' });
    grid.append(
      ...row(t('game.fighters'), range(low * 100, high * 100)),
      ...row(t('game.money'), t('game.costMoney', { n: range(sv.money.low, sv.money.high) }), undefined, t('game.moneyTitle')),
      ...row(t('game.air'), isolate(`${range(sv.air.low, sv.air.high)} / ${range(sv.airDefence.low, sv.airDefence.high)}`)),
      ...row(label('legitimacy'), fmtNumber(sv.legitimacy), { pct: sv.legitimacy, tone: id }),
    );
    if (s) {
      const value = { cohesion: s.cohesion, confidence: s.confidence, warWeariness: s.warWeariness, ...s.support };
      const tone = { cohesion: s.cohesion < 35 ? 'bad' : id, warWeariness: s.warWeariness > 60 ? 'bad' : '' } as Record<string, Tone>;
      for (const ind of SIDE_INDICATORS) {
        if (ind.key === 'legitimacy') continue;
        const n = value[ind.key];
        grid.append(...row(label(ind.key), fmtNumber(n), { pct: n, tone: tone[ind.key] ?? id }));
      }
    }
    box.append(grid);
    root.append(box);
  }

  const c = state.country;
  const country = h('section', { class: 'box', 'aria-label': t('game.country') }, h('h2', null, t('game.libya')));
  const grid = h('div', { class: 'indicators' });
  // Counts have no meter; the rest are 0–100 with one.
  const meters: Partial<Record<(typeof COUNTRY_INDICATORS)[number]['key'], { tone?: Tone }>> = {
    humanitarianAccess: { tone: c.humanitarianAccess < 40 ? 'bad' : 'good' },
    escalation: { tone: c.escalation > 60 ? 'bad' : '' },
    internationalPressure: {},
    embargoEnforcement: {},
  };
  for (const ind of COUNTRY_INDICATORS) {
    const n = c[ind.key];
    const meter = meters[ind.key];
    const extra = ind.key === 'oilOutput' && c.blockadeBy ? ` · ${t('game.blockade')}` : '';
    grid.append(...row(label(ind.key), `${figure(ind.key, n)}${extra}`, meter ? { pct: n, tone: meter.tone } : undefined));
  }
  country.append(grid);
  root.append(country);

  const talksState = state.talks;
  const stageIndex = TALKS_STAGES.indexOf(talksState.stage);
  const track = h(
    'div',
    { class: 'talks-track', role: 'img', 'aria-label': t('game.talksNow', { stage: t(`game.stage.${talksState.stage}`) }) },
    ...TALKS_STAGES.map((stage, i) => h('span', { class: i === stageIndex ? 'now' : i < stageIndex ? 'reached' : '', title: t(`game.stage.${stage}`) }, t(`game.track.${stage}`))),
  );
  const talks = h('section', { class: 'box', 'aria-label': t('game.talks') }, h('h2', null, t('game.talks')), track);
  const tg = h('div', { class: 'indicators' });
  tg.append(...row(label('trust'), fmtNumber(talksState.trust), { pct: talksState.trust, tone: talksState.trust < 25 ? 'bad' : 'good' }));
  tg.append(...row(label('politicalTrack'), figure('politicalTrack', talksState.politicalTrack), { pct: talksState.politicalTrack }));
  if (talksState.violations) tg.append(...row(t('game.violations'), fmtNumber(talksState.violations)));
  tg.append(...row(t('game.monitors'), talksState.monitors ? t('game.deployed') : t('game.noneLower')));
  if (talksState.proposal) tg.append(...row(t('game.openProposal'), t('game.proposalBy', { side: actorName(talksState.proposal.by), id: talksState.proposal.by })));
  talks.append(tg);
  root.append(talks);

  const backers = h('section', { class: 'box', 'aria-label': t('game.foreignBackers') }, h('h2', null, t('game.foreignBackers')));
  const order: (SideId | 'none')[] = ['gna', 'lna', 'none'];
  const list = [...session.scenario.backers].sort((a, b) => order.indexOf(a.client) - order.indexOf(b.client) || a.name.localeCompare(b.name));
  for (const b of list) {
    const level = state.backers[b.id]?.commitment ?? 0;
    backers.append(
      h(
        'div',
        { class: 'backer-row', title: `${backerName(b)}: ${rungName(level)}` },
        h('i', { class: `side-mark ${b.client}`, 'aria-hidden': 'true' }),
        h('span', null, backerName(b)),
        ladder(level, b.client),
      ),
    );
  }
  root.append(backers);
}

/**
 * A backer's own panels: where it stands on its ladder and what that costs a fortnight, what it
 * has spent against what it will bear, its standing abroad (pressure, exposures, called bluffs),
 * what it says of its forces, its red lines, what waits for its answer, and the rivals it watches.
 */
function backerPanels(session: PlaySession, def: BackerDef): HTMLElement[] {
  const state = session.state;
  const b = state.backers[def.id];
  if (!b) return [];
  const scenario = session.scenario;
  const level = b.commitment;
  const perTurn = level > 0 ? (def.ladder[level - 1]?.cost ?? 0) : 0;
  const standing = backerStanding(state, def.id);
  const spentPct = def.costTolerance > 0 ? Math.round((b.spent * 100) / def.costTolerance) : 0;
  const box = h(
    'section',
    { class: 'box backer-box', 'aria-label': t('game.you', { name: backerName(def) }), id: 'backer-panel' },
    h('h2', null, h('i', { class: `side-mark ${def.client}`, 'aria-hidden': 'true' }), t('game.you', { name: backerName(def, 'short') })),
    h('div', { class: 'backer-rung', title: t('game.rungTitle', { level, max: def.maxCommitment }) }, ladder(level, def.client, 4), h('span', null, rungName(level)), h('span', { class: 'muted rung-of' }, isolate(`${fmtNumber(level)} / ${fmtNumber(def.maxCommitment)}`))),
  );
  const grid = h('div', { class: 'indicators' });
  grid.append(
    ...row(t('game.b.rungCost'), t('game.b.perTurn', { n: fmtNumber(perTurn) }), undefined, t('game.b.rungCostTitle')),
    ...row(t('game.b.spent'), t('game.b.spentOf', { spent: fmtNumber(b.spent), tolerance: fmtNumber(def.costTolerance) }), { pct: spentPct, tone: spentPct >= 80 ? 'bad' : '' }, t('game.b.spentTitle')),
    ...row(t('game.b.standing'), fmtNumber(standing), { pct: standing, tone: standing < 35 ? 'bad' : 'good' }, t('game.b.standingTitle')),
    ...row(t('game.b.pressure'), fmtNumber(b.pressure), { pct: b.pressure, tone: b.pressure >= 60 ? 'bad' : '' }),
    ...row(t('game.b.forces'), t(`game.b.stance.${b.stance === 'denied' ? 'denied' : b.stance === 'admitted' ? 'admitted' : b.peak >= 2 ? 'unsaid' : 'none'}`), undefined, t('game.b.forcesTitle')),
  );
  if (b.exposures) grid.append(...row(t('game.b.exposed'), t('game.b.times', { n: b.exposures })));
  const lines = [...new Set([...(def.redLines ?? []), ...(def.personality?.redLines ?? []), ...(b.redLines ?? [])])];
  const place = (id: string) => placeName(id, scenario.map.places.find((p) => p.id === id)?.name ?? id);
  grid.append(...row(t('game.b.redLines'), lines.length ? lines.map(place).join(t('game.listSep')) : t('game.b.noRedLines')));
  if (b.bluffs) grid.append(...row(t('game.b.bluffs'), fmtNumber(b.bluffs), { pct: b.bluffs * 25, tone: 'bad' }));
  box.append(grid);
  const waiting: string[] = [];
  const period = t(`game.period.${periodOf(scenario)}`);
  if (b.request) waiting.push(t('game.b.request', { side: actorName(b.request.side), id: b.request.side, period }));
  if (b.pressed !== undefined) waiting.push(t('game.b.pressed', { period }));
  if (b.crossed?.length) waiting.push(t('game.b.crossed', { places: b.crossed.map(place).join(t('game.and')), period }));
  if (waiting.length) box.append(h('ul', { class: 'backer-waiting', id: 'backer-waiting' }, ...waiting.map((line) => h('li', null, line))));
  const rivals = h('section', { class: 'box', 'aria-label': t('game.b.rivals'), id: 'backer-rivals' }, h('h2', null, t('game.b.rivals')));
  for (const id of def.rivals) {
    const r = scenario.backers.find((x) => x.id === id);
    const rs = state.backers[id];
    if (!r || !rs) continue;
    const stepped = rs.lastChange >= 1 && rs.lastChange === state.turn - 1 && rs.peak === rs.commitment;
    rivals.append(
      h(
        'div',
        { class: 'backer-row', title: `${backerName(r)}: ${rungName(rs.commitment)}${stepped ? ` (${t('game.b.stepped')})` : ''}` },
        h('i', { class: `side-mark ${r.client}`, 'aria-hidden': 'true' }),
        h('span', null, backerName(r), stepped ? h('span', { class: 'trend up', 'aria-label': t('game.b.stepped') }, ' ▲') : null),
        ladder(rs.commitment, r.client),
      ),
    );
  }
  return [box, rivals];
}
