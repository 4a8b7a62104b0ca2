// The game screen's DOM layer: top bar, left column (indicators), right column (the
// selected place, the orders the player may give with their preview, the queue), legend
// and zoom buttons. It reads the session and sends orders to it; it never changes state.
import { type ForceSide, forcesAt, seenFormations, strengthText } from '../game/fog.ts';
import type { PlaySession } from '../game/play-session.ts';
import { orderKey } from '../game/session.ts';
import { settings, sfx } from '../game/settings.ts';
import { actorName, fmtNumber, placeName, t } from '../i18n/index.ts';
import type { CeasefireTerms, Order, OrderPreview, PlaceDef, ReportMessage } from '../sim/types.ts';
import { announce } from './announce.ts';
import { isolate } from './bidi.ts';
import { append, button, clear, h, keepFocus, untranslated } from './dom.ts';
import { modalOpen } from './modals.ts';
import { spanText } from './news.ts';
import { describeOrder, describeOrderText, groupOrders, nationalOrders, orderPlaces, ordersAt, TERM_NAMES } from './orders.ts';
import { eventSpan, eventText, messageText } from './report-text.ts';
import { roleShortText, sideOf } from './roles.ts';
import { renderSidebar } from './sidebar.ts';
import { shortPlaceName } from './texts.ts';

export interface HudCallbacks {
  selectPlace(id: string | null): void;
  endTurn(): void;
  exit(): void;
  glossary(): void;
  lastReport(): void;
  highlight(places: string[]): void;
  zoom(direction: 1 | -1): void;
  decide(): void;
  /** The list of every place (L): the map as text, and a way to any place from the keyboard. */
  places(): void;
  /** The keyboard shortcuts (?). */
  shortcuts(): void;
  /** Frames Greater Tripoli, or the whole country again (absent on maps without it). */
  closeUp?: () => boolean;
  /** The panels moved (a sheet opened or closed on a small screen): the map's free area changed. */
  layoutChanged?: () => void;
  /** What the Menu button does, in its tooltip (default: back to the menu, the game saved). */
  menuTitle?: string;
}

/** On a small screen one panel at a time shows, as a sheet over the bottom of the map. */
type Sheet = 'orders' | 'indicators' | 'none';

/** Below this width (or height) the side panels become sheets (style.css has the same figures). */
export const SHEET_QUERY = '(max-width: 900px), (max-height: 500px)';

type Tab = 'place' | 'national';

const KINDS = new Set(['regular', 'militia', 'mercenary', 'foreign-troops', 'extremist']);
const kindName = (kind: string): string => (KINDS.has(kind) ? t(`game.kind.${kind}`) : kind);

/** A side of the forces at a place, by name (the unaligned ones as "Local / unaligned"). */
const sideName = (side: ForceSide): string => (side === 'none' ? t('game.side.none') : actorName(side));

/** An order in the player's language; an event's choice (scenario content) in English. */
const orderText = (o: Order, s: PlaySession['scenario']): string => describeOrderText(o, s) ?? describeOrder(o, s);

/** An order as a span: in the player's language, or English marked lang=en (an event's choice). */
function orderLabel(o: Order, s: PlaySession['scenario'], attrs: { class?: string } = {}): HTMLElement {
  const text = describeOrderText(o, s);
  return text === null ? english(describeOrder(o, s), 'span', attrs) : h('span', attrs, text);
}

/** A place's name as the panels show it (in the player's language). */
export const placeLabel = (p: PlaceDef): string => placeName(p.id, p.name);

/** English with no translation (an event's choice, scenario content), in an element marked lang=en dir=ltr. */
const english = (text: string, tag: 'span' | 'p' | 'div' | 'li' = 'span', attrs: Parameters<typeof h>[1] = null): HTMLElement => untranslated(h(tag, attrs, text));

/** The core's words about an order (why it is refused, its preview's lines, a warning): its message code told in the player's language. */
function coreText(msg: ReportMessage, scenario: PlaySession['scenario'] | null, tag: 'span' | 'p' | 'div' | 'li' = 'span', attrs: Parameters<typeof h>[1] = null): HTMLElement {
  return h(tag, attrs, messageText(msg, scenario));
}

