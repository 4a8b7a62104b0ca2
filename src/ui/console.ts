// "Teach a class": the teacher creates a class (scenario, tables, seats for people, seeds,
// timer) and gets a class code for the students; the teacher key stays in this browser. The
// console shows every table live — its turn, who it waits for, the headline figures, the
// messages — and lets the teacher seat students, start, pause or resume tables, end a turn for
// an absent seat and send an inject (news of her own, or one of the scenario's events) to one
// table or all. The debrief sets the tables side by side against history, with a CSV export.
// Loaded only when asked for (a chunk of its own, with colyseus.js).

import { loadBundledScenario } from '../content/index.ts';
import type { ScenarioEntry } from '../game/content.ts';
import { historyRecord } from '../game/left-history.ts';
import { randomSeed } from '../game/seed.ts';
import { ClassClient, forgetTeacherClass, savedTeacherClass } from '../net/class-client.ts';
import { explain } from '../net/client.ts';
import { classCsv, departures, historyHolder, KEY_PLACES, type KeyPlace, wordsAndDeeds } from '../net/debrief.ts';
import { DISTRIBUTION_DEFAULT_RUNS, DISTRIBUTION_RUN_CHOICES, type Distribution, distributionConfig, distributionOf, PLACED_FIGURES, placeTable } from '../net/distribution.ts';
import { rebuildTable } from '../net/inspect.ts';
import type { ClassView, ConsoleTable, TableInspect } from '../net/protocol.ts';
import { type ExploreConfig, type ExplorePart, splitRuns } from '../sim/explore.ts';
import type { HistoryRecord } from '../sim/record.ts';
import type { EndingKind, Order, Role, Scenario } from '../sim/types.ts';
import { applyWhatIfs } from '../sim/whatif.ts';
import { renderTableInFull } from './console-table.ts';
import { append, button, clear, formatDate, formatNumber, h, keepFocus, layer } from './dom.ts';
import { downloadText } from './download.ts';
import type { FromWorker, ToWorker } from './explore.worker.ts';
import { ENDING_NAMES, ROLE_NAMES } from './texts.ts';
import { ordersPhrase } from './turning-text.ts';
import './classroom.css';
import './console.css';

/** Workers for the computer games, as the explorer runs them: one per core but one, at least one. */
const WORKERS = Math.max(1, Math.min(8, (typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2) - 1));

/** "1st", "2nd", "3rd", "11th", "22nd", "80th". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** A batch of computer games running (or done) for the debrief. */
interface ComputerGames {
  config: ExploreConfig;
  workers: Worker[];
  played: number[];
  parts: ExplorePart[];
  ranges: number;
  started: number;
  ms: number;
  result: Distribution | null;
  error: string | null;
}

export interface ConsoleOptions {
  scenarios: ScenarioEntry[];
  back(): void;
}

const PLACE_NAMES: Record<KeyPlace, string> = { tripoli: 'Tripoli', sirte: 'Sirte', 'al-jufra': 'al-Jufra' };
const HOLDER_NAMES: Record<string, string> = { gna: 'GNA', lna: 'LNA', local: 'local forces', '': '—' };
const TALKS: Record<string, string> = { none: 'no talks', talks: 'talks', truce: 'truce', ceasefire: 'ceasefire', agreement: 'agreement' };

function roleName(role: string, scenario: Scenario | null): string {
  if (role in ROLE_NAMES) return ROLE_NAMES[role as Role];
  if (role.startsWith('backer:')) return scenario?.backers.find((b) => `backer:${b.id}` === role)?.name ?? role.slice(7);
  return role;
}

