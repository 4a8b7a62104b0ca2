// The briefing before the first turn: the situation, the role's goals, who is who.
import { shareLink } from '../game/link.ts';
import type { GameSession } from '../game/session.ts';
import { fmtDate, fmtList, fmtNumber, intlLocale, placeName, t } from '../i18n/index.ts';
import type { BackerDef, PlayerRole, Scenario, SideId } from '../sim/types.ts';
import { append, button, h, untranslated } from './dom.ts';
import { difficultyName, named, roleFullName, rungName, rungNameLower, type ScorePart, scorePartName, sideShort } from './end-words.ts';
import { briefingPrimer } from './primer.ts';
import { briefingOf, objectivesOf } from './roles.ts';

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
  const start = button(t('ending.briefing.start'), actions.start, { class: 'primary' });

  append(panel, 
    h(
      'div',
      { class: 'briefing-head' },
      h('div', { class: 'eyebrow' }, t('ending.briefing.eyebrow', { date: fmtDate(s.startDate), turns: s.turns, days: s.turnDays })),
      h('h1', { id: 'briefing-title' }, s.title),
      // The subtitle is the level below the title: the sections' h3 follow it.
      h('h2', { class: 'subtitle' }, s.subtitle),
      s.form === 'lesson' && s.lesson ? h('div', { class: 'notice', id: 'briefing-lesson' }, s.lesson.note) : null,
      session.whatIfs.length
        ? h(
            'div',
            { class: 'notice', id: 'briefing-whatifs' },
            t('ending.briefing.whatIfs.before'),
            h('span', null, (s.whatIfs ?? []).filter((w) => session.whatIfs.includes(w.id)).map((w) => w.label).join('; ')),
            t('ending.briefing.whatIfs.after'),
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
        h('section', null, h('h3', null, t('ending.briefing.situation')), ...situation),
        h(
          'section',
          null,
          h('h3', null, t('ending.briefing.yourRole', { role: roleFullName(s, role).text })),
          h('p', null, objectives.summary),
          h('ul', { class: 'plain' }, ...objectives.goals.map((g) => h('li', null, g))),
        ),
        h(
          'section',
          null,
          h('h3', null, t('ending.briefing.scored')),
          h('p', { class: 'small muted' }, scoreWeights(objectives.weights, role)),
        ),
      ),
      h('div', null, h('section', null, h('h3', null, t('ending.briefing.parties')), sides(session)), h('section', null, h('h3', null, t('ending.briefing.backers')), backers(session))),
    ),
    h(
      'div',
      { class: 'briefing-foot' },
      button(t('ending.briefing.menu'), actions.back, { class: 'ghost' }),
      h('span', { class: 'btn-row small muted' }, t('ending.briefing.seed', { seed: session.seed, difficulty: difficultyName(session.difficulty) }), copyLinkButton(session)),
      start,
    ),
  );
  root.appendChild(panel);
  start.focus({ preventScroll: true });
  return panel;
}

/** Copies a link that starts this very game (scenario, role, seed) on any computer. */
export function copyLinkButton(session: GameSession): HTMLButtonElement {
  const b = button(t('ending.link.copy'), () => {
    // With the player's orders so far: the link opens the game at the turn reached.
    const url = shareLink(session.setup, session.playerOrders());
    navigator.clipboard
      ?.writeText(url)
      .then(() => (b.textContent = t('ending.link.copied')))
      .catch(() => (b.textContent = t('ending.link.failed')));
  }, { class: 'ghost small', title: t('ending.link.title') });
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
  const entries = Object.entries(w) as [ScorePart, number][];
  const total = entries.reduce((a, [, b]) => a + b, 0) || 1;
  const parts = entries
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => t('ending.briefing.weight', { part: scorePartName(role, k).toLocaleLowerCase(intlLocale()), percent: fmtNumber(Math.round((v * 100) / total)) }));
  return t('ending.briefing.weights', { list: parts.join(' · ') });
}

function sides(session: GameSession): HTMLElement {
  const s = session.scenario;
  const list = h('div', { class: 'actor-list' });
  for (const id of ['gna', 'lna'] as SideId[]) {
    const side = s.sides[id];
    const capital = placeName(side.capital, s.map.places.find((p) => p.id === side.capital)?.name ?? side.capital);
    const forces = s.formations
      .filter((f) => f.side === id)
      .sort((a, b) => b.strength - a.strength)
      .slice(0, 4)
      .map((f) => f.name);
    const name = named(id, side.name, 'long');
    list.append(
      h(
        'div',
        { class: 'actor' },
        h('span', { class: 'actor-name' }, h('i', { class: `side-mark ${id}`, 'aria-hidden': 'true' }), untranslated(h('span', null, name.text), !name.translated)),
        h('span', { class: 'small muted' }, capital),
        h(
          'span',
          { class: 'actor-note' },
          t('ending.briefing.ledBy'),
          h('span', null, side.leader),
          t('ending.briefing.ledByEnd'),
          side.recognised ? t('ending.briefing.recognised') : '',
          forces.length ? t('ending.briefing.mainForces') : '',
          forces.length ? h('span', null, fmtList(forces)) : null,
          forces.length ? t('ending.briefing.mainForcesEnd') : '',
        ),
      ),
    );
  }
  return list;
}

export function ladder(level: number, client: SideId | 'none', max = 4): HTMLElement {
  const box = h('span', { class: 'ladder', role: 'img', 'aria-label': t('ending.ladder.label', { level, max, rung: rungName(level) }) });
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
  for (const b of sorted) list.append(backerRow(s, b, session.state.backers[b.id]?.commitment ?? b.commitment));
  return list;
}

const INTERESTS = ['security', 'migration', 'energy', 'ideology', 'bases', 'prestige'];

function backerRow(s: Scenario, b: BackerDef, commitment: number): HTMLElement {
  const client = b.client === 'none' ? t('ending.briefing.mediating') : t('ending.briefing.backs', { side: sideShort(s, b.client), sid: b.client });
  const interests = Object.entries(b.interests)
    .filter(([, v]) => (v ?? 0) > 0)
    .sort((x, y) => (y[1] ?? 0) - (x[1] ?? 0))
    .slice(0, 3)
    .map(([k]) => (INTERESTS.includes(k) ? t(`ending.interest.${k}`) : k));
  const name = named(b.id, b.name, 'long');
  return h(
    'div',
    { class: 'actor' },
    h('span', { class: 'actor-name' }, h('i', { class: `side-mark ${b.client}`, 'aria-hidden': 'true' }), untranslated(h('span', null, name.text), !name.translated)),
    ladder(commitment, b.client),
    h(
      'span',
      { class: 'actor-note' },
      t('ending.briefing.backerNote', { client, rung: rungNameLower(commitment) }),
      interests.length ? t('ending.briefing.caresAbout', { list: interests.join(t('ending.listSep')) }) : '',
    ),
  );
}
