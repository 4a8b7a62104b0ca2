// "Play with others": host a table (scenario, seats for people, seed, timer) or join one with
// its code, and the lobby with the seats and the messages. Once the game starts, a person with a
// seat plays on the game screen, as in a single game (src/game/net-session.ts, src/ui/table-panel.ts).
// Loaded only when asked for (a chunk of its own, with colyseus.js).

import { loadBundledScenario } from '../content/index.ts';
import type { ScenarioEntry } from '../game/content.ts';
import { randomSeed } from '../game/seed.ts';
import { ClassClient } from '../net/class-client.ts';
import { explain, TableClient } from '../net/client.ts';
import type { PlayerRole, Role, Scenario } from '../sim/types.ts';
import { append, button, clear, h, layer } from './dom.ts';
import { downloadText } from './download.ts';
import { ROLE_NAMES, ROLE_SHORT } from './texts.ts';
import './classroom.css';

export interface ClassroomOptions {
  scenarios: ScenarioEntry[];
  back(): void;
  /** The game has started at the person's seat: play it on the game screen (src/game/net-session.ts). */
  play(table: TableClient, scenario: Scenario): void;
}

function roleName(role: string, scenario?: Scenario | null): string {
  if (role in ROLE_NAMES) return ROLE_NAMES[role as Role];
  if (role.startsWith('backer:')) return scenario?.backers.find((b) => `backer:${b.id}` === role)?.name ?? role.slice(7);
  return role;
}
function roleShort(role: string, scenario?: Scenario | null): string {
  if (role in ROLE_SHORT) return ROLE_SHORT[role as Role];
  return roleName(role, scenario);
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

  const bar = (title: string, ...extra: (Node | null)[]) =>
    // A div, not a header: inside the screen's main landmark a header would be a banner in a landmark.
    h(
      'div',
      { class: 'class-bar' },
      button(
        '← Back',
        () => {
          close();
          options.back();
        },
        { class: 'ghost small', id: 'class-back' },
      ),
      h('h1', null, title),
      ...extra,
    );

  // ---- Host or join ----------------------------------------------------------------------------

  function renderStart(problem?: string): void {
    clear(screen);
    const status = h('p', { class: `class-status${problem ? ' bad' : ''}`, role: 'status', id: 'class-status' }, problem ?? '');
    const name = h('input', { type: 'text', id: 'class-name', 'aria-label': 'Your name' });
    name.maxLength = 40;
    name.value = sessionName();

    const list = options.scenarios.filter((s) => !s.tutorial);
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
    const difficulty = h('select', { id: 'class-difficulty' }, ...['easy', 'normal', 'hard'].map((d) => h('option', { value: d }, d)));
    difficulty.value = 'normal';
    const timer = h(
      'select',
      { id: 'class-timer' },
      h('option', { value: '0' }, 'No timer: the turn ends when everyone has ended it'),
      h('option', { value: '120' }, '2 minutes a turn'),
      h('option', { value: '300' }, '5 minutes a turn'),
      h('option', { value: '600' }, '10 minutes a turn'),
    );
    const code = h('input', { type: 'text', id: 'class-code', 'aria-label': 'Join code' });
    code.placeholder = 'six letters';
    code.maxLength = 8;
    // The last table joined or hosted in this browser: after a reload, Join takes the same seat back.
    code.value = lastCode();

    const needName = (): string | null => {
      const n = name.value.trim();
      if (!n) {
        status.className = 'class-status bad';
        status.textContent = 'Write your name first: the others see it.';
        name.focus();
        return null;
      }
      rememberName(n);
      return n;
    };
    const host = button(
      'Host the table',
      () => {
        const n = needName();
        if (!n) return;
        const seats = [...seatsBox.querySelectorAll<HTMLInputElement>('input[data-seat]')].filter((b) => b.checked).map((b) => b.value);
        if (!seats.length) {
          status.className = 'class-status bad';
          status.textContent = 'Open at least one seat to people.';
          return;
        }
        status.className = 'class-status';
        status.textContent = 'Opening the table…';
        connect(() =>
          TableClient.host({
            name: n,
            scenario: scenarioSelect.value,
            seats,
            seed: seed.value.trim() || randomSeed(),
            difficulty: difficulty.value as 'easy' | 'normal' | 'hard',
            timerSeconds: Number(timer.value),
          }),
        );
      },
      { class: 'primary', id: 'class-host' },
    );
    const join = button(
      'Join',
      () => {
        const n = needName();
        if (!n) return;
        const c = code.value.trim();
        if (!/^[a-z]{6}$/i.test(c.replace(/[\s-]/g, ''))) {
          status.className = 'class-status bad';
          status.textContent = 'A join code is six letters.';
          code.focus();
          return;
        }
        status.className = 'class-status';
        status.textContent = 'Joining…';
        connect(() => TableClient.join(c, n));
      },
      { class: 'primary', id: 'class-join' },
    );
    const classCode = h('input', { type: 'text', id: 'class-class-code', 'aria-label': 'Class code' });
    classCode.placeholder = 'six letters';
    classCode.maxLength = 8;
    const joinClass = button(
      'Join the class',
      () => {
        const n = needName();
        if (!n) return;
        const c = classCode.value.trim();
        if (!/^[a-z]{6}$/i.test(c.replace(/[\s-]/g, ''))) {
          status.className = 'class-status bad';
          status.textContent = 'A class code is six letters.';
          classCode.focus();
          return;
        }
        status.className = 'class-status';
        status.textContent = 'Joining the class…';
        ClassClient.student(c, n).then(
          (cc) => {
            classWait = cc;
            unsubscribe = cc.onChange(() => renderClassWait(cc, n));
            renderClassWait(cc, n);
          },
          (e) => renderStart(explain(e)),
        );
      },
      { class: 'primary', id: 'class-join-class' },
    );
    append(
      screen,
      bar('Play with others'),
      h('p', null, 'Several people in one war, each at a seat, the computer in every seat left empty. Each person sees only what their side would know. Messages between seats change nothing in the rules: what is promised must be kept through orders.'),
      h('label', { class: 'class-name-row' }, 'Your name ', name),
      status,
      h(
        'div',
        { class: 'class-columns' },
        h(
          'section',
          { class: 'class-card', 'aria-label': 'Host a table' },
          h('h2', null, 'Host a table'),
          h('label', null, 'Scenario', scenarioSelect),
          h('div', null, h('div', null, 'Seats for people (the computer plays the others)'), seatsBox),
          h('label', null, 'Seed (the same seed gives the same war)', seed),
          h('label', null, 'How well the computer plays', difficulty),
          h('label', null, 'Turn timer', timer),
          host,
        ),
        h(
          'section',
          { class: 'class-card', 'aria-label': 'Join a table' },
          h('h2', null, 'Join a table'),
          h('label', null, 'The code the host gives you', code),
          join,
        ),
        h(
          'section',
          { class: 'class-card', 'aria-label': 'Join a class' },
          h('h2', null, 'Join a class'),
          h('label', null, 'The class code your teacher gives you', classCode),
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
      bar(`Class ${w.code}: ${w.title}`),
      h(
        'p',
        { class: 'class-waiting', id: 'class-place', role: 'status' },
        place.table && place.role
          ? `${name}, you are at table ${place.table}, in the ${roleName(place.role)} seat. Wait for your teacher to start the tables.`
          : `${name}, your teacher will give you a seat.`,
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
      (e) => renderStart(explain(e)),
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
      append(screen, bar(t.welcome.title), h('p', { role: 'status', id: 'class-loading' }, 'Opening the table…'));
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
      const names = pub.people.filter((p) => p.role === seat.role).map((p) => `${p.name}${p.connected ? '' : ' (away)'}`);
      const mine = w.role === seat.role;
      append(
        list,
        h(
          'li',
          { 'data-seat': seat.role },
          h('span', null, h('strong', null, roleName(seat.role, scenario)), ' — ', names.length ? names.join(', ') : 'the computer'),
          mine
            ? button('Leave the seat', () => t.takeSeat(null), { class: 'small ghost' })
            : button(names.length ? 'Join this seat' : 'Take this seat', () => t.takeSeat(seat.role as PlayerRole), { class: 'small', 'data-take': seat.role }),
        ),
      );
    }
    const standing = pub.people.filter((p) => !p.role);
    // The host may seat anyone (and move people between seats).
    const assign = w.host
      ? h(
          'ul',
          { class: 'class-list', id: 'class-assign', 'aria-label': 'Seat people' },
          ...pub.people
            .filter((p) => p.id !== t.sessionId)
            .map((p) => {
              const pick = h(
                'select',
                { 'aria-label': `Seat for ${p.name}`, 'data-person': p.name },
                h('option', { value: '' }, 'no seat'),
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
      { class: 'class-card', 'aria-label': 'Seats' },
      h('h2', null, 'Seats'),
      list,
      standing.length ? h('p', { class: 'muted' }, `Without a seat: ${standing.map((p) => p.name).join(', ')}`) : null,
      assign && pub.people.length > 1 ? h('h3', { class: 'small' }, 'Seat people (host)') : null,
      assign && pub.people.length > 1 ? assign : null,
      h('p', { class: 'muted small' }, 'Two people on one seat are a team: either may queue orders; either ends the turn for both.'),
      w.host && pub.status !== 'lobby'
        ? button('Download the record (replay and every message)', () => t.askRecord(), { class: 'small', id: 'class-record', title: 'For the debrief: the game move for move and every message between seats' })
        : null,
    );
  }

  function renderLobby(t: TableClient): void {
    const w = t.welcome!;
    const pub = t.table!;
    const start =
      w.host && pub.status === 'lobby'
        ? button('Start the game', () => t.start(), { class: 'primary', id: 'class-start' })
        : h('p', { class: 'muted' }, pub.status === 'lobby' ? 'The host starts the game when the seats are taken.' : 'The game has started: take a seat to play.');
    append(
      screen,
      bar(w.title, h('span', { class: 'muted' }, `You are ${w.name}${w.host ? ' (host)' : ''}`)),
      h(
        'div',
        { class: 'class-columns' },
        h(
          'section',
          { class: 'class-card', 'aria-label': 'Join code' },
          h('h2', null, 'Join code'),
          h('div', { class: 'class-code', id: 'class-code-shown' }, w.code),
          h('p', null, `Others open ${location.origin}/ , choose Play with others, and type this code.`),
          h('p', { class: 'muted small' }, `Seed ${w.seed} · ${w.difficulty} · ${w.timerSeconds ? `${w.timerSeconds / 60} minutes a turn` : 'no turn timer'}`),
          start,
          rejection(t),
        ),
        seatsCard(t),
        messagesCard(t),
      ),
    );
  }

  function rejection(t: TableClient): HTMLElement {
    return h('p', { class: 'class-status bad', role: 'status', id: 'class-rejected' }, t.lastRejection ? t.lastRejection.message : '');
  }

  function messagesCard(t: TableClient): HTMLElement {
    const w = t.welcome!;
    const list = h('ul', { class: 'class-list class-messages', id: 'class-messages', 'aria-live': 'polite' });
    for (const m of t.messages) {
      const to = m.to ? ` → ${roleShort(m.to, scenario)}` : ' → everyone';
      append(list, h('li', null, h('span', { class: 'who' }, `${m.fromName}${m.from ? ` (${roleShort(m.from, scenario)})` : ''}${to}`), m.text));
    }
    if (!t.messages.length) append(list, h('li', { class: 'muted' }, 'No messages yet.'));
    const to = h('select', { id: 'class-to', 'aria-label': 'To' }, h('option', { value: '' }, 'Everyone'), ...w.seats.filter((r) => r !== w.role).map((r) => h('option', { value: r }, roleName(r, scenario))));
    const text = h('textarea', { id: 'class-text', 'aria-label': 'Message' });
    text.maxLength = 500;
    text.rows = 2;
    const send = button(
      'Send',
      () => {
        const body = text.value.trim();
        if (!body) return;
        t.say((to.value || null) as PlayerRole | null, body);
        text.value = '';
      },
      { class: 'small', id: 'class-send' },
    );
    return h('section', { class: 'class-card', 'aria-label': 'Messages' }, h('h2', null, 'Messages'), list, h('label', null, 'To', to), text, send);
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
