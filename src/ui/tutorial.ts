// The tutorial overlay: a tutorial scenario's steps (levels/scenarios/tutorial.json, "tutorial")
// shown one at a time over the map — which step, what to do, what to look at — each advancing
// when the player has done what it asks. It reads what the player did; it holds no rules and
// gives no orders.

import { t } from '../i18n/index.ts';
import type { Order, TutorialGoal, TutorialStep, TutorialTarget } from '../sim/types.ts';
import { button, h, } from './dom.ts';

/** What the player has done so far, as the overlay sees it. */
export interface TutorialProgress {
  /** The place selected now. */
  selected: string | null;
  /** Orders queued for this turn. */
  queued: readonly Order[];
  /** The turn being played. */
  turn: number;
  /** Things done since the current step began (the Report button, the glossary). */
  done: ReadonlySet<'report' | 'glossary'>;
}

/** The places an order is given at or aimed against. */
export function orderPlaces(o: Order): string[] {
  const places: string[] = [];
  for (const key of ['place', 'target', 'from', 'to'] as const) {
    const v = (o as unknown as Record<string, unknown>)[key];
    if (typeof v === 'string') places.push(v);
  }
  return places;
}

/** Whether a step's goal has been reached ("next" is reached only by its button). */
export function goalReached(goal: TutorialGoal, p: TutorialProgress): boolean {
  switch (goal.kind) {
    case 'next':
      return false;
    case 'select':
      return p.selected === goal.place;
    case 'queue':
      return p.queued.some((o) => o.kind === goal.order && (!goal.place || orderPlaces(o).includes(goal.place)));
    case 'turn':
      return p.turn >= goal.turn;
    case 'report':
      return p.done.has('report');
    case 'glossary':
      return p.done.has('glossary');
  }
}

/** What to do, in a few words, under the step's text. */
export function goalHint(goal: TutorialGoal, placeName: (id: string) => string): string {
  switch (goal.kind) {
    case 'next':
      return t('game.tut.next');
    case 'select':
      return t('game.tut.select', { place: placeName(goal.place) });
    case 'queue':
      return goal.place ? t('game.tut.queueAt', { place: placeName(goal.place) }) : t('game.tut.queue');
    case 'turn':
      return t('game.tut.turn');
    case 'report':
      return t('game.tut.report');
    case 'glossary':
      return t('game.tut.glossary');
  }
}

/**
 * The step to show when a tutorial game is opened at a later turn (Continue, a link): the one
 * after the last step that asks to reach a turn already reached.
 */
export function resumeIndex(steps: readonly TutorialStep[], turn: number): number {
  let index = 0;
  steps.forEach((s, i) => {
    if (s.goal.kind === 'turn' && s.goal.turn <= turn) index = i + 1;
  });
  return index;
}

/** Where each highlight target is on the game screen (src/ui/hud.ts marks them with data-hook, whatever the language). */
function findTarget(root: HTMLElement, target: TutorialTarget): HTMLElement | null {
  const hook = (name: string) => root.querySelector<HTMLElement>(`[data-hook="${name}"]`);
  switch (target) {
    case 'end-turn':
      return hook('end-turn');
    case 'orders':
      return hook('orders');
    case 'queue':
      return hook('queue');
    case 'national-tab':
      return hook('national-tab');
    case 'report-button':
      return hook('report');
    case 'glossary-button':
      return hook('glossary');
    case 'indicators':
      return root.querySelector('#panel-indicators');
  }
}

export interface TutorialHooks {
  /** Highlights places on the map (an empty list clears). */
  highlightPlaces(ids: string[]): void;
  placeName(id: string): string;
}

export class TutorialOverlay {
  private index = 0;
  private done = new Set<'report' | 'glossary'>();
  private last: TutorialProgress;
  private readonly box: HTMLElement;
  private readonly observer: MutationObserver;
  private marked: HTMLElement | null = null;
  private scheduled = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly steps: readonly TutorialStep[],
    private readonly hooks: TutorialHooks,
    start: TutorialProgress,
  ) {
    this.last = start;
    this.index = resumeIndex(steps, start.turn);
    this.box = h('section', { class: 'panel tutorial', role: 'region', 'aria-label': t('game.tut.label'), 'aria-live': 'polite' });
    root.append(this.box);
    // The panels redraw often: put the highlight back on whatever now stands for the target.
    this.observer = new MutationObserver(() => this.scheduleMark());
    this.observer.observe(root, { childList: true, subtree: true });
    this.render();
    this.update(start);
  }

  /** The step on screen (null once the tutorial is over). */
  current(): TutorialStep | null {
    return this.steps[this.index] ?? null;
  }

  /** Height of the overlay, so that the map can keep clear of it. */
  height(): number {
    return this.current() ? this.box.getBoundingClientRect().height + 10 : 0;
  }

  /** Something the player did that the game state does not show. */
  notice(what: 'report' | 'glossary'): void {
    this.done.add(what);
    this.update(this.last);
  }

  /** Called whenever the game or the selection changes. */
  update(progress: TutorialProgress): void {
    this.last = progress;
    let moved = false;
    for (let step = this.current(); step && goalReached(step.goal, { ...progress, done: this.done }); step = this.current()) {
      this.index++;
      this.done = new Set();
      moved = true;
    }
    if (moved) this.render();
  }

  private next(): void {
    this.index++;
    this.done = new Set();
    this.render();
    this.update(this.last);
  }

  private render(): void {
    const step = this.current();
    this.box.replaceChildren();
    if (!step) {
      this.box.hidden = true;
      this.unmark();
      this.hooks.highlightPlaces([]);
      this.observer.disconnect();
      return;
    }
    const last = this.index === this.steps.length - 1;
    const dots = h(
      'div',
      { class: 'tutorial-dots', 'aria-hidden': 'true' },
      ...this.steps.map((_, i) => h('i', { class: i < this.index ? 'done' : i === this.index ? 'now' : '' })),
    );
    this.box.append(
      h('div', { class: 'tutorial-head' }, h('span', { class: 'eyebrow' }, t('game.tut.step', { n: this.index + 1, of: this.steps.length })), dots),
      // A step's title and text are scenario content: English for now.
      h('h3', null, step.title),
      h('p', null, step.text),
      h(
        'div',
        { class: 'tutorial-foot' },
        h('span', { class: 'small muted tutorial-todo' }, last && step.goal.kind === 'next' ? t('game.tut.rest') : goalHint(step.goal, this.hooks.placeName)),
        step.goal.kind === 'next' ? button(last ? t('game.tut.finish') : t('game.tut.nextButton'), () => this.next(), { class: 'primary small' }) : null,
      ),
    );
    this.box.dataset.step = step.id;
    this.hooks.highlightPlaces(step.place ? [step.place] : step.goal.kind === 'select' ? [step.goal.place] : []);
    this.mark();
  }

  private scheduleMark(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.mark();
    });
  }

  private mark(): void {
    const step = this.current();
    const el = step?.highlight ? findTarget(this.root, step.highlight) : null;
    if (el === this.marked && el?.classList.contains('tutorial-highlight')) return;
    this.unmark();
    if (el) {
      el.classList.add('tutorial-highlight');
      this.marked = el;
    }
  }

  private unmark(): void {
    this.marked?.classList.remove('tutorial-highlight');
    this.marked = null;
  }

  destroy(): void {
    this.observer.disconnect();
    this.unmark();
    this.box.remove();
  }
}