export class Hud {
  private readonly session: PlaySession;
  private readonly cb: HudCallbacks;
  private readonly topbar = h('header', { class: 'topbar', tabIndex: -1 });
  private readonly left = h('aside', { class: 'sidebar left panel scroll', 'aria-label': t('game.panel.indicators'), tabIndex: 0 });
  private readonly right = h('aside', { class: 'sidebar right', 'aria-label': t('game.panel.orders') });
  private readonly main = h('section', { class: 'panel box grow scroll', 'aria-label': t('game.panel.orders') });
  /** The tabs and the place picker stay while the panel below them is redrawn, so the keyboard's focus stays on them. */
  private readonly tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('game.tabs') });
  private readonly tabPlace = h('button', { type: 'button', class: 'tab', role: 'tab', id: 'tab-place', 'aria-controls': 'tab-panel', 'data-focus-key': 'tab:place' });
  private readonly tabNational = h('button', { type: 'button', class: 'tab', role: 'tab', id: 'tab-national', 'aria-controls': 'tab-panel', 'data-focus-key': 'tab:national' });
  private readonly picker = h('select', { class: 'place-picker', 'aria-label': t('game.goToPlace'), 'data-focus-key': 'picker' });
  private readonly body = h('div', { class: 'tab-panel', role: 'tabpanel', id: 'tab-panel', tabIndex: -1 });
  private readonly queueBox = h('section', { class: 'panel box', 'aria-label': t('game.ordersThisTurn'), 'data-hook': 'queue', tabIndex: -1 });
  private readonly endButton: HTMLButtonElement;
  private readonly tip = h('div', { class: 'map-tip panel', role: 'tooltip' });
  /** The place the card shows and the card's size, while it shows: moving over the same place only moves it. */
  private tipFor: { id: string; width: number; height: number } | null = null;
  private tab: Tab = 'national';
  private place: string | null = null;
  /** The order whose preview is open, by key. */
  private openOrder: string | null = null;
  private terms: CeasefireTerms | null = null;
  private busy = false;
  private topbarSize: ResizeObserver | null = null;
  private readonly root: HTMLElement;
  private sheet: Sheet = 'none';
  private readonly sheetButtons = new Map<Sheet, HTMLButtonElement>();
  /** Hot-seat: the screen is being passed; nothing of any role's view is drawn. */
  private concealed = false;
  /** The Greater Tripoli toggle, when the map has it. */
  closeUpButton: HTMLButtonElement | null = null;

  constructor(root: HTMLElement, session: PlaySession, cb: HudCallbacks) {
    this.session = session;
    this.cb = cb;
    this.endButton = button(t('game.endTurn'), () => this.cb.endTurn(), { class: 'primary end-turn', title: t('game.endTurnTitle'), 'data-hook': 'end-turn', 'aria-keyshortcuts': 'Enter', 'data-focus-home': '', 'data-focus-key': 'top:end' });
    this.right.append(this.main, this.queueBox);
    this.buildNav();
    const zoom = h(
      'div',
      { class: 'zoom-ctl' },
      button('+', () => this.cb.zoom(1), { 'aria-label': t('game.zoomIn'), title: t('game.zoomIn') }),
      button('−', () => this.cb.zoom(-1), { 'aria-label': t('game.zoomOut'), title: t('game.zoomOut') }),
    );
    if (cb.closeUp) {
      const close = cb.closeUp;
      const toggle: HTMLButtonElement = button(t('game.closeUp'), () => toggle.setAttribute('aria-pressed', String(close())), {
        class: 'close-up',
        'aria-pressed': 'false',
        'aria-label': t('game.closeUpLabel'),
        title: t('game.closeUpTitle'),
      });
      zoom.prepend(toggle);
      this.closeUpButton = toggle;
    }
    this.tip.hidden = true;
    this.root = root;
    this.left.id = 'panel-indicators';
    this.right.id = 'panel-orders';
    root.append(this.topbar, this.left, this.right, legend(), zoom, this.tip, this.sheetBar());
    this.setSheet('none');
    // The top bar may wrap (large text, a narrow window): the panels start below it.
    if (typeof ResizeObserver === 'function') {
      this.topbarSize = new ResizeObserver(() => {
        const height = Math.ceil(this.topbar.getBoundingClientRect().height);
        if (height > 0) root.style.setProperty('--topbar-h', `${height}px`);
        this.cb.layoutChanged?.();
      });
      this.topbarSize.observe(this.topbar);
    }
    this.render();
  }

  /** Hot-seat: empties every panel (and keeps them empty) while the screen is passed on. */
  conceal(): void {
    this.concealed = true;
    this.place = null;
    this.openOrder = null;
    this.tip.hidden = true;
    this.tipFor = null;
    // The tabs and the picker stay (they are made once) but show nothing of the last view.
    for (const el of [this.topbar, this.left, this.body, this.queueBox]) clear(el);
    this.tabPlace.textContent = t('game.place');
    this.picker.value = '';
    this.main.hidden = true;
  }

  /** The person taking the seat is ready: draw their view. */
  reveal(): void {
    this.concealed = false;
    this.main.hidden = false;
    this.tab = 'national';
    this.render();
  }

  /** Screen space the panels cover, for the map camera. */
  insets(): { top: number; right: number; bottom: number; left: number } {
    const top = this.topbar.getBoundingClientRect().bottom;
    if (this.small()) {
      // Sheets cover the bottom of the map: what is left above them is the map's.
      const open = this.sheet === 'orders' ? this.right : this.sheet === 'indicators' ? this.left : this.root.querySelector<HTMLElement>('.sheet-bar');
      const sheetTop = open?.getBoundingClientRect().top ?? window.innerHeight;
      return { top, left: 0, right: 0, bottom: Math.max(0, window.innerHeight - sheetTop) };
    }
    // The panels swap sides in a right-to-left language: each covers the side it stands on.
    let left = 0;
    let right = 0;
    for (const panel of [this.left, this.right]) {
      const r = panel.getBoundingClientRect();
      if (r.left + r.right < window.innerWidth) left = Math.max(left, r.right);
      else right = Math.max(right, window.innerWidth - r.left);
    }
    return { top, left, right, bottom: 0 };
  }

  private small(): boolean {
    return typeof matchMedia === 'function' && matchMedia(SHEET_QUERY).matches;
  }

  /** The buttons that open the sheets on a small screen (hidden on a large one). */
  private sheetBar(): HTMLElement {
    const bar = h('nav', { class: 'sheet-bar panel', 'aria-label': t('game.sheets') });
    for (const [sheet, label, controls] of [
      ['orders', t('game.sheet.orders'), 'panel-orders'],
      ['indicators', t('game.panel.indicators'), 'panel-indicators'],
    ] as const) {
      const b = button(label, () => this.setSheet(this.sheet === sheet ? 'none' : sheet), { class: 'small', 'aria-controls': controls, 'aria-expanded': 'false' });
      this.sheetButtons.set(sheet, b);
      bar.append(b);
    }
    return bar;
  }

  /** Opens one sheet (or none) on a small screen; on a large one both panels always show. */
  setSheet(sheet: Sheet): void {
    this.sheet = sheet;
    this.root.dataset.sheet = sheet;
    for (const [key, b] of this.sheetButtons) {
      b.setAttribute('aria-expanded', String(key === sheet));
      b.classList.toggle('primary', key === sheet);
    }
    this.cb.layoutChanged?.();
  }

  /** A short card by the pointer for the place under it (null hides it). */
  hover(id: string | null, x: number, y: number): void {
    const p = id && !this.concealed ? this.session.scenario.map.places.find((q) => q.id === id) : undefined;
    if (!p) {
      if (this.tipFor || !this.tip.hidden) this.tip.hidden = true;
      this.tipFor = null;
      return;
    }
    if (this.tipFor?.id === p.id) {
      this.placeTip(x, y, this.tipFor.width, this.tipFor.height);
      return;
    }
    const controller = this.session.state.places[p.id]?.controller ?? 'local';
    const forces = forcesAt(p.id, seenFormations(this.session));
    clear(this.tip);
    append(
      this.tip,
      h('div', { class: 'tip-name' }, h('i', { class: `side-mark ${controller}`, 'aria-hidden': 'true' }), placeLabel(p)),
      h('div', { class: 'small muted' }, controller === 'local' ? t('game.heldLocal') : t('game.heldBy', { side: actorName(controller), id: controller })),
      ...forces.map((f) => h('div', { class: 'small' }, t('game.forceLine', { side: sideName(f.side), strength: isolate(strengthText(f)) }))),
    );
    this.tip.hidden = false;
    this.tipFor = { id: p.id, width: this.tip.offsetWidth, height: this.tip.offsetHeight };
    this.placeTip(x, y, this.tipFor.width, this.tipFor.height);
  }

  private placeTip(x: number, y: number, w: number, height: number): void {
    const left = x + 18 + w > window.innerWidth ? x - 18 - w : x + 18;
    this.tip.style.left = `${left}px`;
    this.tip.style.top = `${Math.min(y + 14, window.innerHeight - height - 8)}px`;
  }

  selectPlace(id: string | null): void {
    this.place = id;
    this.tab = id ? 'place' : 'national';
    this.openOrder = null;
    this.renderMain();
    // On a small screen the place's panel comes up as a sheet.
    if (id && this.small() && this.sheet !== 'orders') this.setSheet('orders');
    const p = id ? this.session.scenario.map.places.find((q) => q.id === id) : undefined;
    if (p) announce(placeSummary(this.session, p));
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    this.renderTopbar();
    this.renderMain();
  }

  render(): void {
    if (this.concealed) return;
    // The state may have changed: the place card is made afresh next time.
    this.tipFor = null;
    this.renderTopbar();
    renderSidebar(this.left, this.session);
    this.renderMain();
    this.renderQueue();
  }

  private renderTopbar(): void {
    keepFocus(this.topbar, () => this.fillTopbar());
  }

  private fillTopbar(): void {
    const s = this.session;
    const state = s.state;
    const used = s.budgetUsed;
    const budget = s.budget;
    const pips = h('span', { class: 'budget-pips', 'aria-hidden': 'true' });
    for (let i = 0; i < budget; i++) pips.append(h('i', { class: i < used ? 'used' : '' }));
    // A replay is watched, not played: it asks for no decision.
    const pending = s.readOnly ? [] : state.pending.filter((p) => p.role === s.role && !s.queued.some((o) => o.kind === 'event-choice' && o.event === p.event));
    clear(this.topbar);
    append(
      this.topbar,
      h(
        'h1',
        { class: 'brand' },
        h('i', { class: `side-mark ${sideOf(s.scenario, s.role) ?? 'none'}`, 'aria-hidden': 'true' }),
        h('span', null, roleShortText(s.scenario, s.role)),
        ' · ',
        // The scenario's title is scenario content: English for now.
        h('span', null, s.scenario.title),
      ),
      stat(t('game.stat.date'), spanText(state.date, s.scenario.turnDays)),
      stat(t('game.stat.turn'), t('game.turnOf', { turn: state.turn, turns: s.scenario.turns })),
      // A replay says it is one; the orders given in the turn watched are listed in the orders panel, not as a budget to spend.
      s.replay
        ? h('div', { class: 'stat replay-badge' }, h('span', { class: 'k' }, t('game.stat.replay')), h('span', { class: 'v' }, t('game.replayWatching')))
        : h('div', { class: 'stat' }, h('span', { class: 'k' }, t('game.stat.orders')), h('span', { class: 'v' }, t('game.usedOf', { used, budget }), pips)),
      h('div', { class: 'spacer' }),
      pending.length ? button(t('game.decisionWaiting', { n: pending.length }), () => this.cb.decide(), { class: 'small', 'data-focus-key': 'top:decide' }) : null,
      button(t('game.report'), () => this.cb.lastReport(), { class: 'ghost small', disabled: s.reports.length === 0 && s.opening.events.length === 0, title: t('game.reportTitle'), 'aria-keyshortcuts': 'R', 'data-focus-key': 'top:report', 'data-hook': 'report' }),
      button(t('game.glossary'), () => this.cb.glossary(), { class: 'ghost small', title: t('game.glossaryTitle'), 'aria-keyshortcuts': 'G', 'data-focus-key': 'top:glossary', 'data-hook': 'glossary' }),
      button(t('game.keys'), () => this.cb.shortcuts(), { class: 'ghost small', title: t('game.keysTitle'), 'aria-keyshortcuts': 'Shift+?', 'data-focus-key': 'top:keys' }),
      button(t('game.menu'), () => this.cb.exit(), { class: 'ghost small', title: this.cb.menuTitle ?? t('game.menuTitle'), 'data-focus-key': 'top:menu' }),
      this.endButton,
    );
    // At a classroom table, a seat that has ended the turn waits for the others.
    this.endButton.disabled = this.busy || !!state.ending || s.readOnly || s.waiting;
    // A replay is watched, not played: its bar (src/ui/replay-bar.ts) takes the turn controls.
    this.endButton.hidden = s.readOnly;
    const warned = s.readOnly ? 0 : s.warnings.length;
    this.endButton.title = warned ? t('game.endTurnWarned', { n: warned }) : t('game.endTurnTitle');
    // Hot-seat: a person before the last hands the screen on; the last one ends the turn.
    const next = s.readOnly ? null : s.nextSeat;
    this.endButton.textContent = this.busy ? t('game.resolving') : s.waiting ? t('game.turnEnded') : next ? t('game.passTo', { role: roleShortText(s.scenario, next) }) : t('game.endTurn');
    if (!this.busy && !s.waiting) this.endButton.append(h('span', { class: 'kbd' }, '↵'));
  }

  private renderQueue(): void {
    keepFocus(this.queueBox, () => this.fillQueue());
  }

  private fillQueue(): void {
    const s = this.session;
    clear(this.queueBox);
    if (s.replay) {
      const given = (s.replay.orders[s.replay.at] ?? []).filter((o) => o.actor === s.role);
      append(this.queueBox, h('h2', null, t('game.givenThisTurn'), h('span', { class: 'count' }, fmtNumber(given.length))));
      if (given.length === 0) this.queueBox.append(h('p', { class: 'empty' }, s.replay.at >= s.replay.orders.length ? t('game.replayEnds') : t('game.none')));
      for (const order of given) this.queueBox.append(h('div', { class: 'queue-item' }, orderLabel(order, s.scenario)));
      return;
    }
    append(this.queueBox, h('h2', null, t('game.ordersThisTurn'), h('span', { class: 'count' }, t('game.usedOf', { used: s.budgetUsed, budget: s.budget }))));
    if (s.queued.length === 0) {
      this.queueBox.append(h('p', { class: 'empty' }, t('game.noOrdersYet')));
      return;
    }
    // What the rules will do to these orders that their previews alone do not show.
    const warnings = s.warnings;
    s.queued.forEach((order, i) => {
      const cancel = button('×', () => {
        s.cancel(i);
        this.render();
        announce(t('game.cancelled', { order: orderText(order, s.scenario), used: s.budgetUsed, budget: s.budget }));
      }, { class: 'ghost icon', 'aria-label': t('game.cancelLabel', { order: orderText(order, s.scenario) }), title: t('game.cancelTitle'), 'data-focus-key': `cancel:${i}` });
      const mine = warnings.filter((w) => w.order === i);
      const item = h(
        'div',
        { class: mine.length ? 'queue-item warned' : 'queue-item' },
        h('span', null, orderLabel(order, s.scenario, { class: 'queue-order' }), ...mine.map((w) => h('span', { class: 'queue-warning', 'data-kind': w.kind }, h('b', { 'aria-hidden': 'true' }, '⚠ '), h('span', { class: 'sr-only' }, t('game.warning')), coreText(w.msg, s.scenario)))),
        // A seat that has ended the turn at a classroom table can no longer change its orders.
        s.waiting ? null : cancel,
      );
      item.addEventListener('mouseenter', () => this.cb.highlight(orderPlaces(order, s.state)));
      item.addEventListener('mouseleave', () => this.cb.highlight([]));
      this.queueBox.append(item);
    });
  }

  /**
   * The tabs (arrow keys move between them, as in any tab list) and the place picker, made
   * once. The picker is a plain select outside the tab list: arrowing or typing in it opens
   * each place in turn while the focus stays on it ("Tarh" reaches Tarhuna).
   */
  private buildNav(): void {
    const pick = (tab: Tab) => {
      if (tab === 'place' && !this.place) return;
      this.tab = tab;
      this.openOrder = null;
      this.renderMain();
    };
    this.tabPlace.addEventListener('click', () => pick('place'));
    this.tabNational.addEventListener('click', () => pick('national'));
    this.tabs.addEventListener('keydown', (e) => {
      // Shift+arrows belong to the map (from place to place).
      if (e.shiftKey || !['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
      e.preventDefault();
      e.stopPropagation();
      const next = e.key === 'Home' || (e.key !== 'End' && this.tab === 'national') ? 'place' : 'national';
      if (next === 'place' && !this.place) return;
      pick(next);
      (next === 'place' ? this.tabPlace : this.tabNational).focus();
    });
    this.tabNational.textContent = t('game.national');
    this.tabNational.dataset.hook = 'national-tab';
    this.tabs.append(this.tabPlace, this.tabNational);
    this.picker.append(h('option', { value: '' }, t('game.goToPlaceOption')));
    const collator = new Intl.Collator(document.documentElement.lang || 'en');
    const byName = [...this.session.scenario.map.places].map((p) => ({ id: p.id, name: placeLabel(p) })).sort((a, b) => collator.compare(a.name, b.name));
    for (const p of byName) this.picker.append(h('option', { value: p.id }, p.name));
    this.picker.addEventListener('change', () => this.cb.selectPlace(this.picker.value || null));
    const all = button(t('game.allPlaces'), () => this.cb.places(), { class: 'ghost small', title: t('game.allPlacesTitle'), 'aria-keyshortcuts': 'L' });
    this.main.append(this.tabs, h('div', { class: 'place-row' }, this.picker, all), this.body);
  }

  private renderMain(): void {
    const s = this.session;
    const placeDef = this.place ? s.scenario.map.places.find((p) => p.id === this.place) : undefined;
    const tab = this.tab === 'place' && placeDef ? 'place' : 'national';
    this.tabPlace.textContent = placeDef ? shortPlaceName(placeLabel(placeDef)) : t('game.place');
    this.tabPlace.disabled = !placeDef;
    for (const [b, t] of [[this.tabPlace, 'place'], [this.tabNational, 'national']] as const) {
      b.setAttribute('aria-selected', String(tab === t));
      b.tabIndex = tab === t ? 0 : -1;
    }
    this.body.setAttribute('aria-labelledby', tab === 'place' ? 'tab-place' : 'tab-national');
    if (this.picker.value !== (this.place ?? '')) this.picker.value = this.place ?? '';
    keepFocus(this.body, () => this.fillMain(placeDef));
  }

  private fillMain(placeDef: PlaceDef | undefined): void {
    const s = this.session;
    clear(this.body);

    const legal = this.busy ? [] : s.legalOrders();
    if (this.tab === 'place' && placeDef) {
      this.renderPlace(placeDef);
      this.renderOrders(ordersAt(legal, placeDef.id, s.state), t('game.ordersAt', { place: placeLabel(placeDef) }));
    } else {
      const pending = s.state.pending.filter((p) => p.role === s.role && !s.queued.some((o) => o.kind === 'event-choice' && o.event === p.event));
      if (pending.length) {
        this.body.append(
          h('div', { class: 'notice info', style: 'margin-bottom:10px' }, `${t('game.decisionsWait', { n: pending.length })} `, button(t('game.decide'), () => this.cb.decide(), { class: 'small' })),
        );
      }
      this.renderOrders(nationalOrders(legal, s.state), t('game.nationalOrders'));
      if (!placeDef) this.body.append(h('p', { class: 'small muted', style: 'margin-top:10px' }, t('game.selectHint')));
    }
  }

  private renderPlace(p: PlaceDef): void {
    const s = this.session;
    const ps = s.state.places[p.id];
    const controller = ps?.controller ?? 'local';
    const controllerName = controller === 'local' ? t('game.localForces') : actorName(controller);
    const tags = h('div', { class: 'tags' }, ...p.tags.map((tag) => h('span', { class: 'tag' }, tagName(tag))));
    if (ps?.siegedBy) tags.append(h('span', { class: 'tag warn' }, t('game.besiegedBy', { side: actorName(ps.siegedBy), id: ps.siegedBy })));
    if (ps?.shut) tags.append(h('span', { class: 'tag warn' }, t('game.shut')));
    if (ps && ps.damage > 0) tags.append(h('span', { class: 'tag warn' }, t('game.damage', { n: ps.damage })));

    const facts: string[] = [];
    facts.push(regionName(p.region));
    if (p.population > 0) facts.push(t('game.population', { n: fmtNumber(p.population) }));
    if (p.oilCapacity) facts.push(t('game.oilCapacity', { n: fmtNumber(p.oilCapacity) }));
    if (p.defence) facts.push(t('game.defence', { n: p.defence }));

    append(
      this.body,
      h(
        'div',
        { class: 'place-head' },
        h('h3', null, placeLabel(p)),
        h('span', { class: 'small' }, h('i', { class: `side-mark ${controller}`, 'aria-hidden': 'true' }), ' ', controllerName),
      ),
      h('div', { class: 'small muted' }, facts.join(' · ')),
      tags,
      p.note ? h('p', { class: 'small muted' }, p.note) : null,
    );

    const forces = forcesAt(p.id, seenFormations(s));
    const box = h('div', { class: 'forces' });
    if (forces.length === 0) box.append(h('div', { class: 'empty' }, t('game.noForcesSeen')));
    for (const side of forces) {
      box.append(
        h(
          'div',
          { class: 'force', style: 'font-weight:600' },
          h('i', { class: `side-mark ${side.side}`, 'aria-hidden': 'true' }),
          sideName(side.side),
          h('span', { class: 'n' }, isolate(strengthText(side))),
        ),
      );
      for (const f of side.formations) {
        const extra = [kindName(f.kind), f.loyalty !== null ? t('game.loyalty', { n: f.loyalty }) : null, f.dug > 0 ? t('game.dugIn', { n: f.dug }) : null].filter(Boolean).join(t('game.listSep'));
        box.append(
          h(
            'div',
            { class: 'force' },
            h('span'),
            // A formation's name is scenario content: English for now.
            h('span', null, h('span', null, f.name), h('span', { class: 'muted' }, ` · ${extra}`)),
            h('span', { class: 'n muted' }, isolate(strengthText({ low: f.low, high: f.high, exact: f.strength !== null }))),
          ),
        );
        if (f.motive) box.append(h('div', { class: 'force agenda small muted' }, h('span'), h('span', null, t('game.motive'), ' ', h('span', null, `${f.motive}.`)), h('span')));
      }
    }
    this.body.append(box);
    if (forces.some((f) => !f.exact)) this.body.append(h('p', { class: 'small muted' }, t('game.estimates')));

    // Recent events that touched this place (last two reports).
    const recent = [...s.reports.slice(-2), ...(s.reports.length ? [] : [s.opening])]
      .flatMap((r) => r.events)
      .filter((e) => e.places?.includes(p.id) && (!e.visibleTo || e.visibleTo.includes(s.role)))
      .slice(-3);
    if (recent.length) {
      append(
        this.body,
        h('h4', { class: 'eyebrow', style: 'margin:10px 0 4px' }, t('game.recentlyHere')),
        // What the turn reports said, from their codes, in the player's language.
        h('ul', { class: 'plain small recent' }, ...recent.map((e) => h('li', { title: eventText(e, { scenario: s.scenario }) }, eventSpan(e, { scenario: s.scenario })))),
      );
    }
  }

  private renderOrders(orders: Order[], title: string): void {
    const s = this.session;
    // Under the place's name (h3) a level below it; on the National tab, below the indicators' h2.
    append(this.body, h(this.tab === 'place' && this.place ? 'h4' : 'h3', { class: 'eyebrow', style: 'margin:12px 0 6px' }, title));
    if (this.busy) return;
    if (s.state.ending) {
      this.body.append(h('p', { class: 'empty' }, t('game.gameOver')));
      return;
    }
    if (s.waiting) {
      this.body.append(h('p', { class: 'empty' }, t('game.waitingTable')));
      return;
    }
    // One entry per proposal: the terms are chosen in the preview.
    const shown: Order[] = [];
    for (const o of orders) {
      if (o.kind === 'propose-ceasefire' && shown.some((x) => x.kind === 'propose-ceasefire')) continue;
      shown.push(o);
    }
    if (shown.length === 0) {
      this.body.append(h('p', { class: 'empty' }, t('game.noOrdersHere')));
      return;
    }
    const list = h('div', { class: 'order-list', 'data-hook': 'orders' });
    const groups = groupOrders(shown);
    for (const order of groups.flatMap((g) => g.orders)) {
      const group = groups.find((g) => g.orders[0] === order);
      if (group && groups.length > 1) list.append(h('div', { class: 'order-group' }, t(`game.group.${group.id}`)));
      const key = orderKey(order);
      const queued = s.isQueued(order);
      const open = this.openOrder === key;
      const check = s.check(order);
      const cost = check.ok ? costText(check.value, true) : t('game.notNow');
      const item = h(
        'button',
        { type: 'button', class: 'order-item', 'aria-expanded': String(open), disabled: queued, 'data-focus-key': `order:${key}` },
        h('span', null, orderLabel(order, s.scenario), queued ? ' ✓' : ''),
        h('span', { class: 'cost' }, queued ? t('game.queued') : cost),
      );
      item.addEventListener('click', () => {
        this.openOrder = open ? null : key;
        this.terms = order.kind === 'propose-ceasefire' ? { ...order.terms } : null;
        this.renderMain();
        if (!open) {
          const preview = this.body.querySelector<HTMLElement>('.preview');
          preview?.scrollIntoView({ block: 'nearest' });
          preview?.querySelector<HTMLElement>('.btn.primary')?.focus({ preventScroll: true });
        }
      });
      item.addEventListener('mouseenter', () => this.cb.highlight(orderPlaces(order, s.state)));
      item.addEventListener('mouseleave', () => this.cb.highlight([]));
      list.append(item);
      if (open) list.append(this.preview(order));
    }
    this.body.append(list);
  }

  private preview(base: Order): HTMLElement {
    const s = this.session;
    const order: Order = base.kind === 'propose-ceasefire' && this.terms ? { ...base, terms: this.terms } : base;
    const check = s.check(order);
    const box = h('div', { class: 'preview', role: 'region', 'aria-label': t('game.preview') });
    if (order.kind === 'propose-ceasefire' && this.terms) {
      const terms = this.terms;
      const fieldset = h('div', { class: 'choices', style: 'margin-bottom:8px' });
      for (const key of Object.keys(TERM_NAMES) as (keyof CeasefireTerms)[]) {
        const name = t(`game.term.${key}`);
        const input = h('input', { type: 'checkbox' });
        input.checked = terms[key];
        input.addEventListener('change', () => {
          this.terms = { ...terms, [key]: input.checked };
          this.renderMain();
        });
        fieldset.append(h('label', { class: 'check small' }, input, name));
      }
      box.append(h('div', { class: 'eyebrow', style: 'margin-bottom:4px' }, t('game.termsOffered')), fieldset);
    }
    if (!check.ok) {
      // Why the core refuses it, in the player's language.
      box.append(coreText(check.error.msg, s.scenario, 'p'));
      return box;
    }
    const p = check.value;
    const dl = h('dl', null, h('dt', null, t('game.cost')), h('dd', null, costText(p)));
    if (p.odds !== undefined) {
      const bar = h('i');
      bar.style.width = `${p.odds}%`;
      dl.append(h('dt', null, t('game.odds')), h('dd', null, t('game.oddsText', { n: p.odds }), h('div', { class: 'odds-bar', 'aria-hidden': 'true' }, bar)));
    }
    // The Add button is described by the whole preview: a screen reader on it hears the cost,
    // the odds, the risks and the warnings.
    const details = h(
      'div',
      { id: 'preview-details' },
      // The preview's summary and risks (a ceasefire's forecast answers among them) in the player's language.
      coreText(p.summaryMsg, s.scenario, 'div', { class: 'summary' }),
      dl,
      p.riskMsgs.length ? h('ul', { class: 'risks' }, ...p.riskMsgs.map((r) => coreText(r, s.scenario, 'li'))) : null,
      // What the rules would do to it beside the orders already queued (src/sim/warnings.ts).
      ...previewWarnings(s, order),
    );
    append(
      box,
      details,
      h(
        'div',
        { class: 'btn-row end' },
        button(t('game.cancel'), () => {
          const key = this.openOrder;
          this.openOrder = null;
          this.renderMain();
          this.body.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(`order:${key}`)}"]`)?.focus({ preventScroll: true });
        }, { class: 'ghost small' }),
        button(t('game.addToOrders'), () => {
          const result = s.queue(order);
          if (result.ok) {
            sfx('order');
            this.openOrder = null;
            this.render();
            announce(t('game.queuedAnnounce', { order: orderText(order, s.scenario), used: s.budgetUsed, budget: s.budget }));
          }
        }, { class: 'primary small', 'aria-describedby': 'preview-details' }),
      ),
    );
    return box;
  }

  /** Keyboard: Enter ends the turn, G opens the glossary (when no field or dialog has the keys). */
  handleKey(e: KeyboardEvent): boolean {
    if (modalOpen()) return false;
    if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement) && !this.endButton.disabled) {
      this.cb.endTurn();
      return true;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    if (e.key === 'g' || e.key === 'G') {
      this.cb.glossary();
      return true;
    }
    if (e.key === 'l' || e.key === 'L') {
      this.cb.places();
      return true;
    }
    if (e.key === '?') {
      this.cb.shortcuts();
      return true;
    }
    if ((e.key === 'r' || e.key === 'R') && !(this.session.reports.length === 0 && this.session.opening.events.length === 0)) {
      this.cb.lastReport();
      return true;
    }
    if (e.key === 'Escape' && this.sheet !== 'none' && this.small()) {
      this.setSheet('none');
      return true;
    }
    if (e.key === 'Escape' && this.place) {
      this.cb.selectPlace(null);
      return true;
    }
    return false;
  }
}

