// A small line chart in SVG for the after-action summary: one value per turn, several
// series, each with its own dash pattern as well as its colour.
import { fmtNumber } from '../i18n/index.ts';

const NS = 'http://www.w3.org/2000/svg';

export interface Series {
  name: string;
  color: string;
  dash?: string;
  values: number[];
}

function el(tag: string, attrs: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

export function lineChart(title: string, series: Series[], options: { max?: number; from?: string; to?: string } = {}): HTMLElement {
  const width = 360;
  const height = 120;
  const pad = { left: 30, right: 8, top: 8, bottom: 18 };
  const n = Math.max(...series.map((s) => s.values.length), 2);
  const max = options.max ?? Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i: number) => pad.left + (i * (width - pad.left - pad.right)) / (n - 1);
  const y = (v: number) => height - pad.bottom - (v / max) * (height - pad.top - pad.bottom);
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': title, direction: 'ltr' }) as SVGSVGElement;
  // Time runs left to right in every language: the SVG's own text is laid out left to right too.
  for (const t of [0, 0.5, 1]) {
    const yy = y(max * t);
    svg.append(el('line', { x1: pad.left, x2: width - pad.right, y1: yy, y2: yy, stroke: 'var(--line)', 'stroke-width': 1 }));
    const label = el('text', { x: pad.left - 5, y: yy + 4, 'text-anchor': 'end', fill: 'var(--text-muted)', 'font-size': 10 });
    label.textContent = fmtNumber(Math.round(max * t));
    svg.append(label);
  }
  const turnLabel = el('text', { x: width - pad.right, y: height - 4, 'text-anchor': 'end', fill: 'var(--text-muted)', 'font-size': 10 });
  turnLabel.textContent = options.to ?? '';
  const startLabel = el('text', { x: pad.left, y: height - 4, fill: 'var(--text-muted)', 'font-size': 10 });
  startLabel.textContent = options.from ?? '';
  svg.append(turnLabel, startLabel);
  for (const s of series) {
    const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    svg.append(el('polyline', { points, fill: 'none', stroke: s.color, 'stroke-width': 2, 'stroke-dasharray': s.dash ?? '', 'stroke-linejoin': 'round' }));
  }
  const legend = document.createElement('div');
  legend.className = 'chart-legend small muted';
  for (const s of series) {
    const key = document.createElement('span');
    const swatch = el('svg', { width: 18, height: 6, 'aria-hidden': 'true' });
    swatch.append(el('line', { x1: 0, x2: 18, y1: 3, y2: 3, stroke: s.color, 'stroke-width': 2, 'stroke-dasharray': s.dash ?? '' }));
    key.append(swatch, ` ${s.name}`);
    legend.append(key);
  }
  const figure = document.createElement('figure');
  figure.className = 'chart';
  const caption = document.createElement('figcaption');
  caption.className = 'small';
  caption.textContent = title;
  figure.append(caption, svg, legend);
  return figure;
}
