// "Teach a class": the teacher creates a class (scenario, tables, seats for people, seeds,
// timer) and gets a class code for the students; the teacher key stays in this browser. The
// console shows every table live — its turn, who it waits for, the headline figures, the
// messages — and lets the teacher seat students, start, pause or resume tables, end a turn for
// an absent seat and send an inject (news of her own, or one of the scenario's events) to one
// table or all. The debrief sets the tables side by side against history, with a CSV export.
// Loaded only when asked for (a chunk of its own, with colyseus.js).

import { loadBundledScenario } from '../content/index.ts';
import { type ScenarioEntry, scenarioById } from '../game/content.ts';
import { historyRecord } from '../game/left-history.ts';
import { randomSeed } from '../game/seed.ts';
import { contentText, scenarioTextName, shownScenario } from '../i18n/content.ts';
import { actorName, fmtDate, fmtNumber, placeName, t as tr } from '../i18n/index.ts';
import { ClassClient, forgetTeacherClass, savedTeacherClass } from '../net/class-client.ts';
import { classCsv, departures, historyHolder, KEY_PLACES, type KeyPlace, wordsAndDeeds } from '../net/debrief.ts';
import { DISTRIBUTION_DEFAULT_RUNS, DISTRIBUTION_RUN_CHOICES, type Distribution, distributionConfig, distributionOf, PLACED_FIGURES, type PlacedId, placeTable } from '../net/distribution.ts';
import { rebuildTable } from '../net/inspect.ts';
import type { ClassView, ConsoleTable, TableInspect } from '../net/protocol.ts';
import { type ExploreConfig, type ExplorePart, splitRuns } from '../sim/explore.ts';
import type { HistoryRecord } from '../sim/record.ts';
import type { Difficulty, Order, Scenario } from '../sim/types.ts';
import { applyWhatIfs } from '../sim/whatif.ts';
import { DIFFICULTY_KEYS, difficultyName, nameList, ordersLine, problemOf, refusalText, roleName, senderName } from './class-words.ts';
import { renderTableInFull } from './console-table.ts';
import { append, button, clear, h, keepFocus, layer, untranslated } from './dom.ts';
import { downloadText } from './download.ts';
import { errorText } from './error-text.ts';
import type { FromWorker, ToWorker } from './explore.worker.ts';
import './classroom.css';
import './console.css';
import { endingName as kindName, talksName as stageName } from './end-words.ts';

/** Workers for the computer games, as the explorer runs them: one per core but one, at least one. */
const WORKERS = Math.max(1, Math.min(8, (typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2) - 1));

