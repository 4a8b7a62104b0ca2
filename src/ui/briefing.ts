// The briefing before the first turn: the situation, the role's goals, who is who.
import { shareLink } from '../game/link.ts';
import type { GameSession } from '../game/session.ts';
import type { BackerDef, PlayerRole, SideId } from '../sim/types.ts';
import { append, button, formatDate, h } from './dom.ts';
import { briefingPrimer } from './primer.ts';
import { briefingOf, objectivesOf, roleName, scorePartNames } from './roles.ts';
import { RUNG_NAMES } from './texts.ts';

export interface BriefingActions {
  start(): void;
  back(): void;
}

export function mountBriefing(root: HTMLElement, session: GameSession, actions: BriefingActions): HTMLElement {
  const s = session.scenario;
  const role = session.role;
  const objectives = objectivesOf(s, role) ?? { summary: '', goals: [], weights: { territory: 0, lives: 0, legitimacy: 0, stability: 0, escalation: 0 } };
  const panel = h('div', { class: 'panel briefing', role: 'main', 'aria-labelledby': 'briefing-title' });

  const situation = paragraphs(briefingOf(s, role));
  const start = button('Take command →', actions.start, { class: 'primary' });

  append(panel, 
    h(
      'div',
      { class: 'briefing-head' },
      h('div', { class: 'eyebrow' }, `Briefing · ${formatDate(s.startDate)} · ${s.turns} turns of ${s.turnDays} days`),
      h('h1', { id: 'briefing-title' }, s.title),
      // The subtitle is the level below the title: the sections' h3 follow it.
      h('h2', { class: 'subtitle' }, s.subtitle),
      s.form === 'lesson' && s.lesson ? h('div', { class: 'notice', id: 'briefing-lesson' }, s.lesson.note) : null,
      session.whatIfs.length
        ? h(
            'div',
            { class: 'notice', id: 'briefing-whatifs' },
            `What if… ${(s.whatIfs ?? []).filter((w) => session.whatIfs.includes(w.id)).map((w) => w.label).join('; ')}. This game departs from history on purpose.`,
          )
        : null,
    ),
    h(
      'div',
      { class: 'briefing-body scroll' },
      briefingPrimer(s),
      h(
        'div',
        null,
        h('section', null, h('h3', null, 'The situation'), ...situation),
        h(
          'section',
          null,
          h('h3', null, `Your role: ${roleName(s, role)}`),
          h('p', null, objectives.summary),
          h('ul', { class: 'plain' }, ...objectives.goals.map((g) => h('li', null, g))),
        ),
        h(
          'section',
          null,
          h('h3', null, 'How you are scored'),
          h('p', { class: 'small muted' }, scoreWeights(objectives.weights, role)),
        ),
      ),
      h('div', null, h('section', null, h('h3', null, 'The parties'), sides(session)), h('section', null, h('h3', null, 'Foreign backers'), backers(session))),
    ),
    h(
      'div',
      { class: 'briefing-foot' },
      button('← Menu', actions.back, { class: 'ghost' }),
      h('span', { class: 'btn-row small muted' }, `Seed ${session.seed} · ${session.difficulty}`, copyLinkButton(session)),
      start,
    ),
  );
  root.appendChild(panel);
  start.focus({ preventScroll: true });
  return panel;
}

/** Copies a link that starts this very game (scenario, role, seed) on any computer. */
export function copyLinkButton(session: GameSession): HTMLButtonElement {
  const b = button('Copy game link', () => {
    // With the player's orders so far: the link opens the game at the turn reached.
    const url = shareLink(session.setup, session.playerOrders());
    navigator.clipboard
      ?.writeText(url)
      .then(() => (b.textContent = 'Link copied'))
      .catch(() => (b.textContent = 'Copy failed'));
  }, { class: 'ghost small', title: 'A link that starts this game with the same seed' });
  return b;
}

function paragraphs(text: string | undefined): HTMLElement[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => h('p', null, t));
}

function scoreWeights(w: object, role: PlayerRole): string {
  const names: Record<string, string> = Object.fromEntries(Object.entries(scorePartNames(role)).map(([k, v]) => [k, v.toLowerCase()]));
  const entries = Object.entries(w) as [string, number][];
  const total = entries.reduce((a, [, b]) => a + b, 0) || 1;
  return `${entries
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${names[k] ?? k} ${Math.round((v * 100) / total)}%`)
    .join(' · ')}.`;
}

function sides(session: GameSession): HTMLElement {
  const s = session.scenario;
  const list = h('div', { class: 'actor-list' });
  for (const id of ['gna', 'lna'] as SideId[]) {
    const side = s.sides[id];
    const capital = s.map.places.find((p) => p.id === side.capital)?.name ?? side.capital;
    const forces = s.formations
      .filter((f) => f.side === id)
      .sort((a, b) => b.strength - a.strength)
      .slice(0, 4)
      .map((f) => f.name);
    list.append(
      h(
        'div',
        { class: 'actor' },
        h('span', { class: 'actor-name' }, h('i', { class: `side-mark ${id}`, 'aria-hidden': 'true' }), side.name),
        h('span', { class: 'small muted' }, capital),
        h('span', { class: 'actor-note' }, `Led by ${side.leader}. ${side.recognised ? 'Recognised by the UN. ' : ''}${forces.length ? `Main forces: ${forces.join(', ')}.` : ''}`),
      ),
    );
  }
  return list;
}

export function ladder(level: number, client: SideId | 'none', max = 4): HTMLElement {
  const box = h('span', { class: 'ladder', role: 'img', 'aria-label': `Commitment ${level} of ${max}: ${RUNG_NAMES[level] ?? ''}` });
  for (let i = 1; i <= max; i++) {
    const rung = h('i', { class: i <= level ? `on ${client === 'none' ? '' : client}` : '' });
    rung.style.height = `${4 + i * 2.5}px`;
    box.append(rung);
  }
  return box;
}

function backers(session: GameSession): HTMLElement {
  const s = session.scenario;
  const list = h('div', { class: 'actor-list' });
  const order: (SideId | 'none')[] = ['gna', 'lna', 'none'];
  const sorted = [...s.backers].sort((a, b) => order.indexOf(a.client) - order.indexOf(b.client) || b.commitment - a.commitment);
  for (const b of sorted) list.append(backerRow(b, session.state.backers[b.id]?.commitment ?? b.commitment));
  return list;
}

const INTEREST_NAMES: Record<string, string> = {
  security: 'security',
  migration: 'migration',
  energy: 'oil and gas',
  ideology: 'ideology',
  bases: 'military bases',
  prestige: 'prestige',
};

function backerRow(b: BackerDef, commitment: number): HTMLElement {
  const client = b.client === 'none' ? 'Mediating power' : `Backs the ${b.client.toUpperCase()}`;
  const interests = Object.entries(b.interests)
    .filter(([, v]) => (v ?? 0) > 0)
    .sort((x, y) => (y[1] ?? 0) - (x[1] ?? 0))
    .slice(0, 3)
    .map(([k]) => INTEREST_NAMES[k] ?? k);
  return h(
    'div',
    { class: 'actor' },
    h('span', { class: 'actor-name' }, h('i', { class: `side-mark ${b.client}`, 'aria-hidden': 'true' }), b.name),
    ladder(commitment, b.client),
    h('span', { class: 'actor-note' }, `${client} · now: ${(RUNG_NAMES[commitment] ?? '').toLowerCase()}${interests.length ? ` · cares about ${interests.join(', ')}` : ''}`),
  );
}