/** A place in one sentence, as the map shows it: who holds it and the forces seen there. */
export function placeSummary(s: PlaySession, p: PlaceDef): string {
  const ps = s.state.places[p.id];
  const controller = ps?.controller ?? 'local';
  const held = controller === 'local' ? t('game.sum.heldLocal') : t('game.sum.heldBy', { side: actorName(controller), id: controller });
  const forces = forcesAt(p.id, seenFormations(s)).map((f) => t('game.sum.force', { side: sideName(f.side), strength: isolate(strengthText(f)) }));
  const status = [ps?.siegedBy ? t('game.sum.besieged', { side: actorName(ps.siegedBy), id: ps.siegedBy }) : null, ps?.shut ? t('game.shut') : null].filter((x): x is string => !!x);
  const sep = t('game.listSep');
  const where = [placeLabel(p), held, ...status].join(sep);
  return t('game.sum.place', { where, forces: forces.length ? t('game.sum.forces', { list: forces.join(t('game.listSep2')) }) : t('game.sum.noForces') });
}

function stat(k: string, v: string): HTMLElement {
  return h('div', { class: 'stat' }, h('span', { class: 'k' }, k), h('span', { class: 'v' }, v));
}

/** A place's tags and region in words ("oil terminal", "Tripolitania"). */
function tagName(tag: string): string {
  const key = `game.tag.${tag}`;
  const text = t(key);
  return text === key ? tag.replace(/-/g, ' ') : text;
}

