// The map as text, and the keyboard's way to every place: a dialog listing every place with
// who holds it, the forces seen there (ranges where the player cannot see exactly), what is
// wrong there and the roads out of it; a place's name opens its panel. Also the list of
// keyboard shortcuts. Both read the session; neither changes it.
import { forcesAt, seenFormations, strengthText } from '../game/fog.ts';
import type { PlaySession } from '../game/play-session.ts';
import { button, h } from './dom.ts';
import { showModal } from './modals.ts';

const SIDE = { gna: 'GNA', lna: 'LNA', none: 'Local' } as const;

/** Resolves with the id of the place chosen, or '' when the list was closed. */
export function showPlaces(root: HTMLElement, session: PlaySession, selected: string | null): Promise<string> {
  const s = session;
  let chosen = '';
  const close = button('Close', () => {}, { class: 'ghost' });
  const filter = h('input', { type: 'search', id: 'places-filter', 'aria-label': 'Find a place', 'aria-controls': 'places-table', 'data-autofocus': '' });
  filter.placeholder = 'Type to find a place…';
  filter.autocomplete = 'off';
  const names = new Map(s.scenario.map.places.map((p) => [p.id, p.name]));
  const rows = [...s.scenario.map.places]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => {
      const ps = s.state.places[p.id];
      const controller = ps?.controller ?? 'local';
      const held = controller === 'local' ? 'Local forces' : s.scenario.sides[controller].shortName;
      const forces = forcesAt(p.id, seenFormations(s));
      const notes = [
        ps?.siegedBy ? `besieged by the ${ps.siegedBy.toUpperCase()}` : null,
        ps?.shut ? 'shut' : null,
        ps && ps.damage > 0 ? `damage ${ps.damage}` : null,
        ...p.tags.map((t) => t.replace(/-/g, ' ')),
      ].filter((x): x is string => !!x);
      const roads = s.scenario.map.routes
        .filter((r) => r.from === p.id || r.to === p.id)
        .map((r) => names.get(r.from === p.id ? r.to : r.from) ?? '')
        .filter(Boolean)
        .sort();
      const open = button(p.name, () => {
        chosen = p.id;
        close.click();
      }, { class: 'link-button', 'aria-current': p.id === selected ? 'true' : undefined, 'data-place': p.id });
      const row = h(
        'tr',
        { 'data-name': p.name.toLowerCase() },
        h('th', { scope: 'row' }, open),
        h('td', null, h('i', { class: `side-mark ${controller}`, 'aria-hidden': 'true' }), ' ', held),
        h('td', null, forces.length ? forces.map((f) => `${SIDE[f.side]} ${strengthText(f)}`).join('; ') : '—'),
        h('td', { class: 'small' }, notes.join(', ') || '—'),
        h('td', { class: 'small' }, roads.join(', ')),
      );
      return row;
    });
  const count = h('p', { class: 'small muted', role: 'status', id: 'places-count' }, `${rows.length} places`);
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const hit = !q || (row.dataset.name ?? '').includes(q);
      row.hidden = !hit;
      if (hit) shown++;
    }
    count.textContent = shown === rows.length ? `${rows.length} places` : `${shown} of ${rows.length} places`;
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
    h('caption', { class: 'sr-only' }, 'Every place: who holds it, the forces seen there, its state and its roads'),
    h('thead', null, h('tr', null, ...['Place', 'Held by', 'Forces seen (fighters)', 'State', 'Roads to'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, ...rows),
  );
  const done = showModal(
    root,
    {
      eyebrow: `Turn ${s.state.turn} · the map as a list`,
      title: 'All places',
      body: [
        h('div', { class: 'places-find' }, filter, count),
        h('div', { class: 'places-scroll', tabIndex: 0, role: 'region', 'aria-label': 'Places' }, table),
        h('p', { class: 'small muted' }, '~ marks an estimate: how wide depends on your intelligence. Pick a name to open its panel.'),
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

export const SHORTCUTS: readonly [string, string][] = [
  ['L', 'All places: the map as a list; pick one to open it'],
  ['Tab / Shift+Tab', 'Move between buttons, tabs and fields'],
  ['← →', 'Move between the panel’s tabs (when a tab has the focus)'],
  ['Enter', 'End the turn (when no button has the focus)'],
  ['R', 'The last turn report'],
  ['G', 'The glossary'],
  ['Escape', 'Close a card or dialog; leave the place selected'],
  ['Shift + arrow keys', 'From the selected place to the next one along a road in that direction'],
  ['Arrow keys or W A S D', 'Pan the map (when no panel has the focus)'],
  ['+ / −', 'Zoom the map'],
  ['T', 'Greater Tripoli close-up, and back to the whole country (on the full map)'],
  ['?', 'This list'],
];

export function showShortcuts(root: HTMLElement): Promise<string> {
  return showModal(
    root,
    {
      eyebrow: 'Help',
      title: 'Keyboard shortcuts',
      body: [
        h('p', null, 'The whole game can be played from the keyboard. On the map screen:'),
        h('dl', { class: 'shortcuts' }, ...SHORTCUTS.flatMap(([k, what]) => [h('dt', null, h('kbd', null, k)), h('dd', null, what)])),
        h('p', { class: 'small muted' }, 'The place list is also the map for a screen reader: it gives what the map shows, as text.'),
      ],
      actions: [button('Close', () => {}, { class: 'primary' })],
      dismissValue: 'ok',
    },
    ['ok'],
  );
}
