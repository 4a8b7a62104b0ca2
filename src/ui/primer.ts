// "Before you play" (how the war began: 2011, 2014, Skhirat 2015, Palermo 2018, Abu Dhabi 2019)
// and "What came after" (the ceasefire, the unity government, the elections that did not
// happen), from levels/primer.json. Each is a short sequence of dated steps beside a small map
// of Libya that marks the places of the step in view. The primer opens by itself above the
// first briefing of a historical scenario in this browser, stays in the briefing and the
// glossary afterwards, and the epilogue closes every ending screen.
import { type PrimerContent, type PrimerPart, type PrimerPlace, primerContent } from '../content/primer.ts';
import { lang, placeName, t } from '../i18n/index.ts';
import { loadMapAssets } from '../scenes/map/assets.ts';
import { mercator, type Outline } from '../scenes/map/outline.ts';
import type { Scenario } from '../sim/types.ts';
import { append, clear, h, } from './dom.ts';
import { termLinks } from './news.ts';
import './primer.css';

const SEEN_KEY = 'ceasefire-line:primer-seen';
const SVG = 'http://www.w3.org/2000/svg';

/** A historical scenario shows the primer; the tutorial (a teaching slice) does not. */
export function scenarioHasPrimer(scenario: Scenario): boolean {
  return !scenario.tutorial;
}

function primerSeen(): boolean {
  try {
    return localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    return false;
  }
}

function markPrimerSeen(): void {
  try {
    localStorage.setItem(SEEN_KEY, '1');
  } catch {
    // Storage may be off (private windows): the primer then opens again next time, which is harmless.
  }
}

/**
 * The primer for a briefing: open the first time a historical scenario is briefed in this
 * browser (before the situation), folded afterwards; nothing for the tutorial.
 */
export function briefingPrimer(scenario: Scenario): HTMLElement | null {
  if (!scenarioHasPrimer(scenario)) return null;
  const open = !primerSeen();
  if (open) markPrimerSeen();
  // In the briefing the primer sits under the title (h1): its steps are h2.
  return primerBlock('primer', open, 'briefing-primer', 'h2');
}

/** The primer as a glossary section, folded. */
export function glossaryPrimer(): HTMLElement {
  return primerBlock('primer', false, 'glossary-primer', 'h3');
}

/** The epilogue of every ending screen: what came after the war, open. */
export function endingEpilogue(): HTMLElement {
  const box = h('section', { class: 'epilogue', id: 'ending-epilogue', 'aria-label': t('dialogs.primer.after') });
  fill(box, 'epilogue', 'h3', 'h4');
  return box;
}

/** A foldable block (<details>) holding one part; filled when the content has loaded. */
function primerBlock(part: 'primer' | 'epilogue', open: boolean, id: string, stepLevel: StepLevel): HTMLElement {
  const summary = h('summary', null, t('dialogs.primer.before'));
  const body = h('div', { class: 'primer-body' });
  const details = h('details', { class: 'primer', id }, summary, body);
  details.open = open;
  fill(body, part, null, stepLevel);
  return details;
}

type StepLevel = 'h2' | 'h3' | 'h4';

function fill(box: HTMLElement, part: 'primer' | 'epilogue', heading: 'h3' | null, stepLevel: StepLevel): void {
  const loading = h('p', { class: 'small muted' }, t('dialogs.primer.loading'));
  box.append(loading);
  void Promise.all([primerContent(), loadMapAssets()]).then(
    ([content, outline]) => {
      loading.remove();
      const data = content[part];
      if (heading) box.append(h(heading, null, data.title));
      box.append(partView(data, content, outline, stepLevel));
    },
    (error: Error) => {
      console.error(error);
      loading.textContent = t('dialogs.primer.failed');
    },
  );
}

