// The main menu and its pages: new game, how to play, settings, sources and credits.
import type { ContentProblem, ScenarioEntry } from '../game/content.ts';
import { cleanSeed, randomSeed } from '../game/seed.ts';
import type { Difficulty, GameSetup, SaveFile } from '../game/session.ts';
import { settings, sfx, TEXT_SCALES, updateSettings } from '../game/settings.ts';
import type { PlayerRole, Role } from '../game/sim-types.ts';
import { DIFFICULTIES } from '../sim/types.ts';
import { append, button, clear, formatDate, h } from './dom.ts';
import { CREDITS, DIFFICULTY_BLURB, HOW_TO_PLAY, ROLE_BLURB, ROLE_NAMES, ROLE_SHORT } from './texts.ts';
import './replay.css';

export interface MenuActions {
  newGame(setup: GameSetup): void;
  /** Restores a save; `key` is its storage key (the autosave when omitted). */
  continueGame(save: SaveFile, key?: string): void;
  /** Opens a replay file (picked or dropped) in the replay viewer. */
  openReplay?(file: File): void;
  /**
   * The scenarios as listed at build time (src/content/catalog.ts): known at once, without
   * loading any of them. A scenario is loaded when a game starts.
   */
  content(): { scenarios: ScenarioEntry[]; problems: ContentProblem[] };
  /**
   * The saved games are read through the game's play chunk, which loads apart from the menu
   * (src/scenes/lazy.ts): data() is null until it has. The main page needs it only when a
   * game is saved (then the menu opens after it); the load page waits for it.
   */
  data(): MenuData | null;
  loadData(): Promise<MenuData>;
  /** Opens the outcome explorer ("Explore what if…"): many seeded games with counterfactual switches. */
  explore?(): void;
  /** Opens the teacher's guides (src/ui/guide.ts). */
  guide?(): void;
  /** Opens classroom play ("Play with others", src/ui/classroom.ts): host or join a table on the server. */
  classroom?(): void;
  /** Opens the teacher's console ("Teach a class", src/ui/console.ts): a class of tables on the server. */
  teach?(): void;
}

export interface MenuData {
  readAutosave(): { save: SaveFile | null; problem: string | null };
  readSlots(): { key: string; save: SaveFile | null; problem: string | null }[];
  deleteSlot(n: number): void;
}

type Page = 'main' | 'new' | 'how' | 'settings' | 'credits' | 'load';

