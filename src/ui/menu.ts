// The main menu and its pages: new game, how to play, settings, sources and credits.

import { problemLine } from '../content/catalog-problems.ts';
import type { ContentProblem, ScenarioEntry } from '../game/content.ts';
import { cleanSeed, randomSeed } from '../game/seed.ts';
import type { Difficulty, GameSetup, SaveFile } from '../game/session.ts';
import { settings, sfx, TEXT_SCALES, updateSettings } from '../game/settings.ts';
import type { PlayerRole, ProblemMessage, Role } from '../game/sim-types.ts';
import { actorName, chooseLang, fmtDate, fmtList, LANG_NAMES, type Lang, lang, langTag, onLangChange, PICKER_LANGS, t } from '../i18n/index.ts';
import { DIFFICULTIES } from '../sim/types.ts';
import { append, button, clear, h, untranslated } from './dom.ts';
import { errorText, isEnglishOnly, type Notice, noticeText } from './error-text.ts';
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
  readAutosave(): { save: SaveFile | null; problemMsg: ProblemMessage | null };
  readSlots(): { key: string; save: SaveFile | null; problemMsg: ProblemMessage | null }[];
  deleteSlot(n: number): void;
}

type Page = 'main' | 'new' | 'how' | 'settings' | 'credits' | 'load';

