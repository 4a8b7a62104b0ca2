// The replay viewer's controls, over the ordinary game screen in read-only mode: step back
// and forward, jump to a turn, play at a chosen speed. The map and the panels show the
// session's frame (GameSession.showFrame); this bar only picks which one.
import type { GameSession } from '../game/session.ts';
import { fmtDate, fmtNumber, t } from '../i18n/index.ts';
import { openAfterActionOverlay } from './aar-open.ts';
import { append, button, clear, h, } from './dom.ts';

export interface ReplayBarActions {
  /** The turn report of the frame on screen. */
  report(): void;
  exit(): void;
}

/** Seconds per turn when playing. */
export const REPLAY_SPEEDS: readonly { ms: number }[] = [{ ms: 500 }, { ms: 1000 }, { ms: 2000 }, { ms: 4000 }];

export function mountReplayBar(root: HTMLElement, session: GameSession, actions: ReplayBarActions): { destroy(): void } {
  const replay = session.replay;
  if (!replay) throw new Error('mountReplayBar needs a replay session');
  const last = replay.frames.length - 1;
  let timer: ReturnType<typeof setInterval> | null = null;
  let speed = 1000;

  // A region (a landmark) holding the toolbar: everything on the page sits in a landmark.
  const bar = h('div', { class: 'panel replay-bar', role: 'toolbar', 'aria-label': t('game.replay.controls') });
  const landmark = h('section', { class: 'replay-landmark', 'aria-label': t('game.stat.replay') }, bar);
  const status = h('span', { class: 'replay-status', 'aria-live': 'polite' });
  const jump = h('select', { 'aria-label': t('game.replay.jump'), class: 'replay-jump' });
  for (let n = 0; n <= last; n++) {
    const frame = replay.frames[n];
    const label = n === 0 ? t('game.replay.startAt', { date: fmtDate(frame?.state.date ?? '') }) : t('game.replay.afterAt', { n, date: fmtDate(frame?.state.date ?? '') });
    jump.append(h('option', { value: String(n) }, label));
  }
  const speedSelect = h('select', { 'aria-label': t('game.replay.speed'), class: 'replay-speed' });
  for (const s of REPLAY_SPEEDS) speedSelect.append(h('option', { value: String(s.ms) }, t('game.replay.perTurn', { s: fmtNumber(s.ms / 1000, { maximumFractionDigits: 1 }) })));
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
  const first = button(t('game.replay.start'), () => go(0), { class: 'small', 'aria-label': t('game.replay.toStart'), title: t('game.replay.toStartTitle') });
  // The arrows point back and forward in time, which runs in the reading direction.
  const back = button('◀', () => go(replay.at - 1), { class: 'small replay-arrow', 'aria-label': t('game.replay.back'), title: t('game.replay.backTitle') });
  const playButton = button(t('game.replay.play'), () => (timer === null ? start() : stop()), { class: 'small primary replay-play' });
  const forward = button('▶', () => go(replay.at + 1), { class: 'small replay-arrow', 'aria-label': t('game.replay.forward'), title: t('game.replay.forwardTitle') });
  const end = button(t('game.replay.end'), () => go(last), { class: 'small', 'aria-label': t('game.replay.toEnd'), title: t('game.replay.toEndTitle') });
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
    playButton.textContent = timer === null ? t('game.replay.play') : t('game.replay.pause');
    jump.value = String(at);
    clear(status);
    append(status, t('game.replay.status', { seed: String(session.seed), at, last }));
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
    h('span', { class: 'eyebrow' }, t('game.stat.replay')),
    first,
    back,
    playButton,
    forward,
    end,
    jump,
    speedSelect,
    button(t('game.replay.report'), () => actions.report(), { class: 'small ghost' }),
    button(t('game.replay.charts'), () => openAfterActionOverlay(root, session), { class: 'small ghost', title: t('game.replay.chartsTitle') }),
    button(t('game.close'), () => actions.exit(), { class: 'small ghost' }),
    status,
  );
  // The note written into the replay file: English (or whatever its author wrote).
  if (replay.note) {
    // The note is what the replay's maker wrote, in their language: its own direction.
    const note = h('span', { class: 'replay-note small muted', title: replay.note }, replay.note);
    note.dir = 'auto';
    bar.append(note);
  }
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
