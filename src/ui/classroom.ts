// "Play with others": host a table (scenario, seats for people, seed, timer) or join one with
// its code, and the lobby with the seats and the messages. Once the game starts, a person with a
// seat plays on the game screen, as in a single game (src/game/net-session.ts, src/ui/table-panel.ts).
// Loaded only when asked for (a chunk of its own, with colyseus.js).

import { loadBundledScenario } from '../content/index.ts';
import { type ScenarioEntry, scenarioById } from '../game/content.ts';
import { randomSeed } from '../game/seed.ts';
import { t as tr } from '../i18n/index.ts';
import { ClassClient } from '../net/class-client.ts';
import { TableClient } from '../net/client.ts';
import { DIFFICULTIES, type Difficulty, type PlayerRole, type Scenario } from '../sim/types.ts';
import { difficultyName, nameList, problemOf, refusalText, roleName, roleShort, senderName } from './class-words.ts';
import { append, button, clear, h, layer, untranslated } from './dom.ts';
import { downloadText } from './download.ts';
import './classroom.css';

export interface ClassroomOptions {
  scenarios: ScenarioEntry[];
  back(): void;
  /** The game has started at the person's seat: play it on the game screen (src/game/net-session.ts). */
  play(table: TableClient, scenario: Scenario): void;
}

