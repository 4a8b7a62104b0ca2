// Small DOM helpers for the overlay UI. Text always goes in through textContent: data from
// scenarios, saves or links is never parsed as HTML.

type Child = Node | string | number | null | undefined | false;
type Attrs = {
  class?: string;
  id?: string;
  title?: string;
  role?: string;
  type?: string;
  disabled?: boolean;
  tabIndex?: number;
  style?: string;
  value?: string;
  scope?: string;
  for?: string;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (e: HTMLElementEventMap[K]) => void }>;
  [attr: `aria-${string}`]: string | undefined;
  [attr: `data-${string}`]: string | undefined;
};

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null) continue;
      if (key === 'on') {
        for (const [event, handler] of Object.entries(value as Record<string, EventListener>)) node.addEventListener(event, handler);
      } else if (key === 'class') node.className = String(value);
      else if (key === 'disabled') (node as unknown as HTMLButtonElement).disabled = Boolean(value);
      else if (key === 'tabIndex') node.tabIndex = Number(value);
      else if (key === 'value') (node as unknown as HTMLInputElement).value = String(value);
      else node.setAttribute(key, String(value));
    }
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function button(label: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attrs, class: `btn ${attrs.class ?? ''}`.trim() }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** The root all overlay screens mount into (above the Phaser canvas). */
function uiRoot(): HTMLElement {
  let root = document.getElementById('ui');
  if (!root) {
    root = h('div', { id: 'ui' });
    document.body.appendChild(root);
  }
  return root;
}

/**
 * The layers whose text comes from the message catalogues (src/i18n). Every other layer is
 * still English only: it is marked lang="en" dir="ltr", so that an Arabic page does not lay
 * English text out right to left and screen readers read it as English. A layer translated
 * later is added here.
 */
export const TRANSLATED_LAYERS: ReadonlySet<string> = new Set(['menu', 'game', 'briefing', 'ending', 'guide', 'explorer', 'classroom', 'console']);

/** A full-screen layer owned by one scene; removing it removes everything the scene showed. */
export function layer(name: string): HTMLElement {
  const node = h('div', { class: `layer layer-${name}` });
  untranslated(node, !TRANSLATED_LAYERS.has(name));
  uiRoot().appendChild(node);
  return node;
}

/** Marks an element whose text is not translated yet (English content): lang="en" dir="ltr". */
export function untranslated<T extends HTMLElement>(node: T, yes = true): T {
  if (yes) {
    node.lang = 'en';
    node.dir = 'ltr';
  }
  return node;
}

export function formatNumber(n: number): string {
  return Math.round(n).toLocaleString('en-GB');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2020-01-08" → "8 January 2020" (no Date parsing: no time zone surprises). */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * Redraws `container` with `render` and keeps the keyboard's focus: on the element with the
 * same `data-focus-key` when the redraw made it again, else on the container itself (give it
 * tabIndex -1), never on the page's body.
 */
export function keepFocus(container: HTMLElement, render: () => void): void {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const inside = !!active && container.contains(active);
  const key = inside ? active.dataset.focusKey : undefined;
  render();
  // Still focused (not removed), or focus moved on purpose during the redraw: nothing to do.
  if (!inside || document.activeElement === active || (document.activeElement && document.activeElement !== document.body)) return;
  const again = key ? container.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`) : null;
  (again && !again.matches(':disabled') ? again : container).focus({ preventScroll: true });
}

/**
 * Gives the focus back to `previous` after a dialog closes; when the screen was redrawn
 * meanwhile, to the element that took its place (same `data-focus-key`), else to `fallback`.
 */
export function restoreFocus(previous: HTMLElement | null, fallback?: HTMLElement | null): void {
  if (previous?.isConnected && previous !== document.body && !previous.matches(':disabled')) {
    previous.focus({ preventScroll: true });
    return;
  }
  const key = previous?.dataset.focusKey;
  const again = key ? document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`) : null;
  const target = again && !again.matches(':disabled') ? again : (fallback ?? document.querySelector<HTMLElement>('[data-focus-home]'));
  target?.focus({ preventScroll: true });
}
