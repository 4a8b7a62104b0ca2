// The map as text, and the keyboard's way to every place: a dialog listing every place with
// who holds it, the forces seen there (ranges where the player cannot see exactly), what is
// wrong there and the roads out of it; a place's name opens its panel. Also the list of
// keyboard shortcuts. Both read the session; neither changes it.
import { forcesAt, seenFormations, strengthText } from '../game/fog.ts';
import type { PlaySession } from '../game/play-session.ts';
import { actorName, fmtNumber, placeName, t } from '../i18n/index.ts';
import { isolate } from './bidi.ts';
import { button, h } from './dom.ts';
import { showModal } from './modals.ts';

const side = (s: 'gna' | 'lna' | 'none'): string => (s === 'none' ? t('game.legend.local') : actorName(s));

/** Resolves with the id of the place chosen, or '' when the list was closed. */
export function showPlaces(root: HTMLElement, session: PlaySession, selected: string | null): Promise<string> {
  const s = session;
  let chosen = '';
  const close = button(t('game.close'), () => {}, { class: 'ghost' });
  const filter = h('input', { type: 'search', id: 'places-filter', 'aria-label': t('game.places.find'), 'aria-controls': 'places-table', 'data-autofocus': '' });
  filter.placeholder = t('game.places.placeholder');
  filter.autocomplete = 'off';
  const names = new Map(s.scenario.map.places.map((p) => [p.id, placeName(p.id, p.name)]));
  const collator = new Intl.Collator(document.documentElement.lang || 'en');
  const rows = [...s.scenario.map.places]
    .map((p) => ({ ...p, name: names.get(p.id) ?? p.name }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((p) => {
      const ps = s.state.places[p.id];
      const controller = ps?.controller ?? 'local';
      const held = controller === 'local' ? t('game.localForces') : actorName(controller);
      const forces = forcesAt(p.id, seenFormations(s));
      const notes = [
        ps?.siegedBy ? t('game.sum.besieged', { side: actorName(ps.siegedBy), id: ps.siegedBy }) : null,
        ps?.shut ? t('game.shut') : null,
        ps && ps.damage > 0 ? t('game.damage', { n: ps.damage }) : null,
        ...p.tags.map(tagName),
      ].filter((x): x is string => !!x);
      const roads = s.scenario.map.routes
        .filter((r) => r.from === p.id || r.to === p.id)
        .map((r) => names.get(r.from === p.id ? r.to : r.from) ?? '')
        .filter(Boolean)
        .sort(collator.compare);
      const open = button(p.name, () => {
        chosen = p.id;
        close.click();
      }, { class: 'link-button', 'aria-current': p.id === selected ? 'true' : undefined, 'data-place': p.id });
      const row = h(
        'tr',
        { 'data-name': p.name.toLowerCase() },
        h('th', { scope: 'row' }, open),
        h('td', null, h('i', { class: `side-mark ${controller}`, 'aria-hidden': 'true' }), ' ', held),
        h('td', null, forces.length ? forces.map((f) => `${side(f.side)} ${isolate(strengthText(f))}`).join(t('game.listSep2')) : '—'),
        h('td', { class: 'small' }, notes.join(t('game.listSep')) || '—'),
        h('td', { class: 'small' }, roads.join(t('game.listSep'))),
      );
      return row;
    });
  const count = h('p', { class: 'small muted', role: 'status', id: 'places-count' }, t('game.places.count', { n: rows.length }));
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const hit = !q || (row.dataset.name ?? '').includes(q);
      row.hidden = !hit;
      if (hit) shown++;
    }
    count.textContent = shown === rows.length ? t('game.places.count', { n: rows.length }) : t('game.places.shown', { shown: fmtNumber(shown), n: rows.length });
  });
  // Enter in the field opens the first place still listed.
  filter.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    const first = rows.find((r) => !r.hidden)?.querySelector<HTMLButtonElement>('button');
    if (first) {
      e.preventDefault();
      first.click();
    }
  });
  const table = h(
    'table',
    { class: 'places-table', id: 'places-table' },
    h('caption', { class: 'sr-only' }, t('game.places.caption')),
    h('thead', null, h('tr', null, ...['place', 'heldBy', 'forces', 'state', 'roads'].map((k) => h('th', { scope: 'col' }, t(`game.places.col.${k}`))))),
    h('tbody', null, ...rows),
  );
  const done = showModal(
    root,
    {
      eyebrow: t('game.places.eyebrow', { turn: s.state.turn }),
      title: t('game.allPlaces'),
      body: [
        h('div', { class: 'places-find' }, filter, count),
        h('div', { class: 'places-scroll', tabIndex: 0, role: 'region', 'aria-label': t('game.places.region') }, table),
        h('p', { class: 'small muted' }, t('game.places.note')),
      ],
      actions: [close],
      wide: true,
      className: 'places',
      dismissValue: '',
      focus: filter,
    },
    [''],
  );
  return done.then(() => chosen);
}

/** The keys (shown as they are) and what each does (game.key.<id>). */
export const SHORTCUTS: readonly [string, string][] = [
  ['L', 'places'],
  ['Tab / Shift+Tab', 'tab'],
  ['← →', 'tabs'],
  ['Enter', 'enter'],
  ['R', 'report'],
  ['G', 'glossary'],
  ['Escape', 'escape'],
  ['Shift + arrow keys', 'shiftArrows'],
  ['Arrow keys or W A S D', 'arrows'],
  ['+ / −', 'zoom'],
  ['T', 'closeUp'],
  ['?', 'list'],
];

/** A place's tag in words ("oil terminal"). */
function tagName(tag: string): string {
  const key = `game.tag.${tag}`;
  const text = t(key);
  return text === key ? tag.replace(/-/g, ' ') : text;
}

export function showShortcuts(root: HTMLElement): Promise<string> {
  return showModal(
    root,
    {
      eyebrow: t('game.keysEyebrow'),
      title: t('game.keysTitleFull'),
      body: [
        h('p', null, t('game.keysLead')),
        h('dl', { class: 'shortcuts' }, ...SHORTCUTS.flatMap(([, what]) => [h('dt', null, h('kbd', null, t(`game.keyName.${what}`))), h('dd', null, t(`game.key.${what}`))])),
        h('p', { class: 'small muted' }, t('game.keysNote')),
      ],
      actions: [button(t('game.close'), () => {}, { class: 'primary' })],
      dismissValue: 'ok',
    },
    ['ok'],
  );
}
