// The left column of the game screen: the player's indicators, the country's, the talks
// and the foreign backers with their rung on the escalation ladder.
import { viewOf } from '../game/fog.ts';
import type { PlaySession } from '../game/play-session.ts';
import { backerStanding, periodOf } from '../game/sim.ts';
import type { BackerDef, SideId } from '../sim/types.ts';
import { TALKS_STAGES } from '../sim/types.ts';
import { ladder } from './briefing.ts';
import { clear, formatNumber, h } from './dom.ts';
import { COUNTRY_INDICATORS, SIDE_INDICATORS, TALKS_INDICATORS } from './indicators.ts';
import { backerOf, sideOf } from './roles.ts';
import { RUNG_NAMES, TALKS_NAMES } from './texts.ts';

/** Short names that fit the five steps of the talks track. */
const TRACK_NAMES = { none: 'None', talks: 'Talks', truce: 'Truce', ceasefire: 'Ceasefire', agreement: 'Accord' } as const;

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

const LEGITIMACY = SIDE_INDICATORS.find((i) => i.key === 'legitimacy')!;
const SIDE_LABEL = { legitimacy: LEGITIMACY.label };
const SIDE_FORMAT = { legitimacy: LEGITIMACY.format };

function range(low: number, high: number, unit = ''): string {
  return low === high ? `${formatNumber(low)}${unit}` : `${formatNumber(low)}–${formatNumber(high)}${unit}`;
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
    const def = session.scenario.sides[id];
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
      { class: 'box', 'aria-label': def.name },
      h('h2', null, h('i', { class: `side-mark ${id}`, 'aria-hidden': 'true' }), role === 'mediator' || !client ? def.shortName : backer ? `Your client: ${def.shortName}` : `You: ${def.shortName}`),
    );
    const grid = h('div', { class: 'indicators' });
    grid.append(
      ...row('Fighters', range(low * 100, high * 100)),
      ...row('Money', `$${range(sv.money.low, sv.money.high)}M`, undefined, 'Treasury, million US dollars'),
      ...row('Air power / air defence', `${range(sv.air.low, sv.air.high)} / ${range(sv.airDefence.low, sv.airDefence.high)}`),
      ...row(SIDE_LABEL.legitimacy, SIDE_FORMAT.legitimacy(sv.legitimacy), { pct: sv.legitimacy, tone: id }),
    );
    if (s) {
      const value = { cohesion: s.cohesion, confidence: s.confidence, warWeariness: s.warWeariness, ...s.support };
      const tone = { cohesion: s.cohesion < 35 ? 'bad' : id, warWeariness: s.warWeariness > 60 ? 'bad' : '' } as Record<string, Tone>;
      for (const ind of SIDE_INDICATORS) {
        if (ind.key === 'legitimacy') continue;
        const n = value[ind.key];
        grid.append(...row(ind.label, ind.format(n), { pct: n, tone: tone[ind.key] ?? id }));
      }
    }
    box.append(grid);
    root.append(box);
  }

  const c = state.country;
  const country = h('section', { class: 'box', 'aria-label': 'Country' }, h('h2', null, 'Libya'));
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
    const extra = ind.key === 'oilOutput' && c.blockadeBy ? ' · blockade' : '';
    grid.append(...row(ind.label, `${ind.format(n)}${extra}`, meter ? { pct: n, tone: meter.tone } : undefined));
  }
  country.append(grid);
  root.append(country);

  const t = state.talks;
  const stageIndex = TALKS_STAGES.indexOf(t.stage);
  const track = h(
    'div',
    { class: 'talks-track', role: 'img', 'aria-label': `Talks: ${TALKS_NAMES[t.stage]}` },
    ...TALKS_STAGES.map((stage, i) => h('span', { class: i === stageIndex ? 'now' : i < stageIndex ? 'reached' : '', title: TALKS_NAMES[stage] }, TRACK_NAMES[stage])),
  );
  const talks = h('section', { class: 'box', 'aria-label': 'Talks' }, h('h2', null, 'Talks'), track);
  const tg = h('div', { class: 'indicators' });
  const [trust, political] = TALKS_INDICATORS as [(typeof TALKS_INDICATORS)[0], (typeof TALKS_INDICATORS)[1]];
  tg.append(...row(trust.label, trust.format(t.trust), { pct: t.trust, tone: t.trust < 25 ? 'bad' : 'good' }));
  tg.append(...row(political.label, political.format(t.politicalTrack), { pct: t.politicalTrack }));
  if (t.violations) tg.append(...row('Violations', String(t.violations)));
  tg.append(...row('Monitors', t.monitors ? 'deployed' : 'none'));
  if (t.proposal) tg.append(...row('Open proposal', `by ${t.proposal.by.toUpperCase()}`));
  talks.append(tg);
  root.append(talks);

  const backers = h('section', { class: 'box', 'aria-label': 'Foreign backers' }, h('h2', null, 'Foreign backers'));
  const order: (SideId | 'none')[] = ['gna', 'lna', 'none'];
  const list = [...session.scenario.backers].sort((a, b) => order.indexOf(a.client) - order.indexOf(b.client) || a.name.localeCompare(b.name));
  for (const b of list) {
    const level = state.backers[b.id]?.commitment ?? 0;
    backers.append(
      h(
        'div',
        { class: 'backer-row', title: `${b.name}: ${RUNG_NAMES[level] ?? ''}` },
        h('i', { class: `side-mark ${b.client}`, 'aria-hidden': 'true' }),
        h('span', null, b.name),
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
    { class: 'box backer-box', 'aria-label': `You: ${def.name}`, id: 'backer-panel' },
    h('h2', null, h('i', { class: `side-mark ${def.client}`, 'aria-hidden': 'true' }), `You: ${def.name === 'United Arab Emirates' ? 'UAE' : def.name}`),
    h('div', { class: 'backer-rung', title: `Rung ${level} of the ladder; you would climb no higher than ${def.maxCommitment}` }, ladder(level, def.client, 4), h('span', null, RUNG_NAMES[level] ?? ''), h('span', { class: 'muted rung-of' }, `${level} / ${def.maxCommitment}`)),
  );
  const grid = h('div', { class: 'indicators' });
  grid.append(
    ...row('Rung cost', `${perTurn} a turn`, undefined, 'What your rung costs you each fortnight, against your tolerance'),
    ...row('Spent', `${formatNumber(b.spent)} of ${formatNumber(def.costTolerance)}`, { pct: spentPct, tone: spentPct >= 80 ? 'bad' : '' }, 'What you have spent, against what your treasury and voters will bear'),
    ...row('Standing abroad', `${standing}`, { pct: standing, tone: standing < 35 ? 'bad' : 'good' }, 'Pressure on you, less what exposures and called bluffs have cost'),
    ...row('Pressure on you', String(b.pressure), { pct: b.pressure, tone: b.pressure >= 60 ? 'bad' : '' }),
    ...row('Your forces', b.stance === 'denied' ? 'denied' : b.stance === 'admitted' ? 'admitted' : b.peak >= 2 ? 'not said' : 'none yet', undefined, 'Deny them and risk exposure; admit them and pay in pressure'),
  );
  if (b.exposures) grid.append(...row('Exposed', `${b.exposures} time${b.exposures === 1 ? '' : 's'}`));
  const lines = [...new Set([...(def.redLines ?? []), ...(def.personality?.redLines ?? []), ...(b.redLines ?? [])])];
  const placeName = (id: string) => scenario.map.places.find((p) => p.id === id)?.name ?? id;
  grid.append(...row('Red lines', lines.length ? lines.map(placeName).join(', ') : 'none declared'));
  if (b.bluffs) grid.append(...row('Bluffs called', String(b.bluffs), { pct: b.bluffs * 25, tone: 'bad' }));
  box.append(grid);
  const waiting: string[] = [];
  if (b.request) waiting.push(`${scenario.sides[b.request.side].shortName} asks you for more support: answer it this ${periodOf(scenario)} (National tab).`);
  if (b.pressed !== undefined) waiting.push(`The mediator presses you to scale back: answer this ${periodOf(scenario)} (National tab).`);
  if (b.crossed?.length) waiting.push(`Your red line at ${b.crossed.map(placeName).join(' and ')} was crossed: step up this ${periodOf(scenario)}, or your word loses weight.`);
  if (waiting.length) box.append(h('ul', { class: 'backer-waiting', id: 'backer-waiting' }, ...waiting.map((t) => h('li', null, t))));
  const rivals = h('section', { class: 'box', 'aria-label': 'Rival backers', id: 'backer-rivals' }, h('h2', null, 'Rivals you watch'));
  for (const id of def.rivals) {
    const r = scenario.backers.find((x) => x.id === id);
    const rs = state.backers[id];
    if (!r || !rs) continue;
    const stepped = rs.lastChange >= 1 && rs.lastChange === state.turn - 1 && rs.peak === rs.commitment;
    rivals.append(
      h(
        'div',
        { class: 'backer-row', title: `${r.name}: ${RUNG_NAMES[rs.commitment] ?? ''}${stepped ? ' (stepped up last fortnight)' : ''}` },
        h('i', { class: `side-mark ${r.client}`, 'aria-hidden': 'true' }),
        h('span', null, r.name, stepped ? h('span', { class: 'trend up', 'aria-label': 'stepped up last fortnight' }, ' ▲') : null),
        ladder(rs.commitment, r.client),
      ),
    );
  }
  return [box, rivals];
}