/** A share in percent with one decimal, in the current language. */
const pct = (share: number) => fmtNumber(share / 100, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** Seconds with one decimal. */
const secs = (ms: number) => fmtNumber(ms / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

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

/** A key place in the player's language. */
const PLACE_FALLBACK: Record<KeyPlace, string> = { tripoli: 'Tripoli', sirte: 'Sirte', 'al-jufra': 'al-Jufra' };
const placeOf = (p: KeyPlace) => placeName(p, PLACE_FALLBACK[p]).replace(/\s*\(.*\)$/, '');
/** Who holds a place: a side, local forces, or no one known (—). */
function holderName(holder: string | null | undefined): string {
  if (holder === 'gna' || holder === 'lna') return actorName(holder);
  if (holder === 'local') return tr('console.holder.local');
  return holder ? holder : '—';
}
const talksName = (stage: string | undefined) => (stage ? stageName(stage) : '');
/** An ending's kind, with its winner when there is one: "Military victory (LNA)". */
function endingName(kind: string, winner?: string | null): string {
  const name = kindName(kind);
  return winner ? tr('console.endingWinner', { ending: name, winner: holderName(winner) }) : name;
}
/** The figures set among the computer games (src/net/distribution.ts keeps English labels for the CSV), by id. */
const PLACED_KEYS: Record<PlacedId, string> = { casualties: 'console.placed.casualties', escalation: 'console.placed.escalation', oilOutput: 'console.placed.oilOutput' };
/** A table's number as a heading says it. */
const tableN = (n: number) => tr('console.tableN', { n });

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

  const bar = (title: string | Node, ...extra: (Node | null)[]) =>
    h('div',
      { class: 'class-bar' },
      button(
        tr('console.back'),
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

  function renderStart(problem?: { text: string; english: boolean }): void {
    clear(screen);
    const status = untranslated(h('p', { class: `class-status${problem ? ' bad' : ''}`, role: 'status', id: 'console-status' }, problem?.text ?? ''), problem?.english === true);
    const name = h('input', { type: 'text', id: 'console-name', 'aria-label': tr('classroom.yourName') });
    name.maxLength = 40;
    const list = options.scenarios.filter((s) => !s.tutorial);
    // The scenarios' titles are scenario text (English for now).
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
    const difficulty = h('select', { id: 'console-difficulty' }, ...(Object.keys(DIFFICULTY_KEYS) as (keyof typeof DIFFICULTY_KEYS)[]).map((d) => h('option', { value: d }, difficultyName(d))));
    difficulty.value = 'normal';
    const timer = h(
      'select',
      { id: 'console-timer' },
      h('option', { value: '0' }, tr('console.timer.none')),
      ...[2, 5, 10].map((m) => h('option', { value: String(m * 60) }, tr('classroom.timer.minutes', { m }))),
    );
    const say = (text: string, bad = false) => {
      status.className = `class-status${bad ? ' bad' : ''}`;
      status.removeAttribute('lang');
      status.removeAttribute('dir');
      status.textContent = text;
    };
    const bad = (text: string, focus?: HTMLElement) => {
      say(text, true);
      focus?.focus();
    };
    const create = button(
      tr('console.create'),
      () => {
        const n = name.value.trim();
        if (!n) return bad(tr('console.needName'), name);
        const seats = [...seatsBox.querySelectorAll<HTMLInputElement>('input[data-seat]')].filter((b) => b.checked).map((b) => b.value);
        if (!seats.length) return bad(tr('classroom.needSeat'));
        const count = Number(tables.value);
        if (!Number.isInteger(count) || count < 1 || count > 20) return bad(tr('console.badTables', { min: 1, max: 20 }), tables);
        say(tr('console.creating'));
        connect(() =>
          ClassClient.create({
            name: n,
            scenario: scenarioSelect.value,
            tables: count,
            seats,
            sameSeed: sameSeed.checked,
            seed: seed.value.trim() || randomSeed(),
            difficulty: difficulty.value as Difficulty,
            timerSeconds: Number(timer.value),
          }),
        );
      },
      { class: 'primary', id: 'console-create' },
    );
    const saved = savedTeacherClass();
    append(
      screen,
      bar(tr('console.title')),
      h('p', null, tr('console.intro')),
      status,
      h(
        'div',
        { class: 'class-columns' },
        h(
          'section',
          { class: 'class-card', 'aria-label': tr('console.createClass') },
          h('h2', null, tr('console.createClass')),
          h('label', null, tr('classroom.yourName'), ' ', name),
          h('label', null, tr('classroom.scenario'), scenarioSelect),
          h('label', null, tr('console.tables'), tables),
          h('div', null, h('div', null, tr('console.seatsForStudents')), seatsBox),
          h('label', { class: 'check' }, sameSeed, tr('console.sameSeed')),
          h('label', null, tr('console.seed'), seed),
          h('label', null, tr('classroom.difficulty'), difficulty),
          h('label', null, tr('classroom.timer'), timer),
          create,
        ),
        saved
          ? h(
              'section',
              { class: 'class-card', 'aria-label': tr('console.yourClass') },
              h('h2', null, tr('console.yourClass')),
              h('p', null, tr('console.keyHeld'), ' ', h('strong', { class: 'class-code' }, saved.code), tr('console.keyHeldEnd')),
              button(
                tr('console.openConsole'),
                () => {
                  say(tr('console.opening'));
                  connect(() => ClassClient.teacher(saved.code, saved.key));
                },
                { class: 'primary', id: 'console-open' },
              ),
              button(
                tr('console.forget'),
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
      (e) => renderStart(problemOf(e)),
    );
  }

  // ---- The console ------------------------------------------------------------------------------

  let shell: { students: HTMLElement; tables: HTMLElement; status: HTMLElement; startRow: HTMLElement; timerNow: HTMLElement } | null = null;
  const timerNow = h('p', { class: 'console-timer-now', id: 'console-timer-now' });
  const timerText = (seconds: number) => (seconds ? tr('classroom.timer.minutes', { m: seconds / 60 }) : tr('console.timer.noneLower'));

  /** The turn timer of every table, changed while they play (from the turn in play on). */
  function timerCard(c: ClassClient, status: HTMLElement): HTMLElement {
    const select = h(
      'select',
      { id: 'console-timer-change' },
      h('option', { value: '0' }, tr('console.timer.off')),
      ...[1, 2, 3, 5, 10, 15].map((m) => h('option', { value: String(m * 60) }, tr('classroom.timer.minutes', { m }))),
    );
    select.value = String(c.view?.timerSeconds ?? 0);
    return h(
      'section',
      { class: 'class-card', 'aria-label': tr('classroom.timer') },
      h('h2', null, tr('classroom.timer')),
      timerNow,
      h('label', null, tr('console.timer.every'), select),
      button(
        tr('console.timer.change'),
        () => {
          c.send('timer', { seconds: Number(select.value) });
          status.className = 'class-status';
          status.textContent = tr('console.timer.changed', { timer: timerText(Number(select.value)) });
        },
        { id: 'console-timer-send' },
      ),
      h('p', { class: 'small muted' }, tr('console.timer.note')),
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
      // The server's refusal: its own words (English, marked), or the core's code told.
      s.status.className = 'class-status bad';
      s.status.replaceChildren(refusalText(c.lastRejection));
      c.lastRejection = null;
    }
    s.startRow.style.display = c.view.status === 'gathering' ? '' : 'none';
    s.timerNow.textContent = tr('console.timer.now', { timer: timerText(c.view.timerSeconds) });
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
      button(tr('console.balance'), () => c.send('balance', {}), { id: 'console-balance' }),
      button(tr('console.startAll'), () => c.send('start', {}), { class: 'primary', id: 'console-start' }),
    );
    // The inject: news of the teacher's own words, or one of the scenario's events.
    const target = h('select', { id: 'inject-target' }, h('option', { value: '' }, tr('console.everyTable')));
    for (let n = 1; n <= w.tables; n++) append(target, h('option', { value: String(n) }, tableN(n)));
    const text = h('textarea', { id: 'inject-text', 'aria-label': tr('console.inject.textAria') });
    text.rows = 2;
    text.maxLength = 500;
    // The events' titles are scenario text (English for now).
    const event = h('select', { id: 'inject-event' }, h('option', { value: '' }, tr('console.inject.orEvent')), ...(w.events ?? []).map((e) => h('option', { value: e.id }, contentText(scenarioTextName(w.scenario), `events.${e.id}.title`, e.title))));
    const send = button(
      tr('console.inject.send'),
      () => {
        const table = target.value ? Number(target.value) : null;
        if (event.value) c.send('inject', { table, event: event.value });
        else if (text.value.trim()) c.send('inject', { table, text: text.value.trim() });
        else {
          status.className = 'class-status bad';
          status.removeAttribute('lang');
          status.removeAttribute('dir');
          status.textContent = tr('console.inject.empty');
          return;
        }
        status.className = 'class-status';
        status.removeAttribute('lang');
        status.removeAttribute('dir');
        status.textContent = table ? tr('console.inject.sentTable', { n: table }) : tr('console.inject.sentAll');
        text.value = '';
        event.value = '';
      },
      { class: 'primary', id: 'inject-send' },
    );
    append(
      screen,
      bar(
        h('span', null, tr('console.titleOf'), ' ', h('span', null, scenarioById(w.scenario)?.title ?? w.title)),
        button(tr('console.pauseAll'), () => c.send('pause', { table: null, paused: true }), { id: 'console-pause-all' }),
        button(tr('console.resumeAll'), () => c.send('pause', { table: null, paused: false }), { id: 'console-resume-all' }),
        button(
          tr('console.debrief'),
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
        tr('classroom.classCode'),
        ' ',
        h('strong', { class: 'class-code', id: 'console-code' }, w.code),
        ' — ',
        tr('console.codeNote', { play: tr('menu.classroom'), join: tr('classroom.joinAClass') }),
      ),
      status,
      h('p', { class: 'console-games', 'data-games-note': '', role: 'status' }),
      h(
        'div',
        { class: 'class-columns' },
        h('section', { class: 'class-card', 'aria-label': tr('console.students') }, h('h2', null, tr('console.students')), students, startRow),
        h('section', { class: 'class-card', 'aria-label': tr('console.inject') }, h('h2', null, tr('console.inject')), h('label', null, tr('classroom.to'), target), h('label', null, tr('console.inject.text'), text), h('label', null, tr('console.inject.event'), event), send),
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
      append(box, h('p', { class: 'class-waiting' }, tr('console.noStudents')));
      return;
    }
    const list = h('ul', { class: 'class-list', id: 'console-student-list' });
    for (const s of v.students) {
      const select = h('select', { 'aria-label': tr('classroom.seatFor', { name: s.name }), 'data-student': s.name });
      for (let n = 1; n <= w.tables; n++) {
        for (const r of w.seats) append(select, h('option', { value: `${n}|${r}` }, tr('console.tableSeat', { n, seat: roleName(r, scenario) })));
      }
      select.value = `${s.table}|${s.role}`;
      select.disabled = v.status === 'playing';
      select.addEventListener('change', () => {
        const [table, role] = select.value.split('|');
        c.send('seat', { token: s.token, table: Number(table), role });
        select.blur();
      });
      append(list, h('li', null, h('span', null, s.connected ? s.name : tr('classroom.away', { name: s.name })), select));
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
      const row = h('div', { class: 'seating-table' }, h('h3', null, tableN(n)));
      for (const r of w.seats) {
        const here = v.students.filter((x) => x.table === n && x.role === r);
        const zone = h(
          'div',
          { class: 'seat-drop', role: 'group', 'aria-label': tr('console.tableSeat', { n, seat: roleName(r, scenario) }), 'data-seat': `${n}|${r}` },
          h('span', { class: 'seat-drop-name' }, roleName(r, scenario)),
          ...here.map((x) => {
            const chip = h('span', { class: 'seat-chip', 'data-token': x.token, 'data-chip': x.name, title: tr('console.drag', { name: x.name }) }, x.name);
            chip.draggable = true;
            chip.addEventListener('dragstart', (e) => {
              e.dataTransfer?.setData('text/plain', x.token);
              if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
              chip.classList.add('dragging');
            });
            chip.addEventListener('dragend', () => chip.classList.remove('dragging'));
            return chip;
          }),
          here.length ? null : h('span', { class: 'seat-empty' }, tr('classroom.computer')),
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
      h('p', { class: 'small muted' }, tr('console.dragNote')),
      plan,
    );
  }

  function figuresLine(t: ConsoleTable): HTMLElement {
    const f = t.figures[t.figures.length - 1];
    if (!f) return h('p', null, '');
    return h(
      'dl',
      { class: 'console-figures' },
      ...KEY_PLACES.flatMap((p) => [h('dt', null, placeOf(p)), h('dd', { 'data-place': p }, holderName(f.holders[p]))]),
      h('dt', null, tr('console.fig.civilians')),
      h('dd', { 'data-figure': 'civilians' }, fmtNumber(f.civilianDeaths)),
      h('dt', null, tr('console.fig.escalation')),
      h('dd', { 'data-figure': 'escalation' }, tr('console.fig.outOf100', { n: fmtNumber(f.escalation) })),
      h('dt', null, tr('console.fig.talks')),
      h('dd', { 'data-figure': 'talks' }, talksName(f.talks)),
      h('dt', null, tr('console.fig.oil')),
      h('dd', { 'data-figure': 'oil' }, tr('console.fig.oilValue', { n: fmtNumber(f.oil) })),
    );
  }

  function renderTables(c: ClassClient, box: HTMLElement): void {
    clear(box);
    for (const t of c.view!.tables) {
      const f = t.figures[t.figures.length - 1];
      const state =
        t.status === 'lobby'
          ? tr('console.state.lobby')
          : t.status === 'ended'
            ? tr('console.state.ended', { ending: t.ending ? endingName(t.ending.kind) : '' })
            : t.paused
              ? tr('console.state.paused')
              : t.waitingFor.length
                ? tr('console.state.waitingFor', { names: nameList(t.waitingFor.map((r) => roleName(r, scenario))) })
                : tr('console.state.waitingTurn');
      const seats = h('ul', { class: 'class-list' });
      for (const s of t.seats) {
        const names = s.names.length ? nameList(s.names) : tr('classroom.computer');
        append(
          seats,
          h(
            'li',
            null,
            h('span', null, tr('console.seatLine', { seat: roleName(s.role, scenario), names, away: s.names.length && !s.connected ? 'yes' : 'no', ended: s.ended ? 'yes' : 'no' })),
            t.status === 'playing' && !s.ended && s.names.length
              ? button(tr('console.endSeat'), () => c.send('endSeat', { table: t.no, role: s.role }), { class: 'small', 'data-end-seat': `${t.no}:${s.role}` })
              : null,
          ),
        );
      }
      const messages = h('ul', { class: 'class-messages console-messages' });
      for (const m of t.messages.slice(-6)) {
        const to = m.to ? roleName(m.to, scenario) : tr('console.all');
        const from = m.from ? tr('classroom.msg.fromSeat', { name: m.fromName, seat: roleName(m.from, scenario) }) : senderName(m);
        append(messages, h('li', null, h('span', { class: 'who' }, tr('console.msgHead', { turn: m.turn, from, to })), ' ', h('bdi', null, m.text)));
      }
      append(
        box,
        h(
          'section',
          { class: `class-card console-table${t.paused ? ' paused' : ''}`, id: `console-table-${t.no}`, 'aria-label': tableN(t.no) },
          h('h2', null, tableN(t.no), ' ', h('span', { class: 'console-turn' }, f ? tr('console.turnDate', { turn: t.turn, date: fmtDate(f.date) }) : tr('console.turn', { turn: t.turn }))),
          h('p', { class: 'console-state' }, state),
          figuresLine(t),
          seats,
          t.injects.length
            ? h('p', { class: 'console-injects' }, tr('console.injectsWaiting', { turn: t.injects[0]!.fireTurn }), ' ', h('bdi', null, nameList(t.injects.map((i) => `“${i.text.slice(0, 60)}${i.text.length > 60 ? '…' : ''}”`))))
            : null,
          t.messages.length ? messages : h('p', { class: 'class-waiting' }, tr('classroom.noMessages')),
          h(
            'p',
            { class: 'console-row' },
            button(tr('console.openFull'), () => openTable(c, t.no), { class: 'small', 'data-open-table': String(t.no), title: tr('console.openFullTitle', { n: t.no }) }),
            t.status === 'playing'
              ? button(t.paused ? tr('console.resume') : tr('console.pause'), () => c.send('pause', { table: t.no, paused: !t.paused }), { class: 'small', 'data-pause': String(t.no) })
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
        button(tr('console.toConsole'), () => leaveFull(), { class: 'ghost small', id: 'full-back' }),
        h('h1', null, tr('console.full.title', { n: no })),
        button(tr('console.full.refresh'), () => openTable(c, no), { id: 'full-refresh' }),
      ),
      h('p', null, f ? tr('console.full.introAt', { n: no, turn: t!.turn, date: fmtDate(f.date) }) : tr('console.full.intro', { n: no })),
      status,
      body,
    );
    screen.querySelector<HTMLElement>(refreshing ? '#full-refresh' : '#full-back')?.focus({ preventScroll: true });
    if (!inspect || inspect.no !== no) {
      status.textContent = tr('console.full.fetching');
      return;
    }
    shownInspect = inspect;
    const sc = scenario;
    if (!sc) {
      status.textContent = tr('console.full.loading');
      shownInspect = null;
      return;
    }
    try {
      const full = applyWhatIfs(sc, inspect.whatIfs);
      const rebuilt = rebuildTable(full, inspect);
      const seatName = (role: string) => {
        const names = t?.seats.find((x) => x.role === role)?.names ?? [];
        return tr('console.full.seat', { seat: roleName(role, full), names: names.length ? nameList(names) : tr('classroom.computer') });
      };
      cleanupFull = renderTableInFull(body, full, inspect, rebuilt, t?.messages ?? [], record, seatName);
      status.textContent = tr('console.full.status', { turn: inspect.turns.length + 1, played: inspect.turns.length });
    } catch (e) {
      status.className = 'class-status bad';
      status.textContent = tr('console.full.failed', { reason: (e as Error).message });
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
        if (m.type === 'error') return failed(tr('console.games.stopped', { reason: errorText(m.msg) }));
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
      worker.onerror = (e) => failed(tr('console.games.stopped', { reason: e.message || tr('explorer.workerFailed') }));
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
      note.textContent = !g ? '' : g.error ? g.error : g.result ? tr('console.games.ready', { runs: total }) : tr('console.games.progressNote', { played: fmtNumber(played), total: fmtNumber(total) });
    }
    const bar = screen.querySelector<HTMLProgressElement>('#debrief-games-progress');
    if (bar) {
      bar.max = Math.max(1, total);
      bar.value = played;
    }
    const text = screen.querySelector('#debrief-games-text');
    if (text && g && !g.result) text.textContent = tr('console.games.progress', { played: fmtNumber(played), total: fmtNumber(total), runs: total, secs: secs(performance.now() - g.started) });
    if (changed && page === 'debrief' && cls?.view) renderDebrief(cls.view);
  }

  /** "military-victory:lna" → "Military victory (LNA)". */
  function endingOfKey(key: string): string {
    const [kind = key, winner] = key.split(':');
    return endingName(kind, winner);
  }

  /** The debrief's section on the computer games: start them, their progress, or how they ended. */
  function gamesSection(c: ClassClient): HTMLElement {
    const w = c.welcome!;
    const g = games;
    const section = h('section', { class: 'class-card debrief-games', id: 'debrief-games', 'aria-label': tr('console.games.title') }, h('h2', null, tr('console.games.title')));
    const who = tr('console.games.who', { difficulty: difficultyName(w.difficulty ?? 'normal'), whatIfs: w.whatIfs?.length ? 'yes' : 'no' });
    if (!g || g.error) {
      const count = h(
        'select',
        { id: 'debrief-games-count', 'aria-label': tr('console.games.count'), 'data-focus-key': 'games-count' },
        ...DISTRIBUTION_RUN_CHOICES.map((n) => h('option', { value: String(n) }, tr('console.games.n', { runs: n }))),
      );
      count.value = String(gamesCount);
      count.addEventListener('change', () => {
        gamesCount = Number(count.value);
      });
      append(
        section,
        h('p', null, tr('console.games.intro', { who })),
        g?.error ? h('p', { class: 'class-status bad' }, g.error) : null,
        h('p', { class: 'console-row' }, count, button(tr('console.games.play'), () => startGames(c, Number(count.value)), { class: 'primary', id: 'debrief-games-run', 'data-focus-key': 'games-run' })),
      );
      return section;
    }
    if (!g.result) {
      const bar = h('progress', { id: 'debrief-games-progress', 'aria-label': tr('console.games.played') });
      append(
        section,
        h('p', null, tr('console.games.running', { runs: g.config.runs, who, workers: g.ranges })),
        h('div', { class: 'debrief-progress' }, bar, h('span', { id: 'debrief-games-text', role: 'status' }, '')),
        button(
          tr('explorer.cancel'),
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
      h('p', null, tr('console.games.done', { runs: d.runs, who, seed: d.seed, last: String(d.runs), secs: secs(g.ms) })),
      h(
        'ul',
        { class: 'debrief-endings', id: 'debrief-endings' },
        ...d.endings.map((e) =>
          h(
            'li',
            { 'data-ending': e.ending },
            h('span', { class: 'debrief-ending-name' }, endingOfKey(e.ending)),
            h('span', { class: 'debrief-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.max(0, Math.min(100, e.share))}%` })),
            h('span', { class: 'debrief-share' }, pct(e.share)),
          ),
        ),
      ),
      button(tr('console.games.again'), () => {
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
      { class: 'class-card debrief-words', id: 'debrief-words', 'aria-label': tr('console.words.title') },
      h('h2', null, tr('console.words.title')),
      h('p', null, tr('console.words.intro')),
    );
    const sc = scenario ? applyWhatIfs(scenario, c.welcome?.whatIfs ?? []) : null;
    const deeds = (list: Order[] | null) => (list === null ? tr('console.words.notPlayed') : sc ? ordersLine(list, sc) : tr('console.words.nOrders', { n: list.length }));
    for (const t of v.tables) {
      const inspect = c.inspects.get(t.no);
      const box = h('div', { class: 'debrief-words-table', 'data-table': String(t.no) }, h('h3', null, tableN(t.no)));
      if (!inspect) append(box, h('p', { class: 'class-waiting' }, tr('console.words.fetching')));
      else {
        const list = wordsAndDeeds(t, inspect);
        if (!list.length) append(box, h('p', { class: 'muted' }, tr('console.words.none')));
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
                  h(
                    'p',
                    { class: 'debrief-said' },
                    h('span', { class: 'who' }, tr('console.words.said', { turn: m.turn, from: tr('classroom.msg.fromSeat', { name: m.fromName, seat: roleName(m.from!, sc) }), to: m.to ? roleName(m.to, sc) : tr('classroom.msg.everyone') })),
                    ' ',
                    h('bdi', null, `“${m.text}”`),
                  ),
                  h(
                    'dl',
                    { class: 'debrief-deeds' },
                    h('dt', null, tr('console.words.ordersIn', { turn: m.turn })),
                    h('dd', { 'data-deeds': 'same' }, deeds(x.sameTurn)),
                    h('dt', null, tr('console.words.ordersIn', { turn: m.turn + 1 })),
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
      tr('console.toConsole'),
      () => {
        page = 'console';
        clear(screen);
        render();
      },
      { class: 'ghost small', id: 'debrief-back', 'data-focus-key': 'debrief-back' },
    );
    const csv = button(tr('console.debrief.csv'), () => downloadText(`class-${v.code}.csv`, classCsv(v, record, games?.result ?? null), 'text/csv'), { id: 'debrief-csv', 'data-focus-key': 'debrief-csv' });
    const print = button(tr('console.debrief.print'), () => window.print(), { id: 'debrief-print', 'data-focus-key': 'debrief-print' });
    const last = v.tables.map((t) => t.figures[t.figures.length - 1]!).filter(Boolean);
    const date = last.map((f) => f.date).sort().at(-1) ?? '';
    const happened = scenario ? shownScenario(scenario).history.filter((e) => e.date <= date).at(-1) : undefined;
    const head = h('tr', null, h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, tr('console.debrief.figure'))), h('th', { scope: 'col' }, tr('console.debrief.history')), ...v.tables.map((t) => h('th', { scope: 'col' }, tableN(t.no))));
    const rowOf = (label: string, history: string, cells: (t: ConsoleTable) => string) =>
      h('tr', null, h('th', { scope: 'row' }, label), h('td', { class: 'history' }, history), ...v.tables.map((t) => h('td', null, cells(t))));
    const fig = (t: ConsoleTable) => t.figures[t.figures.length - 1];
    const roles = [...new Set(v.tables.flatMap((t) => Object.keys(t.ending?.scores ?? {})))];
    const d = games?.result ?? null;
    const placedRows = (row: typeof rowOf): HTMLElement[] => {
      if (!d) return [];
      return [
        row(tr('console.debrief.endingAmong'), '', (t) => {
          const p = placeTable(d, t);
          return p.ending ? tr('console.debrief.endingShare', { ending: endingOfKey(p.ending.key), share: pct(p.ending.share), runs: d.runs }) : tr('console.debrief.notEnded');
        }),
        ...PLACED_FIGURES.map((f) =>
          row(tr('console.debrief.against', { figure: tr(PLACED_KEYS[f.id]) }), '', (t) => {
            const x = placeTable(d, t).figures.find((y) => y.id === f.id);
            return x ? tr('console.debrief.percentile', { p: x.percentile, median: fmtNumber(x.median) }) : '';
          }),
        ),
      ];
    };
    const body = h(
      'tbody',
      null,
      rowOf(tr('console.debrief.turnReached'), date ? fmtDate(date) : '', (t) => (fig(t) ? tr('console.debrief.turnAt', { turn: t.turn, date: fmtDate(fig(t)!.date) }) : fmtNumber(t.turn))),
      rowOf(tr('console.debrief.ending'), tr('console.debrief.endingHistory', { date: fmtDate('2020-10-23') }), (t) => (t.ending ? endingName(t.ending.kind, t.ending.winner) : t.status === 'ended' ? tr('console.debrief.ended') : tr('console.debrief.playing'))),
      ...KEY_PLACES.map((p) => rowOf(tr('console.debrief.heldBy', { place: placeOf(p) }), holderName(historyHolder(record, p, date)), (t) => holderName(fig(t)?.holders[p]))),
      rowOf(tr('console.fig.civilians'), '', (t) => fmtNumber(fig(t)?.civilianDeaths ?? 0)),
      rowOf(tr('console.fig.escalation'), '', (t) => tr('console.fig.outOf100', { n: fmtNumber(fig(t)?.escalation ?? 0) })),
      rowOf(tr('console.fig.talks'), '', (t) => talksName(fig(t)?.talks)),
      rowOf(tr('console.debrief.oil'), '', (t) => fmtNumber(fig(t)?.oil ?? 0)),
      ...roles.map((r) => rowOf(tr('console.debrief.score', { seat: roleName(r, scenario) }), '', (t) => (t.ending?.scores[r] !== undefined ? fmtNumber(t.ending.scores[r]!) : '—'))),
      rowOf(tr('console.debrief.left'), '', (t) => {
        const d = departures(t, record);
        return d.length
          ? d.map((x) => tr('console.debrief.leftAt', { turn: x.turn, place: placeOf(x.place), held: holderName(x.held), history: holderName(x.history) })).join(tr('console.debrief.leftSep'))
          : tr('console.debrief.notLeft');
      }),
      ...placedRows(rowOf),
      rowOf(tr('console.debrief.news'), '', (t) => fmtNumber(t.messages.filter((m) => m.from === null && m.fromName.startsWith('News')).length)),
      rowOf(tr('console.debrief.messages'), '', (t) => fmtNumber(t.messages.filter((m) => m.from !== null).length)),
    );
    append(
      screen,
      h('div', { class: 'class-bar' }, back, h('h1', null, tr('console.debrief.title'), ' ', h('span', null, scenarioById(v.scenario)?.title ?? v.title)), print, csv),
      h('p', null, tr('console.debrief.intro')),
      happened ? h('p', { class: 'console-history' }, h('strong', null, tr('console.debrief.inHistory', { date: fmtDate(happened.date) })), ' ', h('span', null, happened.text)) : null,
      h('div', { class: 'console-debrief-wrap', tabIndex: 0, role: 'region', 'aria-label': tr('console.debrief.region') }, h('table', { class: 'console-debrief', id: 'debrief-table' }, h('thead', null, head), body)),
      cls ? gamesSection(cls) : null,
      cls ? wordsSection(cls, v) : null,
    );
  }

  renderStart();
  return { close };
}