export function mountMenu(root: HTMLElement, actions: MenuActions, notice?: string): { panel: HTMLElement } {
  const panel = h('div', { class: 'panel menu', role: 'main' });
  root.appendChild(panel);
  let page: Page = 'main';

  const show = (next: Page) => {
    page = next;
    clear(panel);
    panel.classList.toggle('wide', page !== 'main');
    if (page === 'main') renderMain();
    else if (page === 'new') renderNew();
    else if (page === 'how') renderHow();
    else if (page === 'settings') renderSettings();
    else if (page === 'load') renderLoad();
    else renderCredits();
    const first = panel.querySelector<HTMLElement>('[data-autofocus], .btn:not(:disabled)');
    first?.focus({ preventScroll: true });
  };

  const back = () => button('← Back', () => show('main'), { class: 'ghost small' });

  // A replay file: picked with a file input, or dropped anywhere on the menu.
  const picker = h('input', { type: 'file', 'aria-label': 'Replay file', class: 'visually-hidden', id: 'replay-file' });
  picker.accept = '.json,application/json';
  picker.hidden = true;
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    if (file) actions.openReplay?.(file);
  });
  root.appendChild(picker);
  root.addEventListener('dragover', (e) => {
    if (!actions.openReplay || !e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    panel.classList.add('drop-target');
  });
  root.addEventListener('dragleave', () => panel.classList.remove('drop-target'));
  root.addEventListener('drop', (e) => {
    panel.classList.remove('drop-target');
    const file = e.dataTransfer?.files[0];
    if (!actions.openReplay || !file) return;
    e.preventDefault();
    actions.openReplay(file);
  });
  const header = (title: string) => h('div', { class: 'btn-row' }, back(), h('h2', null, title));
  // A page's body scrolls when it is long: focusable, so that the keyboard scrolls it too.
  const bodyAttrs = (label: string) => ({ class: 'menu-body', tabIndex: 0, role: 'region', 'aria-label': label });

  function renderMain(): void {
    const data = actions.data();
    const { save, problem } = data ? data.readAutosave() : { save: null, problem: null };
    const saveEntry = save ? actions.content().scenarios.find((s) => s.id === save.scenarioId) : undefined;
    const cont = button('Continue', () => save && actions.continueGame(save), {
      disabled: !save,
      'aria-describedby': 'continue-note',
    });
    const continueNote = save
      ? `${saveEntry?.title ?? save.scenarioId} · ${saveRoles(save)} · ${save.ended || save.orders.length >= (saveEntry?.turns ?? Number.POSITIVE_INFINITY) ? 'game over' : `turn ${save.orders.length + 1}`}`
      : (problem ?? 'No saved game yet');
    append(panel, 
      h(
        'div',
        null,
        h('div', { class: 'eyebrow' }, 'Libya · 2019–2020'),
        h('h1', { class: 'title' }, 'Ceasefire Line'),
        h('div', { class: 'title-rule', 'aria-hidden': 'true' }),
        h('p', { class: 'tagline' }, 'Lead Tripoli’s government, Haftar’s army or the mediators through a proxy war, one fortnight at a time.'),
      ),
      notice ? h('div', { class: 'notice', role: 'alert' }, notice) : null,
      h(
        'nav',
        { class: 'menu-buttons', 'aria-label': 'Main menu' },
        button('New game', () => show('new'), { class: 'primary', 'data-autofocus': '' }),
        cont,
        h('div', { id: 'continue-note', class: 'small muted', style: 'margin: -4px 0 4px 2px' }, continueNote),
        actions.classroom ? button('Play with others', () => actions.classroom?.(), { id: 'menu-classroom', title: 'Several people in one war over the network: host a table or join one with its code' }) : null,
        actions.explore ? button('Explore what if…', () => actions.explore?.(), { id: 'menu-explore' }) : null,
        button('Load a saved game', () => show('load'), { id: 'menu-load' }),
        actions.openReplay ? button('Open a replay…', () => picker.click(), { id: 'menu-open-replay', title: 'Watch a replay file turn by turn (you can also drop the file here)' }) : null,
        actions.teach ? button('Teach a class', () => actions.teach?.(), { id: 'menu-teach', title: 'A class of tables on the server: one code for the students, a console for the teacher, a debrief' }) : null,
        actions.guide ? button("Teacher's guide", () => actions.guide?.(), { id: 'menu-guide' }) : null,
        button('How to play', () => show('how')),
        button('Settings', () => show('settings')),
        button('Sources & credits', () => show('credits')),
      ),
      h('div', { class: 'menu-foot' }, 'A teaching simulation built from the public record. Every game is seeded and can be replayed move for move.'),
    );
  }

  function renderNew(): void {
    const { scenarios: all, problems } = actions.content();
    // A lesson form is offered as its full form's length, not as a scenario of its own.
    const scenarios = all.filter((s) => s.form !== 'lesson');
    let scenario: ScenarioEntry | undefined = scenarios.find((s) => s.id.includes('sirte')) ?? scenarios[0];
    let lesson = false;
    let role: PlayerRole = 'gna';
    /** Hot-seat: the roles people play at this screen, in the order they take their turns. */
    let seats: PlayerRole[] = [];
    let hotSeat = false;
    let difficulty: Difficulty = 'normal';
    let starting = false;
    const seedInput = h('input', { type: 'text', id: 'seed', 'aria-label': 'Seed', title: 'Letters, digits, - and _' });
    seedInput.value = randomSeed();
    seedInput.spellcheck = false;
    seedInput.maxLength = 32;

    const scenarioBox = h('div', { class: 'choices', role: 'group', 'aria-label': 'Scenario' });
    const roleBox = h('div', { class: 'choices cols-3', role: 'group', 'aria-label': 'Role' });
    const backerBox = h('div', { class: 'choices cols-4', role: 'group', 'aria-label': 'Foreign backers', id: 'menu-backers' });
    const backerHead = h('h4', { class: 'sub-head' }, 'Or a foreign backer');
    const seatNote = h('p', { class: 'small muted', id: 'menu-seats', 'aria-live': 'polite' });
    const hotSeatBox = h('input', { type: 'checkbox', id: 'menu-hotseat' });
    hotSeatBox.addEventListener('change', () => {
      hotSeat = hotSeatBox.checked;
      seats = hotSeat ? [role] : [];
      renderChoices();
    });
    const diffBox = h('div', { class: 'choices cols-3', role: 'group', 'aria-label': 'Difficulty' });
    const lengthBox = h('div', { class: 'choices cols-2', role: 'group', 'aria-label': 'Length', id: 'menu-length' });
    const lengthNote = h('p', { class: 'small muted', id: 'menu-length-note' });
    const start = button('Read the briefing →', () => {
      const seed = cleanSeed(seedInput.value) || randomSeed();
      if (!scenario || starting) return;
      // The scenario loads now (its own chunk): the button says so until the briefing opens.
      starting = true;
      start.disabled = true;
      start.textContent = 'Loading the scenario…';
      start.setAttribute('aria-busy', 'true');
      const lessonForm = lesson && scenario.lesson ? all.find((s) => s.fullId === scenario?.id) : undefined;
      actions.newGame({ scenarioId: lessonForm?.id ?? scenario.id, role: hotSeat ? (seats[0] ?? role) : role, ...(hotSeat ? { humans: seats } : {}), difficulty, seed });
    }, { class: 'primary', id: 'menu-start' });

    const renderChoices = () => {
      clear(scenarioBox);
      for (const entry of scenarios) {
        scenarioBox.append(
          choice(entry.id === scenario?.id, () => {
            scenario = entry;
            if (!entry.playable.includes(role)) role = entry.playable[0] ?? 'gna';
            seats = seats.filter((r) => entry.playable.includes(r));
            if (hotSeat && seats.length === 0) seats = [role];
            renderChoices();
          }, h('span', { class: 'choice-title' }, entry.title, entry.tutorial ? h('span', { class: 'tag start-here' }, 'Start here') : null), h('span', { class: 'choice-sub' }, `${formatDate(entry.startDate)} · ${entry.subtitle}`)),
        );
      }
      // One role, or (hot-seat) several: a click adds a role to the people's seats or takes it away.
      const pick = (r: PlayerRole) => {
        if (!hotSeat) role = r;
        else seats = seats.includes(r) ? seats.filter((x) => x !== r) : [...seats, r];
        renderChoices();
      };
      const chosen = (r: PlayerRole) => (hotSeat ? seats.includes(r) : r === role);
      const seatTag = (r: PlayerRole) => (hotSeat && seats.includes(r) ? h('span', { class: 'tag seat-order' }, String(seats.indexOf(r) + 1)) : null);
      clear(roleBox);
      for (const r of ['gna', 'lna', 'mediator'] as Role[]) {
        const playable = scenario?.playable.includes(r) ?? false;
        const b = choice(chosen(r), () => pick(r), h('span', { class: 'choice-title' }, h('i', { class: `side-mark ${r}`, 'aria-hidden': 'true' }), ROLE_SHORT[r], seatTag(r)), h('span', { class: 'choice-sub' }, ROLE_BLURB[r]));
        b.disabled = !playable;
        b.dataset.role = r;
        b.title = playable ? ROLE_NAMES[r] : 'Not playable in this scenario';
        roleBox.append(b);
      }
      clear(backerBox);
      for (const seat of scenario?.backerSeats ?? []) {
        const client = seat.client === 'none' ? '' : `Backs the ${seat.client.toUpperCase()}`;
        const b = choice(
          chosen(seat.role),
          () => pick(seat.role),
          h('span', { class: 'choice-title' }, h('i', { class: `side-mark ${seat.client}`, 'aria-hidden': 'true' }), seat.name === 'United Arab Emirates' ? 'UAE' : seat.name, seatTag(seat.role)),
          h('span', { class: 'choice-sub' }, client),
        );
        b.dataset.role = seat.role;
        b.title = `${seat.name}${client ? ` (${client.toLowerCase()})` : ''}: ${seat.summary}`;
        backerBox.append(b);
      }
      backerBox.hidden = (scenario?.backerSeats.length ?? 0) === 0;
      backerHead.hidden = backerBox.hidden;
      const names = (rs: PlayerRole[]) => rs.map((r) => (r.startsWith('backer:') ? (scenario?.backerSeats.find((x) => x.role === r)?.name ?? r) : ROLE_SHORT[r as Role])).join(' → ');
      seatNote.textContent = hotSeat
        ? seats.length >= 2
          ? `People at this screen, in turn order: ${names(seats)}. Each turn starts behind a screen that hides the last person's view; the computer plays everyone else.`
          : 'Pick at least two roles for the people at this screen (click again to take one away).'
        : `You play ${role.startsWith('backer:') ? names([role]) : ROLE_NAMES[role as Role]}; the computer plays every other actor.`;
      clear(lengthBox);
      const period = (entry: ScenarioEntry, turns: number, days: number) => `${turns} ${days >= 28 ? (days === 28 ? 'turns of four weeks' : 'months') : days === 14 ? 'fortnights' : `turns of ${days} days`}`;
      if (scenario?.lesson) {
        const full = scenario;
        const l = full.lesson!;
        lengthBox.append(
          choice(!lesson, () => {
            lesson = false;
            renderChoices();
          }, h('span', { class: 'choice-title' }, 'Full game'), h('span', { class: 'choice-sub' }, `${period(full, full.turns, full.turnDays)}, orders every turn`)),
          choice(lesson, () => {
            lesson = true;
            renderChoices();
          }, h('span', { class: 'choice-title' }, 'One lesson'), h('span', { class: 'choice-sub' }, `${period(full, l.turns, l.turnDays)}: the same dates, fits 50 minutes`)),
        );
        lengthNote.textContent = lesson ? l.note : `The whole war, turn by turn: ${period(full, full.turns, full.turnDays)}.`;
      } else if (scenario) {
        lesson = false;
        lengthNote.textContent = `${period(scenario, scenario.turns, scenario.turnDays)}${scenario.turns <= 10 ? ': fits one lesson as it is' : ''}.`;
      }
      lengthBox.hidden = !scenario?.lesson;
      clear(diffBox);
      for (const d of DIFFICULTIES) {
        diffBox.append(
          choice(d === difficulty, () => {
            difficulty = d;
            renderChoices();
          }, h('span', { class: 'choice-title' }, d[0]?.toUpperCase() + d.slice(1)), h('span', { class: 'choice-sub' }, DIFFICULTY_BLURB[d])),
        );
      }
      start.disabled = !scenario || starting || (hotSeat && seats.length < 2);
    };
    renderChoices();

    append(panel, 
      header('New game'),
      h(
        'div',
        bodyAttrs('New game'),
        scenarios.length === 0 ? h('div', { class: 'notice', role: 'status' }, 'No scenario could be loaded.') : null,
        ...problems.map((p) => h('div', { class: 'notice' }, `${p.file}: ${p.message.split('\n')[0]}`)),
        h('section', null, h('h3', null, 'Scenario'), scenarioBox),
        h(
          'section',
          null,
          h('h3', null, 'Your role'),
          roleBox,
          backerHead,
          backerBox,
          h('label', { class: 'check-row' }, hotSeatBox, ' Several people at this screen (hot-seat)'),
          seatNote,
        ),
        h('section', null, h('h3', null, 'Length'), lengthBox, lengthNote),
        h('section', null, h('h3', null, 'Difficulty'), diffBox),
        h(
          'section',
          null,
          h('h3', null, 'Seed'),
          h('div', { class: 'seed-row' }, seedInput, button('New seed', () => (seedInput.value = randomSeed()), { class: 'small' })),
          h('p', { class: 'small muted', style: 'margin-top:6px' }, 'The same seed and the same orders always give the same war. Share it to compare games.'),
        ),
      ),
      h('div', { class: 'btn-row end' }, start),
    );
  }

  function renderLoad(): void {
    const data = actions.data();
    if (!data) {
      append(panel, header('Load a saved game'), h('p', { class: 'muted', role: 'status' }, 'Loading…'));
      void actions.loadData().then(() => {
        if (page === 'load') show('load');
      });
      return;
    }
    const slots = data.readSlots();
    const titles = new Map(actions.content().scenarios.map((s) => [s.id, s.title]));
    const list = h('div', { class: 'choices' });
    slots.forEach((slot, i) => {
      const n = i + 1;
      if (slot.problem) list.append(h('div', { class: 'notice', role: 'alert' }, slot.problem));
      const save = slot.save;
      if (!save) {
        list.append(h('div', { class: 'slot empty small muted' }, `Slot ${n}: empty`));
        return;
      }
      const turn = save.ended ? 'game over' : `turn ${save.orders.length + 1}`;
      list.append(
        h(
          'div',
          { class: 'slot btn-row', 'data-slot': String(n) },
          h('span', { class: 'slot-text' }, h('strong', null, `Slot ${n}: ${save.name ?? 'unnamed'}`), h('span', { class: 'small muted' }, ` · ${titles.get(save.scenarioId) ?? save.scenarioId} · ${saveRoles(save)} · ${turn}`)),
          button('Load', () => actions.continueGame(save, slot.key), { class: 'small primary' }),
          button('Delete', () => {
            data.deleteSlot(n);
            show('load');
          }, { class: 'small ghost', 'aria-label': `Delete the save in slot ${n}` }),
        ),
      );
    });
    append(
      panel,
      header('Load a saved game'),
      h('div', bodyAttrs('Saved games'), h('p', { class: 'small muted' }, 'Save a game in a slot from its Menu during play. The autosave is under Continue.'), list),
    );
  }

  function renderHow(): void {
    append(panel, 
      header('How to play'),
      h(
        'div',
        bodyAttrs('How to play'),
        ...HOW_TO_PLAY.map((s) => h('section', null, h('h3', null, s.title), ...s.text.map((t) => h('p', null, t)))),
      ),
    );
  }

  function renderSettings(): void {
    const s = settings();
    const slider = (label: string, value: number, onInput: (v: number) => void, onRelease?: () => void) => {
      const input = h('input', { type: 'range', 'aria-label': label });
      input.min = '0';
      input.max = '100';
      input.value = String(Math.round(value * 100));
      input.addEventListener('input', () => onInput(Number(input.value) / 100));
      if (onRelease) input.addEventListener('change', onRelease);
      return h('label', { class: 'field' }, label, input);
    };
    const check = (label: string, value: boolean, onChange: (v: boolean) => void, id?: string) => {
      const input = h('input', { type: 'checkbox', id });
      input.checked = value;
      input.addEventListener('change', () => onChange(input.checked));
      return h('label', { class: 'check' }, input, label);
    };
    append(panel, 
      header('Settings'),
      h(
        'div',
        bodyAttrs('Settings'),
        h(
          'section',
          null,
          h('h3', null, 'Sound'),
          h(
            'div',
            { class: 'choices' },
            slider('Music volume', s.music, (v) => updateSettings({ music: v })),
            slider('Effects volume', s.effects, (v) => updateSettings({ effects: v }), () => sfx('order')),
            check('Mute all sound', s.muted, (v) => updateSettings({ muted: v })),
          ),
        ),
        h(
          'section',
          null,
          h('h3', null, 'Display'),
          h(
            'div',
            { class: 'choices' },
            check('Reduce motion (no map animations)', s.reducedMotion, (v) => updateSettings({ reducedMotion: v }), 'set-reduced-motion'),
            textSize(s.textScale),
            check('High contrast (brighter text and lines, solid panels)', s.highContrast, (v) => updateSettings({ highContrast: v }), 'set-high-contrast'),
          ),
          h('p', { class: 'small muted' }, 'Remembered in this browser. Reduced motion follows your system’s setting until you choose here. Keyboard: every screen works with Tab, Enter and Escape; on the map, ? lists the keys.'),
        ),
      ),
    );
  }

  /** Text size, 100% to 200%: the panels reflow and the map's labels grow with it. */
  function textSize(value: number): HTMLElement {
    const select = h('select', { id: 'set-text-size' });
    for (const n of TEXT_SCALES) select.append(h('option', { value: String(n) }, n === 100 ? '100% (standard)' : `${n}%`));
    select.value = String(TEXT_SCALES.includes(value as (typeof TEXT_SCALES)[number]) ? value : 100);
    select.addEventListener('change', () => updateSettings({ textScale: Number(select.value) }));
    return h('label', { class: 'field', for: 'set-text-size' }, 'Text size', select);
  }

  function renderCredits(): void {
    append(panel, 
      header('Sources & credits'),
      h('div', bodyAttrs('Sources and credits'), h('dl', { class: 'credits' }, ...CREDITS.flatMap((c) => [h('dt', null, c.title), h('dd', null, c.text)]))),
    );
  }

  show('main');
  return { panel };
}

export function choice(pressed: boolean, onClick: () => void, ...children: (Node | string)[]): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'choice', 'aria-pressed': String(pressed) }, ...children);
  b.addEventListener('click', onClick);
  return b;
}

/** Who played a saved game: its role, or the people's roles at one screen. */
function saveRoles(save: SaveFile): string {
  const name = (r: PlayerRole) => (r.startsWith('backer:') ? r.slice('backer:'.length).replace(/^./, (c) => c.toUpperCase()).replace(/^Uae$/, 'UAE') : ROLE_SHORT[r as Role]);
  return save.humans && save.humans.length > 1 ? `hot-seat: ${save.humans.map(name).join(', ')}` : name(save.role);
}
