// The game screen at a classroom table: over the map, between the side panels, a line saying
// which seats the table waits for (and the turn timer), the server's refusals, and the messages
// panel — private messages seat to seat and to everyone, shown only as text. Messages change
// nothing in the rules: what is promised must be kept through orders.
import type { NetSession } from '../game/net-session.ts';
import { t } from '../i18n/index.ts';
import type { NetMessage } from '../net/protocol.ts';
import type { PlayerRole } from '../sim/types.ts';
import { nameList, refusalText, roleShort, senderName } from './class-words.ts';
import { append, button, clear, h, } from './dom.ts';
import { downloadText } from './download.ts';
import { SHEET_QUERY } from './hud.ts';
import './table-panel.css';

export interface TablePanel {
  destroy(): void;
  /** The height of the waiting line over the map (the map frames below it). */
  height(): number;
}

const REFUSAL_MS = 10_000;

export function mountTablePanel(root: HTMLElement, net: NetSession): TablePanel {
  const scenario = net.scenario;
  const name = (role: string) => roleShort(role, scenario);
  const code = net.table.welcome?.code ?? '';
  const waiting = h('span', { id: 'table-waiting', class: 'table-waiting' });
  const clock = h('span', { id: 'table-clock', class: 'table-clock' });
  const refused = h('p', { id: 'table-refused', class: 'table-refused', role: 'alert' });
  refused.hidden = true;
  let open = true;
  let seen = net.table.messages.length;
  const toggle = button(t('classroom.messages'), () => {
    open = !open;
    if (open) seen = net.table.messages.length;
    render();
    if (open) text.focus({ preventScroll: true });
  }, { class: 'small ghost', id: 'table-messages-toggle', 'aria-controls': 'table-chat' });
  // The host's record of the table for the debrief: the replay, every message, who sat where.
  // It holds every seat's orders, so a host who plays a seat gets it once the table has ended.
  const RECORD_LATER = t('classroom.table.recordLater');
  const record = net.table.welcome?.host
    ? button(t('classroom.table.record'), () => net.table.askRecord(), { class: 'small ghost', id: 'table-record', title: RECORD_LATER })
    : null;
  const bar = h(
    'div',
    { class: 'table-bar panel', id: 'table-bar', role: 'status', 'aria-label': t('classroom.table.bar') },
    h('span', { class: 'table-code', title: t('classroom.table.codeTitle') }, t('classroom.table.code', { code })),
    waiting,
    clock,
    record,
    toggle,
  );

  const list = h('ul', { class: 'plain table-messages', id: 'table-messages', 'aria-live': 'polite', tabIndex: 0, 'aria-label': t('classroom.messages') });
  const to = h(
    'select',
    { id: 'table-to', 'aria-label': t('classroom.to') },
    h('option', { value: '' }, t('classroom.everyone')),
    ...(net.table.welcome?.seats ?? []).filter((r) => r !== net.role).map((r) => h('option', { value: r }, name(r))),
  );
  const text = h('textarea', { id: 'table-text', 'aria-label': t('classroom.message') });
  text.placeholder = t('classroom.table.placeholder');
  text.maxLength = 500;
  text.rows = 2;
  const send = () => {
    const body = text.value.trim();
    if (!body) return;
    net.table.say((to.value || null) as PlayerRole | null, body);
    text.value = '';
  };
  text.addEventListener('keydown', (e) => {
    // Enter sends; Shift+Enter is a new line. The map's keys do not see it (GameMap ignores text fields).
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      send();
    }
  });
  const chat = h(
    'section',
    { class: 'table-chat panel', id: 'table-chat', 'aria-label': t('classroom.table.chat') },
    list,
    h('div', { class: 'table-compose' }, to, text, button(t('classroom.send'), send, { class: 'small primary', id: 'table-send' })),
    h('p', { class: 'small muted' }, t('classroom.table.rules')),
  );
  const wrap = h('div', { class: 'table-panel' }, bar, refused, chat);
  root.append(wrap);
  root.classList.add('at-table');
  // On a small screen the messages start folded (the map and the sheets need the room).
  if (typeof matchMedia === 'function' && matchMedia(SHEET_QUERY).matches) open = false;

  let shownMessages = -1;
  let refusalTimer = 0;
  let lastRefusal: unknown = null;

  function line(m: NetMessage): HTMLElement {
    const from = m.from ? t('classroom.msg.fromSeat', { name: m.fromName, seat: name(m.from) }) : senderName(m);
    const to = m.to ? (m.to === net.role ? 'you' : 'seat') : 'everyone';
    return h(
      'li',
      { class: m.from === net.role ? 'mine' : '' },
      h('span', { class: 'who' }, t('classroom.table.line', { from, to, seat: m.to ? name(m.to) : '' })),
      h('bdi', { class: 'text' }, m.text),
    );
  }

  function waitingText(): string {
    if (net.state.ending) return t('classroom.table.over');
    if (!net.connected) return t('classroom.table.lost');
    const list = net.waitingFor;
    const waiting = t('classroom.table.waiting', { names: list.length ? nameList(list.map(name)) : t('classroom.table.noOne') });
    return net.waiting ? t('classroom.table.endedWaiting', { waiting }) : waiting;
  }

  function tick(): void {
    const deadline = net.deadline;
    if (!deadline || net.state.ending) {
      clock.textContent = '';
      return;
    }
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    clock.textContent = t('classroom.table.left', { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` });
  }

  function render(): void {
    waiting.textContent = waitingText();
    bar.classList.toggle('ended', net.waiting);
    if (record) {
      const over = net.table.table?.status === 'ended' || net.state.ending !== null;
      record.disabled = !over;
      record.title = over ? t('classroom.table.recordTitle') : RECORD_LATER;
    }
    tick();
    const messages = net.table.messages;
    if (open) seen = messages.length;
    const unread = messages.length - seen;
    toggle.textContent = open ? t('classroom.table.hide') : unread > 0 ? t('classroom.table.unread', { n: unread }) : t('classroom.messages');
    toggle.setAttribute('aria-expanded', String(open));
    chat.hidden = !open;
    if (messages.length !== shownMessages) {
      shownMessages = messages.length;
      clear(list);
      if (!messages.length) append(list, h('li', { class: 'muted' }, t('classroom.table.noMessages')));
      for (const m of messages) list.append(line(m));
      list.scrollTop = list.scrollHeight;
    }
    if (net.table.record) {
      downloadText(`ceasefire-line-table-${code}-record.json`, net.table.record);
      net.table.record = null;
    }
    if (net.rejection && net.rejection !== lastRefusal) {
      lastRefusal = net.rejection;
      // The server's reason is its own words (English for now).
      clear(refused);
      append(refused, net.rejection.type === 'message' ? t('classroom.table.notSent') : t('classroom.table.refused'), ' ', refusalText(net.rejection));
      refused.hidden = false;
      window.clearTimeout(refusalTimer);
      refusalTimer = window.setTimeout(() => (refused.hidden = true), REFUSAL_MS);
    }
  }

  render();
  const off = net.subscribe(render);
  const clockTimer = window.setInterval(tick, 1000);
  return {
    destroy() {
      off();
      window.clearInterval(clockTimer);
      window.clearTimeout(refusalTimer);
      wrap.remove();
    },
    height() {
      return bar.offsetHeight + 8;
    },
  };
}