/** The intro, the steps as a row of dated tabs, the step in view, and the map beside it. */
function partView(part: PrimerPart, content: PrimerContent, outline: Outline | null, stepLevel: StepLevel): HTMLElement {
  const root = h('div', { class: 'primer-part' });
  const stepBox = h('div', { class: 'primer-step', 'aria-live': 'polite' });
  const mapBox = h('div', { class: 'primer-map' });
  const tabs = h('div', { class: 'primer-tabs', role: 'group', 'aria-label': t('dialogs.primer.steps') });
  const buttons: HTMLButtonElement[] = [];
  const show = (i: number) => {
    const step = part.steps[i];
    if (!step) return;
    buttons.forEach((b, j) => b.setAttribute('aria-pressed', String(i === j)));
    clear(stepBox);
    append(
      stepBox,
      h('div', { class: 'eyebrow' }, step.when),
      h(stepLevel, { class: 'primer-step-title' }, step.title),
      h('p', null, step.text),
      step.abroad ? h('p', { class: 'small muted abroad' }, t('dialogs.primer.abroad'), h('span', null, step.abroad), t('dialogs.primer.abroadEnd')) : null,
      termLinks(step.terms, t('dialogs.primer.terms')),
      h(
        'div',
        { class: 'primer-nav' },
        h('button', { type: 'button', class: 'btn ghost small', disabled: i === 0, on: { click: () => show(i - 1) } }, t('dialogs.primer.earlier')),
        h('button', { type: 'button', class: 'btn ghost small', disabled: i === part.steps.length - 1, on: { click: () => show(i + 1) } }, t('dialogs.primer.later')),
      ),
    );
    clear(mapBox);
    if (outline) mapBox.append(smallMap(outline, content.places, part, step.places));
  };
  part.steps.forEach((step, i) => {
    const b = h('button', { type: 'button', class: 'btn small primer-tab', 'aria-pressed': 'false', 'data-step': step.id, title: step.when }, step.tab);
    b.addEventListener('click', () => show(i));
    buttons.push(b);
    tabs.append(b);
  });
  append(root, h('p', { class: 'primer-intro' }, part.intro), tabs, h('div', { class: 'primer-grid' }, stepBox, mapBox));
  show(0);
  return root;
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/**
 * Libya's outline (from the baked map asset) with a dot for every place the part names; the
 * step's own places stand out and carry their names. The picture is described in words for
 * those who cannot see it.
 */
function smallMap(outline: Outline, places: ReadonlyMap<string, PrimerPlace>, part: PrimerPart, marked: readonly string[]): SVGSVGElement {
  const project = mercator(outline);
  const libya = outline.countries.find((c) => c.role === 'libya');
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const ring of libya?.rings ?? []) {
    for (let i = 0; i + 1 < ring.length; i += 2) {
      minX = Math.min(minX, ring[i]!);
      maxX = Math.max(maxX, ring[i]!);
      minY = Math.min(minY, ring[i + 1]!);
      maxY = Math.max(maxY, ring[i + 1]!);
    }
  }
  const pad = 40;
  const names = marked.map((id) => places.get(id)?.name ?? id);
  const svg = el('svg', {
    viewBox: `${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}`,
    role: 'img',
    'aria-label': t('dialogs.primer.map', { places: names.join(', ') }),
    class: 'primer-svg',
    // Names beside their dots as on the map, whatever the page's direction.
    direction: 'ltr',
  });
  for (const c of outline.countries) {
    if (c.role === 'other') continue;
    for (const ring of c.rings) {
      const points: string[] = [];
      for (let i = 0; i + 1 < ring.length; i += 2) points.push(`${ring[i]},${ring[i + 1]}`);
      svg.append(el('polygon', { points: points.join(' '), class: c.role === 'libya' ? 'land libya' : 'land neighbour' }));
    }
  }
  const all = new Set(part.steps.flatMap((s) => s.places));
  for (const id of [...all].filter((x) => !marked.includes(x)).concat(marked)) {
    const p = places.get(id);
    if (!p) continue;
    const { x, y } = project(p.lat, p.lon);
    const on = marked.includes(id);
    svg.append(el('circle', { cx: x, cy: y, r: on ? 22 : 12, class: on ? 'dot on' : 'dot' }));
    if (on) {
      // Names to the right of their dot, or to its left near the eastern edge.
      const left = x > maxX - 420;
      const label = el('text', { x: left ? x - 32 : x + 32, y: y + 20, class: 'label', 'text-anchor': left ? 'end' : 'start' });
      label.textContent = (lang() === 'en' ? p.name : placeName(id, p.name)).replace(/\s*\(.*\)\s*$/, '');
      svg.append(label);
    }
  }
  return svg;
}