export function mountConsole(options: ConsoleOptions): { close(): void } {
  const root = layer('console');
  const screen = h('div', { class: 'class-screen console-screen', role: 'main', id: 'console', tabIndex: -1 });
  root.appendChild(screen);
  let cls: ClassClient | null = null;
  let scenario: Scenario | null = null;
  let record: HistoryRecord | null = null;
  let unsubscribe: (() => void) | null = null;
  let page: 'console' | 'debrief' | 'table' = 'console';
  /** The table opened in full, and the answer shown (redrawn only when a new one comes). */
  let opened: number | null = null;
  let shownInspect: TableInspect | null = null;
  let cleanupFull: (() => void) | null = null;

  let games: ComputerGames | null = null;
  /** How many computer games the teacher chose (kept across the debrief's redraws). */
  let gamesCount: number = DISTRIBUTION_DEFAULT_RUNS;

  const stopGames = () => {
    for (const w of games?.workers ?? []) w.terminate();
    if (games) games.workers = [];
  };

  const close = () => {
    stopGames();
    cleanupFull?.();
    unsubscribe?.();
    cls?.leave();
    cls = null;
    root.remove();
    document.documentElement.classList.remove('console-open');
  };
  document.documentElement.classList.add('console-open');

  const bar = (title: string, ...extra: (Node | null)[]) =>
    h('div',
      { class: 'class-bar' },
      button(
        '← Back',
        () => {
          close();
          options.back();
        },
        { class: 'ghost small', id: 'console-back' },
      ),
      h('h1', null, title),
      ...extra,
    );

  // ---- Create a class, or open one's console again ---------------------------------------------

  function renderStart(problem?: string): void {
    clear(screen);
    const status = h('p', { class: `class-status${problem ? ' bad' : ''}`, role: 'status', id: 'console-status' }, problem ?? '');
    const name = h('input', { type: 'text', id: 'console-name', 'aria-label': 'Your name' });
    name.maxLength = 40;
    const list = options.scenarios.filter((s) => !s.tutorial);
    const scenarioSelect = h('select', { id: 'console-scenario' }, ...list.map((s) => h('option', { value: s.id }, s.title)));
    const seatsBox = h('div', { class: 'class-seats' });
    const renderSeats = () => {
      clear(seatsBox);
      const entry = list.find((s) => s.id === scenarioSelect.value);
      for (const r of entry?.playable ?? []) {
        const box = h('input', { type: 'checkbox', value: r, 'data-seat': r });
        box.checked = r === 'gna' || r === 'lna' || r === 'mediator';
        append(seatsBox, h('label', { class: 'check' }, box, roleName(r, null)));
      }
    };
    scenarioSelect.addEventListener('change', renderSeats);
    renderSeats();
    const tables = h('input', { type: 'number', id: 'console-tables', value: '2' });
    tables.min = '1';
    tables.max = '20';
    const sameSeed = h('input', { type: 'checkbox', id: 'console-same-seed' });
    sameSeed.checked = true;
    const seed = h('input', { type: 'text', id: 'console-seed', value: randomSeed() });
    seed.maxLength = 60;
    const difficulty = h('select', { id: 'console-difficulty' }, ...['easy', 'normal', 'hard'].map((d) => h('option', { value: d }, d)));
    difficulty.value = 'normal';
    const timer = h(
      'select',
      { id: 'console-timer' },
      h('option', { value: '0' }, 'No timer: a turn ends when every seat has ended it'),
      h('option', { value: '120' }, '2 minutes a turn'),
      h('option', { value: '300' }, '5 minutes a turn'),
      h('option', { value: '600' }, '10 minutes a turn'),
    );
    const bad = (text: string, focus?: HTMLElement) => {
      status.className = 'class-status bad';
      status.textContent = text;
      focus?.focus();
    };
    const create = button(
      'Create the class',
      () => {
        const n = name.value.trim();
        if (!n) return bad('Write your name first: the students see it.', name);
        const seats = [...seatsBox.querySelectorAll<HTMLInputElement>('input[data-seat]')].filter((b) => b.checked).map((b) => b.value);
        if (!seats.length) return bad('Open at least one seat to people.');
        const count = Number(tables.value);
        if (!Number.isInteger(count) || count < 1 || count > 20) return bad('A class has from 1 to 20 tables.', tables);
        status.className = 'class-status';
        status.textContent = 'Creating the class…';
        connect(() =>
          ClassClient.create({
            name: n,
            scenario: scenarioSelect.value,
            tables: count,
            seats,
            sameSeed: sameSeed.checked,
            seed: seed.value.trim() || randomSeed(),
            difficulty: difficulty.value as 'easy' | 'normal' | 'hard',
            timerSeconds: Number(timer.value),
          }),
        );
      },
      { class: 'primary', id: 'console-create' },
    );
    const saved = savedTeacherClass();
    append(
      screen,
      bar('Teach a class'),
      h(
        'p',
        null,
        'A class is several tables of the same war played at once. You get a class code for the students and a teacher key that stays in this browser: only it opens the console, where you watch every table, pause them, end a turn for a student who has left, and send news to one table or all. Afterwards, the debrief sets every table beside what really happened.',
      ),
      status,
      h(
        'div',
        { class: 'class-columns' },
        h(
          'section',
          { class: 'class-card', 'aria-label': 'Create a class' },
          h('h2', null, 'Create a class'),
          h('label', null, 'Your name ', name),
          h('label', null, 'Scenario', scenarioSelect),
          h('label', null, 'Tables (a class of 12 at 3 seats a table needs 4)', tables),
          h('div', null, h('div', null, 'Seats for students at every table (the computer plays the others)'), seatsBox),
          h('label', { class: 'check' }, sameSeed, 'The same seed at every table: the differences between tables come from the students'),
          h('label', null, 'Seed', seed),
          h('label', null, 'How well the computer plays', difficulty),
          h('label', null, 'Turn timer', timer),
          create,
        ),
        saved
          ? h(
              'section',
              { class: 'class-card', 'aria-label': 'Your class' },
              h('h2', null, 'Your class'),
              h('p', null, 'This browser holds the teacher key of class ', h('strong', { class: 'class-code' }, saved.code), '.'),
              button(
                'Open its console',
                () => {
                  status.className = 'class-status';
                  status.textContent = 'Opening the console…';
                  connect(() => ClassClient.teacher(saved.code, saved.key));
                },
                { class: 'primary', id: 'console-open' },
              ),
              button(
                'Forget this class',
                () => {
                  forgetTeacherClass();
                  renderStart();
                },
                { class: 'ghost small', id: 'console-forget' },
              ),
            )
          : null,
      ),
    );
    name.focus();
  }

  function connect(open: () => Promise<ClassClient>): void {
    open().then(
      (c) => {
        cls = c;
        unsubscribe = c.onChange(render);
        render();
      },
      (e) => renderStart(explain(e)),
    );
  }

  // ---- The console ------------------------------------------------------------------------------

  let shell: { students: HTMLElement; tables: HTMLElement; status: HTMLElement; startRow: HTMLElement; timerNow: HTMLElement } | null = null;
  const timerNow = h('p', { class: 'console-timer-now', id: 'console-timer-now' });
  const timerText = (seconds: number) => (seconds ? `${formatNumber(seconds / 60)} minute${seconds === 60 ? '' : 's'} a turn` : 'no timer: a turn ends when every seat has ended it');

  /** The turn timer of every table, changed while they play (from the turn in play on). */
  function timerCard(c: ClassClient, status: HTMLElement): HTMLElement {
    const select = h(
      'select',
      { id: 'console-timer-change' },
      h('option', { value: '0' }, 'No timer'),
      ...[1, 2, 3, 5, 10, 15].map((m) => h('option', { value: String(m * 60) }, `${m} minute${m > 1 ? 's' : ''} a turn`)),
    );
    select.value = String(c.view?.timerSeconds ?? 0);
    return h(
      'section',
      { class: 'class-card', 'aria-label': 'Turn timer' },
      h('h2', null, 'Turn timer'),
      timerNow,
      h('label', null, 'Every table, from the turn in play on', select),
      button(
        'Change the timer',
        () => {
          c.send('timer', { seconds: Number(select.value) });
          status.className = 'class-status';
          status.textContent = `Every table now has ${timerText(Number(select.value))}; the turn in play runs from now.`;
        },
        { id: 'console-timer-send' },
      ),
      h('p', { class: 'small muted' }, 'When the timer runs out, the orders a seat has queued stand. The change is in every table’s record.'),
    );
  }

  function render(): void {
    const c = cls;
    if (!c?.welcome || !c.view) return;
    if (!scenario) {
      void loadBundledScenario(c.welcome.scenario).then((s) => {
        scenario = s;
        record = historyRecord(s);
        render();
      });
    }
    if (page === 'debrief') {
      renderDebrief(c.view);
      return;
    }
    if (page === 'table') {
      renderFull(c);
      return;
    }
    if (!shell) buildShell(c);
    const s = shell!;
    if (c.lastRejection) {
      s.status.className = 'class-status bad';
      s.status.textContent = c.lastRejection.message;
      c.lastRejection = null;
    }
    s.startRow.style.display = c.view.status === 'gathering' ? '' : 'none';
    s.timerNow.textContent = `Now: ${timerText(c.view.timerSeconds)}.`;
    if (!s.students.contains(document.activeElement)) renderStudents(c, s.students);
    renderTables(c, s.tables);
  }

  function buildShell(c: ClassClient): void {
    const w = c.welcome!;
    clear(screen);
    const status = h('p', { class: 'class-status', role: 'status', id: 'console-status' });
    const students = h('div', { id: 'console-students' });
    const tables = h('div', { class: 'console-tables', id: 'console-tables' });
    const startRow = h(
      'p',
      { class: 'console-row' },
      button('Seat everyone again, balanced', () => c.send('balance', {}), { id: 'console-balance' }),
      button('Start every table', () => c.send('start', {}), { class: 'primary', id: 'console-start' }),
    );
    // The inject: news of the teacher's own words, or one of the scenario's events.
    const target = h('select', { id: 'inject-target' }, h('option', { value: '' }, 'Every table'));
    for (let n = 1; n <= w.tables; n++) append(target, h('option', { value: String(n) }, `Table ${n}`));
    const text = h('textarea', { id: 'inject-text', 'aria-label': 'The news, in your own words' });
    text.rows = 2;
    text.maxLength = 500;
    const event = h('select', { id: 'inject-event' }, h('option', { value: '' }, '— or one of the scenario’s events —'), ...(w.events ?? []).map((e) => h('option', { value: e.id }, e.title)));
    const send = button(
      'Send at the next turn',
      () => {
        const table = target.value ? Number(target.value) : null;
        if (event.value) c.send('inject', { table, event: event.value });
        else if (text.value.trim()) c.send('inject', { table, text: text.value.trim() });
        else {
          status.className = 'class-status bad';
          status.textContent = 'Write the news, or choose one of the scenario’s events.';
          return;
        }
        status.className = 'class-status';
        status.textContent = `The news goes to ${table ? `table ${table}` : 'every table'} at the start of its next turn.`;
        text.value = '';
        event.value = '';
      },
      { class: 'primary', id: 'inject-send' },
    );
    append(
      screen,
      bar(
        `Teach a class: ${w.title}`,
        button('Pause every table', () => c.send('pause', { table: null, paused: true }), { id: 'console-pause-all' }),
        button('Resume every table', () => c.send('pause', { table: null, paused: false }), { id: 'console-resume-all' }),
        button(
          'Debrief',
          () => {
            page = 'debrief';
            // Every table in full, for the words and deeds (the orders each seat gave).
            for (const t of c.view?.tables ?? []) c.send('inspect', { table: t.no });
            render();
          },
          { class: 'primary', id: 'console-debrief' },
        ),
      ),
      h(
        'p',
        { class: 'console-code' },
        'Class code ',
        h('strong', { class: 'class-code', id: 'console-code' }, w.code),
        ' — students open this address, then Play with others → Join a class, with this code. The teacher key stays in this browser only: do not give anyone this computer’s session.',
      ),
      status,
      h('p', { class: 'console-games', 'data-games-note': '', role: 'status' }),
      h(
        'div',
        { class: 'class-columns' },
        h('section', { class: 'class-card', 'aria-label': 'Students' }, h('h2', null, 'Students'), students, startRow),
        h('section', { class: 'class-card', 'aria-label': 'Inject' }, h('h2', null, 'Inject news'), h('label', null, 'To', target), h('label', null, 'The news, in your own words (text only)', text), h('label', null, 'Or a scenario event', event), send),
        timerCard(c, status),
      ),
      tables,
    );
    shell = { students, tables, status, startRow, timerNow };
    showGames(false);
  }

  function renderStudents(c: ClassClient, box: HTMLElement): void {
    const v = c.view!;
    const w = c.welcome!;
    clear(box);
    if (!v.students.length) {
      append(box, h('p', { class: 'class-waiting' }, 'No student has joined yet.'));
      return;
    }
    const list = h('ul', { class: 'class-list', id: 'console-student-list' });
    for (const s of v.students) {
      const select = h('select', { 'aria-label': `Seat of ${s.name}`, 'data-student': s.name });
      for (let n = 1; n <= w.tables; n++) {
        for (const r of w.seats) append(select, h('option', { value: `${n}|${r}` }, `Table ${n}, ${roleName(r, scenario)}`));
      }
      select.value = `${s.table}|${s.role}`;
      select.disabled = v.status === 'playing';
      select.addEventListener('change', () => {
        const [table, role] = select.value.split('|');
        c.send('seat', { token: s.token, table: Number(table), role });
        select.blur();
      });
      append(list, h('li', null, h('span', null, `${s.name}${s.connected ? '' : ' (away)'}`), select));
    }
    append(box, v.status === 'gathering' ? seatingPlan(c) : null, list);
  }

  /**
   * The seating plan while the class gathers: every seat of every table with the names at it;
   * drag a name onto a seat to move that student there. The list below does the same from the
   * keyboard (the seat of each student, one list each).
   */
  function seatingPlan(c: ClassClient): HTMLElement {
    const v = c.view!;
    const w = c.welcome!;
    const plan = h('div', { class: 'seating-plan', id: 'seating-plan' });
    for (let n = 1; n <= w.tables; n++) {
      const row = h('div', { class: 'seating-table' }, h('h3', null, `Table ${n}`));
      for (const r of w.seats) {
        const here = v.students.filter((x) => x.table === n && x.role === r);
        const zone = h(
          'div',
          { class: 'seat-drop', role: 'group', 'aria-label': `Table ${n}, ${roleName(r, scenario)}`, 'data-seat': `${n}|${r}` },
          h('span', { class: 'seat-drop-name' }, roleName(r, scenario)),
          ...here.map((x) => {
            const chip = h('span', { class: 'seat-chip', 'data-token': x.token, 'data-chip': x.name, title: `Drag ${x.name} onto another seat` }, x.name);
            chip.draggable = true;
            chip.addEventListener('dragstart', (e) => {
              e.dataTransfer?.setData('text/plain', x.token);
              if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
              chip.classList.add('dragging');
            });
            chip.addEventListener('dragend', () => chip.classList.remove('dragging'));
            return chip;
          }),
          here.length ? null : h('span', { class: 'seat-empty' }, 'the computer'),
        );
        zone.addEventListener('dragover', (e) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
          zone.classList.add('over');
        });
        zone.addEventListener('dragleave', () => zone.classList.remove('over'));
        zone.addEventListener('drop', (e) => {
          e.preventDefault();
          zone.classList.remove('over');
          const token = e.dataTransfer?.getData('text/plain');
          const who = v.students.find((x) => x.token === token);
          if (!who || (who.table === n && who.role === r)) return;
          c.send('seat', { token: who.token, table: n, role: r });
        });
        append(row, zone);
      }
      append(plan, row);
    }
    return h(
      'div',
      null,
      h('p', { class: 'small muted' }, 'Drag a name onto a seat, or choose each student’s seat in the list below.'),
      plan,
    );
  }

  function figuresLine(t: ConsoleTable): HTMLElement {
    const f = t.figures[t.figures.length - 1];
    if (!f) return h('p', null, '');
    return h(
      'dl',
      { class: 'console-figures' },
      ...KEY_PLACES.flatMap((p) => [h('dt', null, PLACE_NAMES[p]), h('dd', { 'data-place': p }, HOLDER_NAMES[f.holders[p] ?? ''] ?? '')]),
      h('dt', null, 'Civilian deaths'),
      h('dd', { 'data-figure': 'civilians' }, formatNumber(f.civilianDeaths)),
      h('dt', null, 'Escalation'),
      h('dd', { 'data-figure': 'escalation' }, `${formatNumber(f.escalation)}/100`),
      h('dt', null, 'Talks'),
      h('dd', { 'data-figure': 'talks' }, TALKS[f.talks] ?? f.talks),
      h('dt', null, 'Oil'),
      h('dd', { 'data-figure': 'oil' }, `${formatNumber(f.oil)}k bbl/d`),
    );
  }

  function renderTables(c: ClassClient, box: HTMLElement): void {
    clear(box);
    for (const t of c.view!.tables) {
      const f = t.figures[t.figures.length - 1];
      const state =
        t.status === 'lobby'
          ? 'waiting for the start'
          : t.status === 'ended'
            ? `ended: ${t.ending?.kind.replace('-', ' ') ?? ''}`
            : t.paused
              ? 'paused'
              : t.waitingFor.length
                ? `waiting for ${t.waitingFor.map((r) => roleName(r, scenario)).join(', ')}`
                : 'waiting for the turn to be played';
      const seats = h('ul', { class: 'class-list' });
      for (const s of t.seats) {
        const names = s.names.length ? s.names.join(', ') : 'the computer';
        append(
          seats,
          h(
            'li',
            null,
            h('span', null, `${roleName(s.role, scenario)}: ${names}${s.names.length && !s.connected ? ' (away)' : ''}${s.ended ? ' ✓ ended' : ''}`),
            t.status === 'playing' && !s.ended && s.names.length
              ? button('End its turn', () => c.send('endSeat', { table: t.no, role: s.role }), { class: 'small', 'data-end-seat': `${t.no}:${s.role}` })
              : null,
          ),
        );
      }
      const messages = h('ul', { class: 'class-messages console-messages' });
      for (const m of t.messages.slice(-6)) {
        const to = m.to ? roleName(m.to, scenario) : 'all';
        append(messages, h('li', null, h('span', { class: 'who' }, `T${m.turn} ${m.fromName}${m.from ? ` (${roleName(m.from, scenario)})` : ''} → ${to}: `), m.text));
      }
      append(
        box,
        h(
          'section',
          { class: `class-card console-table${t.paused ? ' paused' : ''}`, id: `console-table-${t.no}`, 'aria-label': `Table ${t.no}` },
          h('h2', null, `Table ${t.no} `, h('span', { class: 'console-turn' }, `turn ${t.turn}${f ? `, ${formatDate(f.date)}` : ''}`)),
          h('p', { class: 'console-state' }, state),
          figuresLine(t),
          seats,
          t.injects.length ? h('p', { class: 'console-injects' }, `News waiting for turn ${t.injects[0]!.fireTurn}: ${t.injects.map((i) => `“${i.text.slice(0, 60)}${i.text.length > 60 ? '…' : ''}”`).join(', ')}`) : null,
          t.messages.length ? messages : h('p', { class: 'class-waiting' }, 'No messages yet.'),
          h(
            'p',
            { class: 'console-row' },
            button('Open in full', () => openTable(c, t.no), { class: 'small', 'data-open-table': String(t.no), title: `Table ${t.no}: the whole state, with no fog, and every turn report` }),
            t.status === 'playing'
              ? button(t.paused ? 'Resume' : 'Pause', () => c.send('pause', { table: t.no, paused: !t.paused }), { class: 'small', 'data-pause': String(t.no) })
              : null,
          ),
        ),
      );
    }
  }

  // ---- One table in full -----------------------------------------------------------------------

  function openTable(c: ClassClient, no: number): void {
    page = 'table';
    opened = no;
    shownInspect = null;
    c.inspect = null;
    shell = null;
    c.send('inspect', { table: no });
    render();
  }

  function leaveFull(): void {
    cleanupFull?.();
    cleanupFull = null;
    const no = opened;
    page = 'console';
    opened = null;
    shownInspect = null;
    clear(screen);
    render();
    // The keyboard comes back to the button that opened the table.
    screen.querySelector<HTMLElement>(`[data-open-table="${no}"]`)?.focus();
  }

  function renderFull(c: ClassClient): void {
    const inspect = c.inspect;
    if (shownInspect && inspect === shownInspect) return;
    if (!shownInspect && screen.querySelector('#full-table') && !inspect) return;
    cleanupFull?.();
    cleanupFull = null;
    const refreshing = document.activeElement?.id === 'full-refresh';
    clear(screen);
    const no = opened ?? 0;
    const v = c.view!;
    const t = v.tables.find((x) => x.no === no);
    const status = h('p', { class: 'class-status', role: 'status', id: 'full-status' });
    const body = h('div', { class: 'full-body', id: 'full-table' });
    const f = t?.figures[t.figures.length - 1];
    append(
      screen,
      h('div',
        { class: 'class-bar' },
        button('← The console', () => leaveFull(), { class: 'ghost small', id: 'full-back' }),
        h('h1', null, `Table ${no} in full`),
        button('Show it as it is now', () => openTable(c, no), { id: 'full-refresh' }),
      ),
      h(
        'p',
        null,
        `Everything at table ${no}${f ? `, turn ${t!.turn} (${formatDate(f.date)})` : ''}, with no fog: what every seat knows and what none of them sees. Only your console receives it; it was rebuilt here by playing the table’s orders again from its seed, and checked against the table’s own record turn by turn.`,
      ),
      status,
      body,
    );
    screen.querySelector<HTMLElement>(refreshing ? '#full-refresh' : '#full-back')?.focus({ preventScroll: true });
    if (!inspect || inspect.no !== no) {
      status.textContent = 'Fetching the table…';
      return;
    }
    shownInspect = inspect;
    const sc = scenario;
    if (!sc) {
      status.textContent = 'Loading the scenario…';
      shownInspect = null;
      return;
    }
    try {
      const full = applyWhatIfs(sc, inspect.whatIfs);
      const rebuilt = rebuildTable(full, inspect);
      const seatName = (role: string) => {
        const names = t?.seats.find((x) => x.role === role)?.names ?? [];
        return `${roleName(role, full)} (${names.length ? names.join(', ') : 'the computer'})`;
      };
      cleanupFull = renderTableInFull(body, full, inspect, rebuilt, t?.messages ?? [], record, seatName);
      status.textContent = `Turn ${inspect.turns.length + 1}: ${inspect.turns.length} turn${inspect.turns.length === 1 ? '' : 's'} played, every one checked against the table’s record.`;
    } catch (e) {
      status.className = 'class-status bad';
      status.textContent = `This table could not be rebuilt: ${(e as Error).message}.`;
    }
  }

  // ---- The computer games of the debrief (the explorer's workers) ------------------------------

  function startGames(c: ClassClient, runs: number): void {
    stopGames();
    const w = c.welcome!;
    const config = distributionConfig(w, runs);
    const ranges = splitRuns(runs, WORKERS);
    const run: ComputerGames = { config, workers: [], played: ranges.map(() => 0), parts: [], ranges: ranges.length, started: performance.now(), ms: 0, result: null, error: null };
    games = run;
    const failed = (message: string) => {
      if (games !== run) return;
      run.error = message;
      stopGames();
      showGames(true);
    };
    ranges.forEach((range, i) => {
      const worker = new Worker(new URL('./explore.worker.ts', import.meta.url), { type: 'module' });
      run.workers.push(worker);
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        if (games !== run) return;
        const m = e.data;
        if (m.type === 'error') return failed(m.message);
        run.played[i] = m.type === 'progress' ? m.played : m.part.played;
        if (m.type === 'done') {
          run.parts.push(m.part);
          worker.terminate();
          if (run.parts.length === run.ranges) {
            run.result = distributionOf(config, run.parts);
            run.ms = performance.now() - run.started;
            run.workers = [];
            showGames(true);
            return;
          }
        }
        showGames(false);
      };
      worker.onerror = (e) => failed(`The computer games stopped: ${e.message || 'a worker failed'}.`);
      worker.postMessage({ type: 'run', scenarioId: w.scenario, config, range } satisfies ToWorker);
    });
    showGames(true);
  }

  /** Progress wherever it shows (the console's bar, the debrief); the debrief redrawn when done. */
  function showGames(changed: boolean): void {
    const g = games;
    const played = g ? g.played.reduce((a, b) => a + b, 0) : 0;
    const total = g?.config.runs ?? 0;
    for (const note of screen.querySelectorAll<HTMLElement>('[data-games-note]')) {
      note.textContent = !g ? '' : g.error ? g.error : g.result ? `The ${formatNumber(total)} computer games are ready for the debrief.` : `Computer games for the debrief: ${formatNumber(played)} of ${formatNumber(total)}…`;
    }
    const bar = screen.querySelector<HTMLProgressElement>('#debrief-games-progress');
    if (bar) {
      bar.max = Math.max(1, total);
      bar.value = played;
    }
    const text = screen.querySelector('#debrief-games-text');
    if (text && g && !g.result) text.textContent = `${formatNumber(played)} of ${formatNumber(total)} games · ${((performance.now() - g.started) / 1000).toFixed(1)} s. They go on in the background if you go back to the console.`;
    if (changed && page === 'debrief' && cls?.view) renderDebrief(cls.view);
  }

  function endingName(key: string): string {
    const [kind, winner] = key.split(':');
    const name = ENDING_NAMES[kind as EndingKind] ?? kind ?? key;
    return winner ? `${name} (${HOLDER_NAMES[winner] ?? winner})` : name;
  }

  /** The debrief's section on the computer games: start them, their progress, or how they ended. */
  function gamesSection(c: ClassClient): HTMLElement {
    const w = c.welcome!;
    const g = games;
    const section = h('section', { class: 'class-card debrief-games', id: 'debrief-games', 'aria-label': 'Against the computer games' }, h('h2', null, 'Against the computer games'));
    const who = `every seat played by the computer (${w.difficulty ?? 'normal'}), the same scenario${w.whatIfs?.length ? ' and what-ifs' : ''} as your tables`;
    if (!g || g.error) {
      const count = h(
        'select',
        { id: 'debrief-games-count', 'aria-label': 'How many computer games', 'data-focus-key': 'games-count' },
        ...DISTRIBUTION_RUN_CHOICES.map((n) => h('option', { value: String(n) }, `${formatNumber(n)} games`)),
      );
      count.value = String(gamesCount);
      count.addEventListener('change', () => {
        gamesCount = Number(count.value);
      });
      append(
        section,
        h('p', null, `The same war played many times with ${who}, as in the outcome explorer: then each table is set among them — how often the computer’s wars ended as the table’s did, and whether its figures were high or low for the date.`),
        g?.error ? h('p', { class: 'class-status bad' }, g.error) : null,
        h('p', { class: 'console-row' }, count, button('Play the computer games', () => startGames(c, Number(count.value)), { class: 'primary', id: 'debrief-games-run', 'data-focus-key': 'games-run' })),
      );
      return section;
    }
    if (!g.result) {
      const bar = h('progress', { id: 'debrief-games-progress', 'aria-label': 'Computer games played' });
      append(
        section,
        h('p', null, `${formatNumber(g.config.runs)} games with ${who}, in this browser (${g.ranges} worker${g.ranges > 1 ? 's' : ''}).`),
        h('div', { class: 'debrief-progress' }, bar, h('span', { id: 'debrief-games-text', role: 'status' }, '')),
        button(
          'Cancel',
          () => {
            stopGames();
            games = null;
            if (cls?.view) renderDebrief(cls.view);
          },
          { class: 'small', id: 'debrief-games-cancel', 'data-focus-key': 'games-cancel' },
        ),
      );
      queueMicrotask(() => showGames(false));
      return section;
    }
    const d = g.result;
    section.dataset.runs = String(d.runs);
    section.dataset.endings = JSON.stringify(d.endings);
    append(
      section,
      h('p', null, `${formatNumber(d.runs)} games with ${who}: seeds ${d.seed}-1 … ${d.seed}-${d.runs}, played here in ${(g.ms / 1000).toFixed(1)} s. The same settings give the same games in the outcome explorer and the headless runner.`),
      h(
        'ul',
        { class: 'debrief-endings', id: 'debrief-endings' },
        ...d.endings.map((e) =>
          h(
            'li',
            { 'data-ending': e.ending },
            h('span', { class: 'debrief-ending-name' }, endingName(e.ending)),
            h('span', { class: 'debrief-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.max(0, Math.min(100, e.share))}%` })),
            h('span', { class: 'debrief-share' }, `${e.share.toFixed(1)}%`),
          ),
        ),
      ),
      button('Play them again', () => {
        games = null;
        if (cls?.view) renderDebrief(cls.view);
      }, { class: 'ghost small', id: 'debrief-games-again', 'data-focus-key': 'games-again' }),
    );
    return section;
  }

  /** Words and deeds: each message a seat sent, beside the orders that seat gave that turn and the next. */
  function wordsSection(c: ClassClient, v: ClassView): HTMLElement {
    const section = h(
      'section',
      { class: 'class-card debrief-words', id: 'debrief-words', 'aria-label': 'Words and deeds' },
      h('h2', null, 'Words and deeds'),
      h(
        'p',
        null,
        'Every message a seat sent, beside the orders the same seat gave in that turn (played at its end) and in the next. Whether a promise was kept is for the class to read: the game does not judge it.',
      ),
    );
    const sc = scenario ? applyWhatIfs(scenario, c.welcome?.whatIfs ?? []) : null;
    const deeds = (list: Order[] | null) => (list === null ? 'not played yet' : sc ? ordersPhrase(list, sc) : `${list.length} orders`);
    for (const t of v.tables) {
      const inspect = c.inspects.get(t.no);
      const box = h('div', { class: 'debrief-words-table', 'data-table': String(t.no) }, h('h3', null, `Table ${t.no}`));
      if (!inspect) append(box, h('p', { class: 'class-waiting' }, 'Fetching its orders…'));
      else {
        const list = wordsAndDeeds(t, inspect);
        if (!list.length) append(box, h('p', { class: 'muted' }, 'No seat sent a message.'));
        else
          append(
            box,
            h(
              'ol',
              { class: 'debrief-timeline' },
              ...list.map((x) => {
                const m = x.message;
                return h(
                  'li',
                  { 'data-message': String(m.id) },
                  h('p', { class: 'debrief-said' }, h('span', { class: 'who' }, `Turn ${m.turn} · ${m.fromName} (${roleName(m.from!, sc)}) → ${m.to ? roleName(m.to, sc) : 'everyone'}: `), `“${m.text}”`),
                  h(
                    'dl',
                    { class: 'debrief-deeds' },
                    h('dt', null, `Orders in turn ${m.turn}`),
                    h('dd', { 'data-deeds': 'same' }, deeds(x.sameTurn)),
                    h('dt', null, `Orders in turn ${m.turn + 1}`),
                    h('dd', { 'data-deeds': 'next' }, deeds(x.nextTurn)),
                  ),
                );
              }),
            ),
          );
      }
      append(section, box);
    }
    return section;
  }

  // ---- The debrief ------------------------------------------------------------------------------

  /** The debrief, redrawn as the tables change: the focus and the scroll stay where they were. */
  function renderDebrief(v: ClassView): void {
    const top = screen.scrollTop;
    keepFocus(screen, () => drawDebrief(v));
    screen.scrollTop = top;
  }

  function drawDebrief(v: ClassView): void {
    shell = null;
    clear(screen);
    const back = button(
      '← The console',
      () => {
        page = 'console';
        clear(screen);
        render();
      },
      { class: 'ghost small', id: 'debrief-back', 'data-focus-key': 'debrief-back' },
    );
    const csv = button('Download the CSV', () => downloadText(`class-${v.code}.csv`, classCsv(v, record, games?.result ?? null), 'text/csv'), { id: 'debrief-csv', 'data-focus-key': 'debrief-csv' });
    const print = button('Print', () => window.print(), { id: 'debrief-print', 'data-focus-key': 'debrief-print' });
    const last = v.tables.map((t) => t.figures[t.figures.length - 1]!).filter(Boolean);
    const date = last.map((f) => f.date).sort().at(-1) ?? '';
    const happened = scenario?.history.filter((e) => e.date <= date).at(-1);
    const head = h('tr', null, h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Figure')), h('th', { scope: 'col' }, 'History'), ...v.tables.map((t) => h('th', { scope: 'col' }, `Table ${t.no}`)));
    const rowOf = (label: string, history: string, cells: (t: ConsoleTable) => string) =>
      h('tr', null, h('th', { scope: 'row' }, label), h('td', { class: 'history' }, history), ...v.tables.map((t) => h('td', null, cells(t))));
    const fig = (t: ConsoleTable) => t.figures[t.figures.length - 1];
    const roles = [...new Set(v.tables.flatMap((t) => Object.keys(t.ending?.scores ?? {})))];
    const d = games?.result ?? null;
    const placedRows = (row: typeof rowOf): HTMLElement[] => {
      if (!d) return [];
      const of = `of ${formatNumber(d.runs)} computer games ended so`;
      return [
        row(`Ending among the computer games`, '', (t) => {
          const p = placeTable(d, t);
          return p.ending ? `${endingName(p.ending.key)}: ${p.ending.share.toFixed(1)}% ${of}` : 'not ended yet';
        }),
        ...PLACED_FIGURES.map((f) =>
          row(`${f.label} against the computer games`, '', (t) => {
            const x = placeTable(d, t).figures.find((y) => y.id === f.id);
            return x ? `${ordinal(x.percentile)} percentile on the same date (the computer games’ median: ${formatNumber(x.median)})` : '';
          }),
        ),
      ];
    };
    const body = h(
      'tbody',
      null,
      rowOf('Turn reached', date ? formatDate(date) : '', (t) => `${t.turn}${fig(t) ? `, ${formatDate(fig(t)!.date)}` : ''}`),
      rowOf('Ending', 'a ceasefire (23 October 2020)', (t) => (t.ending ? `${t.ending.kind.replace('-', ' ')}${t.ending.winner ? ` (${HOLDER_NAMES[t.ending.winner]})` : ''}` : t.status === 'ended' ? 'ended' : 'still playing')),
      ...KEY_PLACES.map((p) => rowOf(`${PLACE_NAMES[p]} held by`, HOLDER_NAMES[historyHolder(record, p, date)] ?? '', (t) => HOLDER_NAMES[fig(t)?.holders[p] ?? ''] ?? '')),
      rowOf('Civilian deaths', '', (t) => formatNumber(fig(t)?.civilianDeaths ?? 0)),
      rowOf('Escalation', '', (t) => `${formatNumber(fig(t)?.escalation ?? 0)}/100`),
      rowOf('Talks', '', (t) => TALKS[fig(t)?.talks ?? ''] ?? ''),
      rowOf('Oil output (k bbl/d)', '', (t) => formatNumber(fig(t)?.oil ?? 0)),
      ...roles.map((r) => rowOf(`Score: ${roleName(r, scenario)}`, '', (t) => (t.ending?.scores[r] !== undefined ? String(t.ending.scores[r]) : '—'))),
      rowOf('Left history', '', (t) => {
        const d = departures(t, record);
        return d.length ? d.map((x) => `turn ${x.turn}: ${PLACE_NAMES[x.place]} held by ${HOLDER_NAMES[x.held]} (history: ${HOLDER_NAMES[x.history]})`).join('; ') : 'not on the key places';
      }),
      ...placedRows(rowOf),
      rowOf('Teacher’s news', '', (t) => String(t.messages.filter((m) => m.from === null && m.fromName.startsWith('News')).length)),
      rowOf('Messages between seats', '', (t) => String(t.messages.filter((m) => m.from !== null).length)),
    );
    append(
      screen,
      h('div', { class: 'class-bar' }, back, h('h1', null, `Debrief: ${v.title}`), print, csv),
      h('p', null, 'Every table beside what really happened on the same date (the record of the war: who held the key places). The endings and scores appear as the tables end.'),
      happened ? h('p', { class: 'console-history' }, h('strong', null, `In history, by ${formatDate(happened.date)}: `), happened.text) : null,
      h('div', { class: 'console-debrief-wrap', tabIndex: 0, role: 'region', 'aria-label': 'Every table beside history (scrolls sideways)' }, h('table', { class: 'console-debrief', id: 'debrief-table' }, h('thead', null, head), body)),
      cls ? gamesSection(cls) : null,
      cls ? wordsSection(cls, v) : null,
    );
  }

  renderStart();
  return { close };
}
