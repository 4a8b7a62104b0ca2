// The replay viewer's controls, over the ordinary game screen in read-only mode: step back
// and forward, jump to a turn, play at a chosen speed. The map and the panels show the
// session's frame (GameSession.showFrame); this bar only picks which one.
import type { GameSession } from '../game/session.ts';
import { openAfterActionOverlay } from './aar-open.ts';
import { append, button, clear, formatDate, h } from './dom.ts';

export interface ReplayBarActions {
  /** The turn report of the frame on screen. */
  report(): void;
  exit(): void;
}

/** Seconds per turn when playing. */
export const REPLAY_SPEEDS: readonly { label: string; ms: number }[] = [
  { label: '0.5 s a turn', ms: 500 },
  { label: '1 s a turn', ms: 1000 },
  { label: '2 s a turn', ms: 2000 },
  { label: '4 s a turn', ms: 4000 },
];

export function mountReplayBar(root: HTMLElement, session: GameSession, actions: ReplayBarActions): { destroy(): void } {
  const replay = session.replay;
  if (!replay) throw new Error('mountReplayBar needs a replay session');
  const last = replay.frames.length - 1;
  let timer: ReturnType<typeof setInterval> | null = null;
  let speed = 1000;

  // A region (a landmark) holding the toolbar: everything on the page sits in a landmark.
  const bar = h('div', { class: 'panel replay-bar', role: 'toolbar', 'aria-label': 'Replay controls' });
  const landmark = h('section', { class: 'replay-landmark', 'aria-label': 'Replay' }, bar);
  const status = h('span', { class: 'replay-status', 'aria-live': 'polite' });
  const jump = h('select', { 'aria-label': 'Jump to a turn', class: 'replay-jump' });
  for (let n = 0; n <= last; n++) {
    const frame = replay.frames[n];
    const label = n === 0 ? `Start · ${formatDate(frame?.state.date ?? '')}` : `After turn ${n} · ${formatDate(frame?.state.date ?? '')}`;
    jump.append(h('option', { value: String(n) }, label));
  }
  const speedSelect = h('select', { 'aria-label': 'Playing speed', class: 'replay-speed' });
  for (const s of REPLAY_SPEEDS) speedSelect.append(h('option', { value: String(s.ms) }, s.label));
  speedSelect.value = String(speed);

  const go = (n: number) => {
    session.showFrame(n);
    render();
  };
  const stop = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
    render();
  };
  const start = () => {
    if (replay.at >= last) session.showFrame(0);
    timer = setInterval(() => {
      if (replay.at >= last) stop();
      else go(replay.at + 1);
    }, speed);
    render();
  };
  const first = button('Start', () => go(0), { class: 'small', 'aria-label': 'To the start', title: 'To the start (Home)' });
  const back = button('◀', () => go(replay.at - 1), { class: 'small', 'aria-label': 'One turn back', title: 'One turn back ([)' });
  const playButton = button('Play', () => (timer === null ? start() : stop()), { class: 'small primary replay-play' });
  const forward = button('▶', () => go(replay.at + 1), { class: 'small', 'aria-label': 'One turn forward', title: 'One turn forward (])' });
  const end = button('End', () => go(last), { class: 'small', 'aria-label': 'To the end', title: 'To the end (End)' });
  jump.addEventListener('change', () => go(Number(jump.value)));
  speedSelect.addEventListener('change', () => {
    speed = Number(speedSelect.value);
    if (timer !== null) {
      stop();
      start();
    }
  });

  function render(): void {
    const at = replay?.at ?? 0;
    back.disabled = first.disabled = at <= 0;
    forward.disabled = end.disabled = at >= last;
    playButton.textContent = timer === null ? 'Play' : 'Pause';
    jump.value = String(at);
    clear(status);
    append(status, `Replay · seed ${session.seed} · ${at === 0 ? 'start' : `after turn ${at}`} of ${last}`);
  }

  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
    // The after-action report open over the viewer keeps the keys to itself.
    if (root.querySelector('.aar-overlay')) return;
    const moves: Record<string, () => void> = { '[': () => go(replay.at - 1), ']': () => go(replay.at + 1), Home: () => go(0), End: () => go(last) };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      move();
    }
  };
  window.addEventListener('keydown', onKey);

  append(
    bar,
    h('span', { class: 'eyebrow' }, 'Replay'),
    first,
    back,
    playButton,
    forward,
    end,
    jump,
    speedSelect,
    button('Turn report', () => actions.report(), { class: 'small ghost' }),
    button('Charts', () => openAfterActionOverlay(root, session), { class: 'small ghost', title: 'The after-action report: the charts of the whole game, and its turning points' }),
    button('Close', () => actions.exit(), { class: 'small ghost' }),
    status,
  );
  if (replay.note) bar.append(h('span', { class: 'replay-note small muted', title: replay.note }, replay.note));
  root.appendChild(landmark);
  render();
  return {
    destroy() {
      if (timer !== null) clearInterval(timer);
      window.removeEventListener('keydown', onKey);
      landmark.remove();
    },
  };
}