export function mountMenu(root: HTMLElement, actions: MenuActions, notice?: Notice): { panel: HTMLElement } {
  const panel = h('div', { class: 'panel menu', role: 'main' });
  root.appendChild(panel);
  let page: Page = 'main';

  const show = (next: Page) => {
    page = next;
    panel.lang = langTag();
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

  const back = () => button(t('menu.back'), () => show('main'), { class: 'ghost small' });

  // A replay file: picked with a file input, or dropped anywhere on the menu.
  const picker = h('input', { type: 'file', 'aria-label': t('menu.replayFile'), class: 'visually-hidden', id: 'replay-file' });
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
  /**
   * The language picker (main page and settings): each language named in itself. A change
   * loads that language, redraws the menu in place (no reload) and is remembered.
   */
  const languagePicker = (id: string, compact = false) => {
    const select = h('select', { id, 'data-lang-picker': '', ...(compact ? { 'aria-label': t('menu.language'), title: t('menu.language') } : {}) });
    const offered = PICKER_LANGS.includes(lang()) ? PICKER_LANGS : [...PICKER_LANGS, lang()];
    for (const l of offered) {
      const option = h('option', { value: l }, LANG_NAMES[l]);
      option.lang = langTag(l);
      select.append(option);
    }
    select.value = lang();
    select.addEventListener('change', () => {
      void chooseLang(select.value as Lang);
    });
    if (compact) {
      select.classList.add('lang-compact');
      return select;
    }
    return h('label', { class: 'field lang-field', for: id }, t('menu.language'), select);
  };
  // Another language: the page shown again in it, the keyboard's focus back on the picker.
  const stop = onLangChange(() => {
    if (!panel.isConnected) {
      stop();
      return;
    }
    const focused = document.activeElement instanceof HTMLElement && panel.contains(document.activeElement) ? document.activeElement.id : '';
    show(page);
    if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
  });
  const header = (title: string) => h('div', { class: 'btn-row' }, back(), h('h2', null, title));
  // A page's body scrolls when it is long: focusable, so that the keyboard scrolls it too.
  const bodyAttrs = (label: string) => ({ class: 'menu-body', tabIndex: 0, role: 'region', 'aria-label': label });

  function renderMain(): void {
    const data = actions.data();
    const { save, problemMsg } = data ? data.readAutosave() : { save: null, problemMsg: null };
    const problem = problemMsg ? errorText(problemMsg) : null;
    const saveEntry = save ? actions.content().scenarios.find((s) => s.id === save.scenarioId) : undefined;
    const cont = button(t('menu.continue'), () => save && actions.continueGame(save), {
      disabled: !save,
      'aria-describedby': 'continue-note',
    });
    const continueNote = save
      ? t('menu.continueNote', {
          scenario: saveEntry?.title ?? save.scenarioId,
          roles: saveRoles(save),
          status: save.ended || save.orders.length >= (saveEntry?.turns ?? Number.POSITIVE_INFINITY) ? t('menu.gameOver') : t('menu.turnN', { n: save.orders.length + 1 }),
        })
      : (problem ?? t('menu.noSave'));
    append(panel, 
      h(
        'div',
        null,
        h('div', { class: 'menu-top' }, h('div', { class: 'eyebrow' }, t('menu.eyebrow')), languagePicker('menu-lang', true)),
        h('h1', { class: 'title' }, t('menu.title')),
        h('div', { class: 'title-rule', 'aria-hidden': 'true' }),
        h('p', { class: 'tagline' }, t('menu.tagline')),
      ),
      notice ? untranslated(h('div', { class: 'notice', role: 'alert' }, noticeText(notice)), isEnglishOnly(notice)) : null,
      h(
        'nav',
        { class: 'menu-buttons', 'aria-label': t('menu.nav') },
        button(t('menu.newGame'), () => show('new'), { class: 'primary', 'data-autofocus': '' }),
        cont,
        h('div', { id: 'continue-note', class: 'small muted', style: 'margin-block: -4px 4px; margin-inline: 2px 0' }, continueNote),
        actions.classroom ? button(t('menu.classroom'), () => actions.classroom?.(), { id: 'menu-classroom', title: t('menu.classroomTitle') }) : null,
        actions.explore ? button(t('menu.explore'), () => actions.explore?.(), { id: 'menu-explore' }) : null,
        button(t('menu.load'), () => show('load'), { id: 'menu-load' }),
        actions.openReplay ? button(t('menu.openReplay'), () => picker.click(), { id: 'menu-open-replay', title: t('menu.openReplayTitle') }) : null,
        actions.teach ? button(t('menu.teach'), () => actions.teach?.(), { id: 'menu-teach', title: t('menu.teachTitle') }) : null,
        actions.guide ? button(t('menu.guide'), () => actions.guide?.(), { id: 'menu-guide' }) : null,
        button(t('menu.how'), () => show('how')),
        button(t('menu.settings'), () => show('settings')),
        button(t('menu.credits'), () => show('credits')),
      ),
      h('div', { class: 'menu-foot' }, t('menu.foot')),
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
    let difficulty: Difficulty = 'historical';
    let starting = false;
    const seedInput = h('input', { type: 'text', id: 'seed', 'aria-label': t('menu.new.seed'), title: t('menu.new.seedTitle') });
    seedInput.value = randomSeed();
    seedInput.spellcheck = false;
    seedInput.maxLength = 32;

    const scenarioBox = h('div', { class: 'choices', role: 'group', 'aria-label': t('menu.new.scenario') });
    const roleBox = h('div', { class: 'choices cols-3', role: 'group', 'aria-label': t('menu.new.role') });
    const backerBox = h('div', { class: 'choices cols-4', role: 'group', 'aria-label': t('menu.new.backers'), id: 'menu-backers' });
    const backerHead = h('h4', { class: 'sub-head' }, t('menu.new.orBacker'));
    const seatNote = h('p', { class: 'small muted', id: 'menu-seats', 'aria-live': 'polite' });
    const hotSeatBox = h('input', { type: 'checkbox', id: 'menu-hotseat' });
    hotSeatBox.addEventListener('change', () => {
      hotSeat = hotSeatBox.checked;
      seats = hotSeat ? [role] : [];
      renderChoices();
    });
    const diffBox = h('div', { class: 'choices cols-3', role: 'group', 'aria-label': t('menu.new.difficulty') });
    const lengthBox = h('div', { class: 'choices cols-2', role: 'group', 'aria-label': t('menu.new.length'), id: 'menu-length' });
    const lengthNote = h('p', { class: 'small muted', id: 'menu-length-note' });
    const start = button(t('menu.new.start'), () => {
      const seed = cleanSeed(seedInput.value) || randomSeed();
      if (!scenario || starting) return;
      // The scenario loads now (its own chunk): the button says so until the briefing opens.
      starting = true;
      start.disabled = true;
      start.textContent = t('menu.new.loading');
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
          }, h('span', { class: 'choice-title' }, entry.title, entry.tutorial ? h('span', { class: 'tag start-here' }, t('menu.new.startHere')) : null), h('span', { class: 'choice-sub' }, fmtDate(entry.startDate), ' · ', entry.subtitle)),
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
        const b = choice(chosen(r), () => pick(r), h('span', { class: 'choice-title' }, h('i', { class: `side-mark ${r}`, 'aria-hidden': 'true' }), actorName(r), seatTag(r)), h('span', { class: 'choice-sub' }, t(ROLE_BLURB[r])));
        b.disabled = !playable;
        b.dataset.role = r;
        b.title = playable ? actorName(r, 'long') : t('menu.new.notPlayable');
        roleBox.append(b);
      }
      clear(backerBox);
      for (const seat of scenario?.backerSeats ?? []) {
        const client = t('menu.new.backs', { client: seat.client });
        const name = seatName(seat);
        const b = choice(
          chosen(seat.role),
          () => pick(seat.role),
          h('span', { class: 'choice-title' }, h('i', { class: `side-mark ${seat.client}`, 'aria-hidden': 'true' }), name, seatTag(seat.role)),
          h('span', { class: 'choice-sub' }, client),
        );
        b.dataset.role = seat.role;
        // The seat's summary is scenario text (English for now).
        b.title = `${actorName(seat.role, 'long') === seat.role ? seat.name : actorName(seat.role, 'long')}${client ? ` (${client})` : ''}: ${seat.summary}`;
        backerBox.append(b);
      }
      backerBox.hidden = (scenario?.backerSeats.length ?? 0) === 0;
      backerHead.hidden = backerBox.hidden;
      const names = (rs: PlayerRole[]) => rs.map((r) => (r.startsWith('backer:') ? seatName(scenario?.backerSeats.find((x) => x.role === r)) || r : actorName(r))).join(' → ');
      seatNote.textContent = hotSeat
        ? seats.length >= 2
          ? t('menu.new.seatsOrder', { names: names(seats) })
          : t('menu.new.seatsPickTwo')
        : t('menu.new.youPlay', { name: role.startsWith('backer:') ? names([role]) : actorName(role, 'long') });
      clear(lengthBox);
      const period = (_entry: ScenarioEntry, turns: number, days: number) => t('menu.new.period', { kind: days === 28 ? 'fourWeeks' : days > 28 ? 'month' : days === 14 ? 'fortnight' : 'days', turns, days });
      if (scenario?.lesson) {
        const full = scenario;
        const l = full.lesson!;
        lengthBox.append(
          choice(!lesson, () => {
            lesson = false;
            renderChoices();
          }, h('span', { class: 'choice-title' }, t('menu.new.fullGame')), h('span', { class: 'choice-sub' }, t('menu.new.fullGameSub', { period: period(full, full.turns, full.turnDays) }))),
          choice(lesson, () => {
            lesson = true;
            renderChoices();
          }, h('span', { class: 'choice-title' }, t('menu.new.oneLesson')), h('span', { class: 'choice-sub' }, t('menu.new.oneLessonSub', { period: period(full, l.turns, l.turnDays) }))),
        );
        // The lesson's note is scenario text (English for now).
        lengthNote.textContent = lesson ? l.note : t('menu.new.wholeWar', { period: period(full, full.turns, full.turnDays) });
        lengthNote.lang = lesson ? 'en' : langTag();
        lengthNote.dir = lesson ? 'ltr' : '';
      } else if (scenario) {
        lesson = false;
        lengthNote.textContent = t(scenario.turns <= 10 ? 'menu.new.lengthNoteLesson' : 'menu.new.lengthNote', { period: period(scenario, scenario.turns, scenario.turnDays) });
        lengthNote.lang = langTag();
        lengthNote.dir = '';
      }
      lengthBox.hidden = !scenario?.lesson;
      clear(diffBox);
      for (const d of DIFFICULTIES) {
        diffBox.append(
          choice(d === difficulty, () => {
            difficulty = d;
            renderChoices();
          }, h('span', { class: 'choice-title' }, t(DIFFICULTY[d].name)), h('span', { class: 'choice-sub' }, t(DIFFICULTY[d].blurb))),
        );
      }
      start.disabled = !scenario || starting || (hotSeat && seats.length < 2);
    };
    renderChoices();

    append(panel, 
      header(t('menu.newGame')),
      h(
        'div',
        bodyAttrs(t('menu.newGame')),
        scenarios.length === 0 ? h('div', { class: 'notice', role: 'status' }, t('menu.new.noScenario')) : null,
        // A scenario file's problem, for its author: its code told (a catalog built before codes: its English).
        ...problems.map((p) => (p.msg ? h('div', { class: 'notice' }, errorText(problemLine(p.file, p.msg))) : untranslated(h('div', { class: 'notice' }, `${p.file}: ${p.message.split('\n')[0]}`)))),
        h('section', null, h('h3', null, t('menu.new.scenario')), scenarioBox),
        h(
          'section',
          null,
          h('h3', null, t('menu.new.yourRole')),
          roleBox,
          backerHead,
          backerBox,
          h('label', { class: 'check-row' }, hotSeatBox, ' ', t('menu.new.hotSeat')),
          seatNote,
        ),
        h('section', null, h('h3', null, t('menu.new.length')), lengthBox, lengthNote),
        h('section', null, h('h3', null, t('menu.new.difficulty')), diffBox),
        h(
          'section',
          null,
          h('h3', null, t('menu.new.seed')),
          h('div', { class: 'seed-row' }, seedInput, button(t('menu.new.newSeed'), () => (seedInput.value = randomSeed()), { class: 'small' })),
          h('p', { class: 'small muted', style: 'margin-top:6px' }, t('menu.new.seedNote')),
        ),
      ),
      h('div', { class: 'btn-row end' }, start),
    );
  }

  function renderLoad(): void {
    const data = actions.data();
    if (!data) {
      append(panel, header(t('menu.load')), h('p', { class: 'muted', role: 'status' }, t('menu.load.loading')));
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
      if (slot.problemMsg) list.append(h('div', { class: 'notice', role: 'alert' }, errorText(slot.problemMsg)));
      const save = slot.save;
      if (!save) {
        list.append(h('div', { class: 'slot empty small muted' }, t('menu.load.empty', { n })));
        return;
      }
      const turn = save.ended ? t('menu.gameOver') : t('menu.turnN', { n: save.orders.length + 1 });
      list.append(
        h(
          'div',
          { class: 'slot btn-row', 'data-slot': String(n) },
          h('span', { class: 'slot-text' }, h('strong', null, t('menu.load.slot', { n, name: save.name ?? t('menu.load.unnamed') })), h('span', { class: 'small muted' }, ' · ', titles.get(save.scenarioId) ?? save.scenarioId, ` · ${saveRoles(save)} · ${turn}`)),
          button(t('menu.load.load'), () => actions.continueGame(save, slot.key), { class: 'small primary' }),
          button(t('menu.load.delete'), () => {
            data.deleteSlot(n);
            show('load');
          }, { class: 'small ghost', 'aria-label': t('menu.load.deleteLabel', { n }) }),
        ),
      );
    });
    append(
      panel,
      header(t('menu.load')),
      h('div', bodyAttrs(t('menu.load.saved')), h('p', { class: 'small muted' }, t('menu.load.note')), list),
    );
  }

  function renderHow(): void {
    append(panel, 
      header(t('menu.how')),
      h(
        'div',
        bodyAttrs(t('menu.how')),
        ...HOW_TO_PLAY.map((s) => h('section', null, h('h3', null, t(s.title)), ...s.text.map((p) => h('p', null, t(p))))),
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
      header(t('menu.settings')),
      h(
        'div',
        bodyAttrs(t('menu.settings')),
        h('section', null, h('h3', null, t('menu.language')), languagePicker('set-lang', true), h('p', { class: 'small muted' }, t('menu.languageNote'))),
        h(
          'section',
          null,
          h('h3', null, t('menu.settings.sound')),
          h(
            'div',
            { class: 'choices' },
            slider(t('menu.settings.music'), s.music, (v) => updateSettings({ music: v })),
            slider(t('menu.settings.effects'), s.effects, (v) => updateSettings({ effects: v }), () => sfx('order')),
            check(t('menu.settings.mute'), s.muted, (v) => updateSettings({ muted: v })),
          ),
        ),
        h(
          'section',
          null,
          h('h3', null, t('menu.settings.display')),
          h(
            'div',
            { class: 'choices' },
            check(t('menu.settings.reducedMotion'), s.reducedMotion, (v) => updateSettings({ reducedMotion: v }), 'set-reduced-motion'),
            textSize(s.textScale),
            check(t('menu.settings.highContrast'), s.highContrast, (v) => updateSettings({ highContrast: v }), 'set-high-contrast'),
          ),
          h('p', { class: 'small muted' }, t('menu.settings.note')),
        ),
      ),
    );
  }

  /** Text size, 100% to 200%: the panels reflow and the map's labels grow with it. */
  function textSize(value: number): HTMLElement {
    const select = h('select', { id: 'set-text-size' });
    for (const n of TEXT_SCALES) select.append(h('option', { value: String(n) }, n === 100 ? t('menu.settings.textSizeStandard') : t('menu.settings.textSizeN', { n })));
    select.value = String(TEXT_SCALES.includes(value as (typeof TEXT_SCALES)[number]) ? value : 100);
    select.addEventListener('change', () => updateSettings({ textScale: Number(select.value) }));
    return h('label', { class: 'field', for: 'set-text-size' }, t('menu.settings.textSize'), select);
  }

  function renderCredits(): void {
    append(panel, 
      header(t('menu.credits')),
      h('div', bodyAttrs(t('menu.creditsRegion')), h('dl', { class: 'credits' }, ...CREDITS.flatMap((c) => [h('dt', null, t(c.title)), h('dd', null, t(c.text))]))),
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
  const name = (r: PlayerRole) => (actorName(r) !== r ? actorName(r) : r.slice('backer:'.length).replace(/^./, (c) => c.toUpperCase()));
  return save.humans && save.humans.length > 1 ? t('menu.hotSeatRoles', { names: fmtList(save.humans.map(name)) }) : name(save.role);
}

/** A backer's seat named in the current language (the scenario's own name for a backer the catalogue does not know). */
function seatName(seat: { role: string; name: string } | undefined): string {
  if (!seat) return '';
  const named = actorName(seat.role);
  return named !== seat.role ? named : seat.name;
}


const ROLE_BLURB: Record<Role, string> = { gna: 'menu.role.gna.blurb', lna: 'menu.role.lna.blurb', mediator: 'menu.role.mediator.blurb' };
const DIFFICULTY: Record<Difficulty, { name: string; blurb: string }> = {
  easy: { name: 'menu.difficulty.easy', blurb: 'menu.difficulty.easy.blurb' },
  normal: { name: 'menu.difficulty.normal', blurb: 'menu.difficulty.normal.blurb' },
  hard: { name: 'menu.difficulty.hard', blurb: 'menu.difficulty.hard.blurb' },
  historical: { name: 'menu.difficulty.historical', blurb: 'menu.difficulty.historical.blurb' },
};
const HOW_TO_PLAY: { title: string; text: string[] }[] = [
  { title: 'menu.how.aim', text: ['menu.how.aim.1', 'menu.how.aim.2'] },
  { title: 'menu.how.turn', text: ['menu.how.turn.1', 'menu.how.turn.2'] },
  { title: 'menu.how.orders', text: ['menu.how.orders.1', 'menu.how.orders.2'] },
  { title: 'menu.how.map', text: ['menu.how.map.1'] },
  { title: 'menu.how.replays', text: ['menu.how.replays.1'] },
];
const CREDITS: { title: string; text: string }[] = [
  { title: 'menu.credits.sources', text: 'menu.credits.sources.text' },
  { title: 'menu.credits.map', text: 'menu.credits.map.text' },
  { title: 'menu.credits.type', text: 'menu.credits.type.text' },
  { title: 'menu.credits.software', text: 'menu.credits.software.text' },
  { title: 'menu.credits.note', text: 'menu.credits.note.text' },
];
