// Opens the after-action report over the replay viewer: a panel with the charts of the whole
// game (every frame of the replay) and, when a person played it, its turning points. The report
// itself (src/ui/aar.ts, with uPlot) is fetched on the first click.
import type { GameSession } from '../game/session.ts';
import { isRtl, langTag, t } from '../i18n/index.ts';
import { button, h, } from './dom.ts';

/** During play (`during`), the charts of the war so far through the player's eyes, and no turning points. */
export function openAfterActionOverlay(root: HTMLElement, session: GameSession, options: { during?: boolean } = {}): void {
  if (root.querySelector('.aar-overlay')) return;
  const previous = document.activeElement as HTMLElement | null;
  const body = h('div', { class: 'aar-overlay-body aar' }, h('p', { class: 'small muted aar-loading' }, t('ending.aar.loadingCharts')));
  let destroy: () => void = () => {};
  const close = () => {
    destroy();
    panel.remove();
    window.removeEventListener('keydown', onKey, true);
    previous?.focus({ preventScroll: true });
  };
  const closeButton = button(t('ending.aar.close'), close, { class: 'small ghost' });
  const panel = h(
    'div',
    { class: 'panel aar-overlay', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'aar-overlay-title' },
    h('div', { class: 'aar-overlay-head' }, h(
        'h2',
        { id: 'aar-overlay-title' },
        t(options.during ? 'ending.aar.soFar' : 'ending.aar.reportTitle'),
        h('span', null, session.scenario.title),
        options.during ? null : t('ending.aar.reportSeed', { seed: session.seed }),
      ), closeButton),
    body,
  );
  // Its words are the catalogues': marked with the page's language, over a layer that may not be translated yet.
  panel.lang = langTag();
  panel.dir = isRtl() ? 'rtl' : 'ltr';
  // Keys go to the report while it is open: the game's shortcuts (Enter ends the turn, the
  // arrows pan the map) do not reach the page behind it. Their own default actions (Tab, a
  // button's Enter) still work inside the report.
  const onKey = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };
  window.addEventListener('keydown', onKey, true);
  root.appendChild(panel);
  closeButton.focus({ preventScroll: true });
  void import('./aar.ts').then(
    (m) => {
      body.querySelector('.aar-loading')?.remove();
      if (!panel.isConnected) return;
      try {
        const source = m.sourceOf(session);
        destroy = options.during ? m.mountAfterAction(body, source, { turning: false, fog: true }) : m.mountAfterAction(body, source, { turning: source.humans.includes(source.role) });
      } catch (error) {
        body.append(h('p', { class: 'small muted' }, t('ending.aar.chartsFailed', { message: (error as Error).message })));
      }
    },
    () => {
      const note = body.querySelector('.aar-loading');
      if (note) note.textContent = t('ending.aar.chartsNotLoaded');
    },
  );
}