export function mountClassroom(options: ClassroomOptions): { close(): void } {
  const root = layer('classroom');
  const screen = h('div', { class: 'class-screen', role: 'main', id: 'classroom' });
  root.appendChild(screen);
  let table: TableClient | null = null;
  let scenario: Scenario | null = null;
  let unsubscribe: (() => void) | null = null;
  /** A student in a class's waiting room, until the teacher starts the tables. */
  let classWait: ClassClient | null = null;

  const close = () => {
    unsubscribe?.();
    classWait?.leave();
    classWait = null;
    table?.leave();
    table = null;
    root.remove();
  };

  /** The screen's bar; `english` marks a title that is scenario text (the table's, English for now). */
  const bar = (title: string | Node, extra: Node | null = null, english = false) =>
    // A div, not a header: inside the screen's main landmark a header would be a banner in a landmark.
    h(
      'div',
      { class: 'class-bar' },
      button(
        tr('classroom.back'),
        () => {
          close();
          options.back();
        },
        { class: 'ghost small', id: 'class-back' },
      ),
      untranslated(h('h1', null, title), english),
      extra,
    );

  // ---- Host or join ----------------------------------------------------------------------------

  function renderStart(problem?: { text: string; english: boolean }): void {
    clear(screen);
    const status = untranslated(h('p', { class: `class-status${problem ? ' bad' : ''}`, role: 'status', id: 'class-status' }, problem?.text ?? ''), problem?.english === true);
    const say = (text: string, bad = false) => {
      status.className = `class-status${bad ? ' bad' : ''}`;
      status.removeAttribute('lang');
      status.removeAttribute('dir');
      status.textContent = text;
    };
    const name = h('input', { type: 'text', id: 'class-name', 'aria-label': tr('classroom.yourName') });
    name.maxLength = 40;
    name.value = sessionName();

    const list = options.scenarios.filter((s) => !s.tutorial);
    // The scenarios' titles are scenario text (English for now).
    const scenarioSelect = h('select', { id: 'class-scenario' }, ...list.map((s) => h('option', { value: s.id }, s.title)));
    const seatsBox = h('div', { class: 'class-seats' });
    const renderSeats = () => {
      clear(seatsBox);
      const entry = list.find((s) => s.id === scenarioSelect.value);
      for (const r of entry?.playable ?? []) {
        const box = h('input', { type: 'checkbox', value: r, 'data-seat': r });
        box.checked = true;
        append(seatsBox, h('label', { class: 'check' }, box, roleName(r)));
      }
    };
    scenarioSelect.addEventListener('change', renderSeats);
    renderSeats();
    const seed = h('input', { type: 'text', id: 'class-seed', value: randomSeed() });
    seed.maxLength = 60;
    const difficulty = h('select', { id: 'class-difficulty' }, ...DIFFICULTIES.map((d) => h('option', { value: d }, difficultyName(d))));
    difficulty.value = 'normal';
    const timer = h(
      'select',
      { id: 'class-timer' },
      h('option', { value: '0' }, tr('classroom.timer.none')),
      ...[2, 5, 10].map((m) => h('option', { value: String(m * 60) }, tr('classroom.timer.minutes', { m }))),
    );
    const code = h('input', { type: 'text', id: 'class-code', 'aria-label': tr('classroom.joinCode') });
    code.placeholder = tr('classroom.sixLetters');
    code.maxLength = 8;
    // The last table joined or hosted in this browser: after a reload, Join takes the same seat back.
    code.value = lastCode();

    const needName = (): string | null => {
      const n = name.value.trim();
      if (!n) {
        say(tr('classroom.needName'), true);
        name.focus();
        return null;
      }
      rememberName(n);
      return n;
    };
    const host = button(
      tr('classroom.host'),
      () => {
        const n = needName();
        if (!n) return;
        const seats = [...seatsBox.querySelectorAll<HTMLInputElement>('input[data-seat]')].filter((b) => b.checked).map((b) => b.value);
        if (!seats.length) {
          say(tr('classroom.needSeat'), true);
          return;
        }
        say(tr('classroom.opening'));
        connect(() =>
          TableClient.host({
            name: n,
            scenario: scenarioSelect.value,
            seats,
            seed: seed.value.trim() || randomSeed(),
            difficulty: difficulty.value as Difficulty,
            timerSeconds: Number(timer.value),
          }),
        );
      },
      { class: 'primary', id: 'class-host' },
    );
    const join = button(
      tr('classroom.join'),
      () => {
        const n = needName();
        if (!n) return;
        const c = code.value.trim();
        if (!/^[a-z]{6}$/i.test(c.replace(/[\s-]/g, ''))) {
          say(tr('classroom.badCode'), true);
          code.focus();
          return;
        }
        say(tr('classroom.joining'));
        connect(() => TableClient.join(c, n));
      },
      { class: 'primary', id: 'class-join' },
    );
    const classCode = h('input', { type: 'text', id: 'class-class-code', 'aria-label': tr('classroom.classCode') });
    classCode.placeholder = tr('classroom.sixLetters');
    classCode.maxLength = 8;
    const joinClass = button(
      tr('classroom.joinClass'),
      () => {
        const n = needName();
        if (!n) return;
        const c = classCode.value.trim();
        if (!/^[a-z]{6}$/i.test(c.replace(/[\s-]/g, ''))) {
          say(tr('classroom.badClassCode'), true);
          classCode.focus();
          return;
        }
        say(tr('classroom.joiningClass'));
        ClassClient.student(c, n).then(
          (cc) => {
            classWait = cc;
            unsubscribe = cc.onChange(() => renderClassWait(cc, n));
            renderClassWait(cc, n);
          },
          (e) => renderStart(problemOf(e)),
        );
      },
      { class: 'primary', id: 'class-join-class' },
    );
    append(
      screen,
      bar(tr('classroom.title')),
      h('p', null, tr('classroom.intro')),
      h('label', { class: 'class-name-row' }, tr('classroom.yourName'), ' ', name),
      status,
      h(
        'div',
        { class: 'class-columns' },
        h(
          'section',
          { class: 'class-card', 'aria-label': tr('classroom.hostTable') },
          h('h2', null, tr('classroom.hostTable')),
          h('label', null, tr('classroom.scenario'), scenarioSelect),
          h('div', null, h('div', null, tr('classroom.seatsForPeople')), seatsBox),
          h('label', null, tr('classroom.seed'), seed),
          h('label', null, tr('classroom.difficulty'), difficulty),
          h('label', null, tr('classroom.timer'), timer),
          host,
        ),
        h(
          'section',
          { class: 'class-card', 'aria-label': tr('classroom.joinTable') },
          h('h2', null, tr('classroom.joinTable')),
          h('label', null, tr('classroom.hostCode'), code),
          join,
        ),
        h(
          'section',
          { class: 'class-card', 'aria-label': tr('classroom.joinAClass') },
          h('h2', null, tr('classroom.joinAClass')),
          h('label', null, tr('classroom.teacherCode'), classCode),
          joinClass,
        ),
      ),
    );
    name.focus();
  }

  /** A student's place in the class; once the teacher starts, on to the table (the class token is the seat token). */
  function renderClassWait(cc: ClassClient, name: string): void {
    const place = cc.place;
    const w = cc.welcome;
    if (!place || !w) return;
    if (place.tableCode) {
      unsubscribe?.();
      unsubscribe = null;
      cc.leave();
      classWait = null;
      const code = place.tableCode;
      connect(() => TableClient.join(code, name));
      return;
    }
    clear(screen);
    append(
      screen,
      // The class's title is the teacher's choice of scenario: its title, in the reader's language.
      bar(h('span', null, tr('classroom.classTitle', { code: w.code }), ' ', h('span', null, scenarioById(w.scenario)?.title ?? w.title))),
      h(
        'p',
        { class: 'class-waiting', id: 'class-place', role: 'status' },
        place.table && place.role
          ? tr('classroom.seated', { name, table: place.table, seat: roleName(place.role) })
          : tr('classroom.waitSeat', { name }),
      ),
    );
  }

  function connect(open: () => Promise<TableClient>): void {
    open().then(
      async (t) => {
        table = t;
        unsubscribe = t.onChange(render);
        render();
      },
      (e) => renderStart(problemOf(e)),
    );
  }

  // ---- Lobby and table ------------------------------------------------------------------------

  let loadingScenario: string | null = null;
  function render(): void {
    const t = table;
    if (!t?.welcome || !t.table) return;
    if (!scenario || scenario.id !== t.welcome.scenario) {
      if (loadingScenario !== t.welcome.scenario) {
        loadingScenario = t.welcome.scenario;
        void loadBundledScenario(t.welcome.scenario).then((s) => {
          scenario = s;
          render();
        });
      }
    }
    const focusedId = (document.activeElement as HTMLElement | null)?.id;
    const draft = screen.querySelector<HTMLTextAreaElement>('#class-text')?.value ?? '';
    // The game has started and the person has a seat: on to the game screen, the same map and
    // panels as a single game (the table client goes with it; this screen closes).
    if (t.table.status !== 'lobby' && t.welcome.role) {
      if (t.seat?.role === t.welcome.role && scenario?.id === t.welcome.scenario) {
        const sc = scenario;
        unsubscribe?.();
        unsubscribe = null;
        table = null;
        options.play(t, sc);
        return;
      }
      clear(screen);
      append(screen, bar(t.welcome.title, null, true), h('p', { role: 'status', id: 'class-loading' }, tr('classroom.opening')));
      return;
    }
    clear(screen);
    renderLobby(t);
    const text = screen.querySelector<HTMLTextAreaElement>('#class-text');
    if (text) text.value = draft;
    if (t.replay) {
      downloadText(`ceasefire-line-table-${t.welcome.code}.json`, t.replay);
      t.replay = null;
    }
    if (t.record) {
      downloadText(`ceasefire-line-table-${t.welcome.code}-record.json`, t.record);
      t.record = null;
    }
    if (focusedId) screen.querySelector<HTMLElement>(`#${focusedId}`)?.focus({ preventScroll: true });
  }

  function seatsCard(t: TableClient): HTMLElement {
    const w = t.welcome!;
    const pub = t.table!;
    const list = h('ul', { class: 'class-list', id: 'class-seat-list' });
    for (const seat of pub.seats) {
      const names = pub.people.filter((p) => p.role === seat.role).map((p) => (p.connected ? p.name : tr('classroom.away', { name: p.name })));
      const mine = w.role === seat.role;
      append(
        list,
        h(
          'li',
          { 'data-seat': seat.role },
          h('span', null, h('strong', null, roleName(seat.role, scenario)), ' — ', names.length ? nameList(names) : tr('classroom.computer')),
          mine
            ? button(tr('classroom.leaveSeat'), () => t.takeSeat(null), { class: 'small ghost', 'data-leave': seat.role })
            : button(names.length ? tr('classroom.joinSeat') : tr('classroom.takeSeat'), () => t.takeSeat(seat.role as PlayerRole), { class: 'small', 'data-take': seat.role }),
        ),
      );
    }
    const standing = pub.people.filter((p) => !p.role);
    // The host may seat anyone (and move people between seats).
    const assign = w.host
      ? h(
          'ul',
          { class: 'class-list', id: 'class-assign', 'aria-label': tr('classroom.seatPeople') },
          ...pub.people
            .filter((p) => p.id !== t.sessionId)
            .map((p) => {
              const pick = h(
                'select',
                { 'aria-label': tr('classroom.seatFor', { name: p.name }), 'data-person': p.name },
                h('option', { value: '' }, tr('classroom.noSeat')),
                ...w.seats.map((r) => h('option', { value: r }, roleShort(r, scenario))),
              );
              pick.value = p.role;
              pick.addEventListener('change', () => t.assign(p.id, (pick.value || null) as PlayerRole | null));
              return h('li', null, h('span', null, p.name), pick);
            }),
        )
      : null;
    return h(
      'section',
      { class: 'class-card', 'aria-label': tr('classroom.seats') },
      h('h2', null, tr('classroom.seats')),
      list,
      standing.length ? h('p', { class: 'muted' }, tr('classroom.withoutSeat', { names: nameList(standing.map((p) => p.name)) })) : null,
      assign && pub.people.length > 1 ? h('h3', { class: 'small' }, tr('classroom.seatPeopleHost')) : null,
      assign && pub.people.length > 1 ? assign : null,
      h('p', { class: 'muted small' }, tr('classroom.team')),
      w.host && pub.status !== 'lobby'
        ? button(tr('classroom.downloadRecord'), () => t.askRecord(), { class: 'small', id: 'class-record', title: tr('classroom.downloadRecordTitle') })
        : null,
    );
  }

  function renderLobby(t: TableClient): void {
    const w = t.welcome!;
    const pub = t.table!;
    const start =
      w.host && pub.status === 'lobby'
        ? button(tr('classroom.start'), () => t.start(), { class: 'primary', id: 'class-start' })
        : h('p', { class: 'muted' }, pub.status === 'lobby' ? tr('classroom.hostStarts') : tr('classroom.started'));
    append(
      screen,
      bar(w.title, h('span', { class: 'muted' }, tr('classroom.youAre', { name: w.name, host: w.host ? 'yes' : 'no' })), true),
      h(
        'div',
        { class: 'class-columns' },
        h(
          'section',
          { class: 'class-card', 'aria-label': tr('classroom.joinCode') },
          h('h2', null, tr('classroom.joinCode')),
          h('div', { class: 'class-code', id: 'class-code-shown' }, w.code),
          h('p', null, tr('classroom.othersOpen'), ' ', h('bdi', { class: 'class-address' }, `${location.origin}/`), ' ', tr('classroom.othersOpenEnd', { menu: tr('menu.classroom') })),
          h('p', { class: 'muted small' }, tr('classroom.settings', { seed: w.seed, difficulty: difficultyName(w.difficulty), timer: w.timerSeconds ? tr('classroom.timer.minutes', { m: w.timerSeconds / 60 }) : tr('classroom.timer.off') })),
          start,
          rejection(t),
        ),
        seatsCard(t),
        messagesCard(t),
      ),
    );
  }

  function rejection(t: TableClient): HTMLElement {
    // The server's words (English for now).
    return h('p', { class: 'class-status bad', role: 'status', id: 'class-rejected' }, t.lastRejection ? refusalText(t.lastRejection) : '');
  }

  function messagesCard(t: TableClient): HTMLElement {
    const w = t.welcome!;
    const list = h('ul', { class: 'class-list class-messages', id: 'class-messages', 'aria-live': 'polite' });
    for (const m of t.messages) {
      const from = m.from ? tr('classroom.msg.fromSeat', { name: m.fromName, seat: roleShort(m.from, scenario) }) : senderName(m);
      const to = m.to ? roleShort(m.to, scenario) : tr('classroom.msg.everyone');
      append(list, h('li', null, h('span', { class: 'who' }, tr('classroom.msg.head', { from, to })), h('bdi', null, m.text)));
    }
    if (!t.messages.length) append(list, h('li', { class: 'muted' }, tr('classroom.noMessages')));
    const to = h('select', { id: 'class-to', 'aria-label': tr('classroom.to') }, h('option', { value: '' }, tr('classroom.everyone')), ...w.seats.filter((r) => r !== w.role).map((r) => h('option', { value: r }, roleName(r, scenario))));
    const text = h('textarea', { id: 'class-text', 'aria-label': tr('classroom.message') });
    text.maxLength = 500;
    text.rows = 2;
    const send = button(
      tr('classroom.send'),
      () => {
        const body = text.value.trim();
        if (!body) return;
        t.say((to.value || null) as PlayerRole | null, body);
        text.value = '';
      },
      { class: 'small', id: 'class-send' },
    );
    return h('section', { class: 'class-card', 'aria-label': tr('classroom.messages') }, h('h2', null, tr('classroom.messages')), list, h('label', null, tr('classroom.to'), to), text, send);
  }

  renderStart();
  return { close };
}

function lastCode(): string {
  try {
    return localStorage.getItem('ceasefire-line:last-table') ?? '';
  } catch {
    return '';
  }
}

function sessionName(): string {
  try {
    return localStorage.getItem('ceasefire-line:name') ?? '';
  } catch {
    return '';
  }
}
function rememberName(name: string): void {
  try {
    localStorage.setItem('ceasefire-line:name', name);
  } catch {
    // no storage: the name is asked again next time
  }
}