function regionName(region: string): string {
  const key = `game.region.${region}`;
  const text = t(key);
  return text === key ? `${region[0]?.toUpperCase()}${region.slice(1)}` : text;
}

function costText(p: OrderPreview, short = false): string {
  const parts = [t('game.costOrders', { n: p.budget })];
  if (p.money) parts.push(t('game.costMoney', { n: fmtNumber(p.money) }));
  if (p.costNoteMsg && !short) parts.push(messageText(p.costNoteMsg, null));
  return parts.join(' · ');
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg(width: number, height: number, draw: (el: SVGSVGElement) => void): SVGSVGElement {
  const el = document.createElementNS(SVG_NS, 'svg');
  el.setAttribute('width', String(width));
  el.setAttribute('height', String(height));
  el.setAttribute('viewBox', `0 0 ${width} ${height}`);
  el.setAttribute('aria-hidden', 'true');
  draw(el);
  return el;
}

function shape(el: SVGSVGElement, tag: string, attrs: Record<string, string | number>): void {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  el.appendChild(node);
}

/** The map key: who holds what (colour and shape), and the kinds of route. */
function legend(): HTMLElement {
  const item = (icon: SVGSVGElement, label: string) => h('span', null, icon, label);
  const mark = (side: 'gna' | 'lna' | 'local') => h('i', { class: `side-mark ${side}`, 'aria-hidden': 'true' });
  const line = (dash: string, width: number, color: string) =>
    svg(26, 8, (el) => shape(el, 'line', { x1: 1, y1: 4, x2: 25, y2: 4, stroke: color, 'stroke-width': width, 'stroke-dasharray': dash }));
  const icon = (draw: (el: SVGSVGElement) => void) => svg(14, 14, draw);
  const fill = { fill: 'var(--text-muted)', stroke: 'var(--bg)', 'stroke-width': 1 };
  const items = h(
    'div',
    { class: 'legend-items', id: 'legend-items' },
    item(icon((el) => shape(el, 'polygon', { points: '7,0.5 8.9,4.9 13.5,5.2 10,8.3 11.1,13 7,10.5 2.9,13 4,8.3 0.5,5.2 5.1,4.9', ...fill })), t('game.legend.capital')),
    item(icon((el) => shape(el, 'circle', { cx: 7, cy: 7, r: 5.5, ...fill })), t('game.legend.city')),
    item(icon((el) => shape(el, 'polygon', { points: '7,1 13,12.5 7,9.5 1,12.5', ...fill })), t('game.legend.airbase')),
    item(icon((el) => shape(el, 'path', { d: 'M7 0.8 L11 7.5 A4.2 4.2 0 1 1 3 7.5 Z', ...fill })), t('game.legend.oilTerminal')),
    item(icon((el) => shape(el, 'path', { d: 'M2.5 13 L7 1 L11.5 13 M4.2 8.5 H9.8 M1 13 H13', fill: 'none', stroke: 'var(--text-muted)', 'stroke-width': 1.6 })), t('game.legend.oilField')),
    h('span', null, mark('gna'), actorName('gna')),
    h('span', null, mark('lna'), actorName('lna')),
    h('span', null, mark('local'), t('game.legend.local')),
    item(
      svg(18, 12, (el) => {
        shape(el, 'rect', { x: 0.5, y: 0.5, width: 8, height: 11, fill: 'var(--gna)', 'fill-opacity': 0.45 });
        shape(el, 'rect', { x: 9.5, y: 0.5, width: 8, height: 11, fill: 'var(--lna)', 'fill-opacity': 0.4 });
        for (const x of [9, 13, 17]) shape(el, 'line', { x1: x, y1: 12, x2: x + 4, y2: 0, stroke: 'var(--lna-dark)', 'stroke-width': 1 });
      }),
      t('game.legend.areas'),
    ),
    item(line('', 3, 'var(--coastal-road)'), t('game.legend.coastalRoad')),
    item(line('6 4', 2, 'var(--desert-road)'), t('game.legend.desertRoad')),
    item(line('2 3', 2, 'var(--track)'), t('game.legend.track')),
    item(
      svg(14, 14, (el) => shape(el, 'line', { x1: 7, y1: 1, x2: 7, y2: 13, stroke: 'var(--danger)', 'stroke-width': 3 })),
      t('game.legend.frontLine'),
    ),
  );
  // Folded by default when the text is large (it would cover much of the map); a button opens it.
  const folded = settings().textScale >= 150 || (typeof matchMedia === 'function' && matchMedia(SHEET_QUERY).matches);
  items.hidden = folded;
  const toggle = button(folded ? t('game.legend.show') : t('game.legend.hide'), () => {
    items.hidden = !items.hidden;
    toggle.textContent = items.hidden ? t('game.legend.show') : t('game.legend.hide');
    toggle.setAttribute('aria-expanded', String(!items.hidden));
  }, { class: 'ghost small legend-toggle', 'aria-expanded': String(!folded), 'aria-controls': 'legend-items', title: t('game.legend.toggleTitle') });
  return h('aside', { class: 'legend panel', 'aria-label': t('game.legend.show') }, toggle, items);
}

/** The warnings an order would carry if queued now, beside the orders already queued. */
function previewWarnings(s: PlaySession, order: Order): HTMLElement[] {
  return s
    .warningsIf(order).map((w) => h('p', { class: 'queue-warning', 'data-kind': w.kind }, h('b', { 'aria-hidden': 'true' }, '⚠ '), h('span', { class: 'sr-only' }, t('game.warning')), coreText(w.msg, s.scenario)));
}
