// The left column of the game screen: the player's indicators, the country's, the talks
// and the foreign backers with their rung on the escalation ladder.
import { viewOf } from '../game/fog.ts';
import type { GameSession } from '../game/session.ts';
import type { SideId } from '../sim/types.ts';
import { TALKS_STAGES } from '../sim/types.ts';
import { ladder } from './briefing.ts';
import { clear, formatNumber, h } from './dom.ts';
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

function range(low: number, high: number, unit = ''): string {
  return low === high ? `${formatNumber(low)}${unit}` : `${formatNumber(low)}–${formatNumber(high)}${unit}`;
}

export function renderSidebar(root: HTMLElement, session: GameSession): void {
  clear(root);
  const state = session.state;
  const view = viewOf(session);
  const role = session.role;

  // The player's side (or both sides, as public reports show them, for the mediator).
  const sides: SideId[] = role === 'mediator' ? ['gna', 'lna'] : [role];
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
      h('h2', null, h('i', { class: `side-mark ${id}`, 'aria-hidden': 'true' }), role === 'mediator' ? def.shortName : `You: ${def.shortName}`),
    );
    const grid = h('div', { class: 'indicators' });
    grid.append(
      ...row('Fighters', range(low * 100, high * 100)),
      ...row('Money', `$${range(sv.money.low, sv.money.high)}M`, undefined, 'Treasury, million US dollars'),
      ...row('Air power / air defence', `${range(sv.air.low, sv.air.high)} / ${range(sv.airDefence.low, sv.airDefence.high)}`),
      ...row('Legitimacy', String(sv.legitimacy), { pct: sv.legitimacy, tone: id }),
    );
    if (s) {
      grid.append(
        ...row('Cohesion', String(s.cohesion), { pct: s.cohesion, tone: s.cohesion < 35 ? 'bad' : id }),
        ...row('Confidence of victory', String(s.confidence), { pct: s.confidence, tone: id }),
        ...row('War weariness', String(s.warWeariness), { pct: s.warWeariness, tone: s.warWeariness > 60 ? 'bad' : '' }),
        ...row('Support: Tripolitania', String(s.support.tripolitania), { pct: s.support.tripolitania, tone: id }),
        ...row('Support: Cyrenaica', String(s.support.cyrenaica), { pct: s.support.cyrenaica, tone: id }),
        ...row('Support: Fezzan', String(s.support.fezzan), { pct: s.support.fezzan, tone: id }),
      );
    }
    box.append(grid);
    root.append(box);
  }

  const c = state.country;
  const country = h('section', { class: 'box', 'aria-label': 'Country' }, h('h2', null, 'Libya'));
  const grid = h('div', { class: 'indicators' });
  grid.append(
    ...row('Civilian deaths', formatNumber(c.civilianCasualties)),
    ...row('Displaced', formatNumber(c.displaced)),
    ...row('Humanitarian access', String(c.humanitarianAccess), { pct: c.humanitarianAccess, tone: c.humanitarianAccess < 40 ? 'bad' : 'good' }),
    ...row('Oil output', `${formatNumber(c.oilOutput)}k bbl/d${c.blockadeBy ? ' · blockade' : ''}`),
    ...row('Regional escalation', String(c.escalation), { pct: c.escalation, tone: c.escalation > 60 ? 'bad' : '' }),
    ...row('International pressure', String(c.internationalPressure), { pct: c.internationalPressure }),
    ...row('Arms embargo enforced', String(c.embargoEnforcement), { pct: c.embargoEnforcement }),
  );
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
  tg.append(...row('Trust between the parties', String(t.trust), { pct: t.trust, tone: t.trust < 25 ? 'bad' : 'good' }));
  tg.append(...row('Political track', `${t.politicalTrack}%`, { pct: t.politicalTrack }));
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
