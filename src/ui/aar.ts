// The after-action report: the charts of the war turn by turn (uPlot, with each chart's figures
// also as a table) and the turning points (which of the player's decisions moved the outcome,
// worked out in Web Workers with a progress bar and Cancel). A chunk of its own, loaded when an
// ending or the replay viewer's charts are opened, so neither the menu nor the game carries it.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './aar.css';
import { historyRecord } from '../game/left-history.ts';
import { legacyEnding } from '../game/legacy-ending.ts';
import type { GameSession } from '../game/session.ts';
import { fmtDate, fmtNumber, isRtl, lang, t } from '../i18n/index.ts';
import { hashMatches } from '../sim/hash.ts';
import type { HistoryRecord } from '../sim/record.ts';
import { resolveTurn } from '../sim/resolve.ts';
import { newGame } from '../sim/setup.ts';
import { type BranchKind, summariseTurning, TURNING_DEFAULT_RUNS, type TurnAnalysis, type TurningOutline, type TurningPart, type TurningSummary } from '../sim/turning.ts';
import type { Order, PlayerRole, Scenario, State } from '../sim/types.ts';
import { append, button, clear, h, untranslated } from './dom.ts';
import { roleShortName, roleSid } from './end-words.ts';
import type { FromTurningWorker, ToTurningWorker, TurningJob } from './turning.worker.ts';
import { effectSentences, endingPhrase, num, ordersPhrase, range, signed, topTurningPoints, turnHeading, turningIntro, turnLead } from './turning-text.ts';
import { type WarChart, type WarData, warData } from './war-data.ts';

/** A finished game or a replay, as the report reads it. */
export interface AarSource {
  scenario: Scenario;
  whatIfs: string[];
  seed: string;
  humans: PlayerRole[];
  difficulty: GameSession['difficulty'];
  role: PlayerRole;
  /** Every actor's orders, turn by turn. */
  turns: Order[][];
  /** The opening, then the state after each turn. */
  states: State[];
  /** The record of the war, where it applies to the scenario's map (the history track). */
  record: HistoryRecord | null;
}

/**
 * The report's source from a session: a replay's frames as they are; a game played here is
 * played again from its orders, and every turn's hash checked against the game's own.
 */
export function sourceOf(session: GameSession): AarSource {
  const r = session.replay;
  let states: State[];
  let turns: Order[][];
  if (r) {
    states = r.frames.map((f) => f.state);
    turns = r.orders;
  } else {
    turns = session.history;
    let s = newGame(session.model, session.seed, [...session.state.humans], session.difficulty);
    states = [s];
    for (const [i, orders] of turns.entries()) {
      s = resolveTurn(session.model, s, orders).state;
      if (session.hashes[i] !== undefined && !hashMatches(session.model, s, session.hashes[i], legacyEnding)) throw new Error(`the game played again differs from turn ${i + 1}`);
      states.push(s);
    }
  }
  const opening = states[0] as State;
  return { scenario: session.scenario, whatIfs: [...session.whatIfs], seed: session.seed, humans: [...opening.humans], difficulty: session.difficulty, role: session.role, turns, states, record: historyRecord(session.scenario) };
}

// ---------------------------------------------------------------- charts

function compact(n: number): string {
  if (lang() !== 'en') return fmtNumber(n, { notation: 'compact', maximumFractionDigits: 1 });
  const a = Math.abs(n);
  if (a >= 1_000_000) return `${+(n / 1_000_000).toFixed(1)}M`;
  if (a >= 1000) return `${+(n / 1000).toFixed(1)}k`;
  return String(+n.toFixed(1));
}

/** A header cell with its scope (for screen readers' reading of the tables). */
function th(scope: 'col' | 'row', cls: string, ...children: (string | Node)[]): HTMLTableCellElement {
  const cell = h('th', cls ? { class: cls } : null, ...children);
  cell.setAttribute('scope', scope);
  return cell;
}

const FONT = '11px "IBM Plex Sans", "IBM Plex Sans Arabic", system-ui, sans-serif';
const AXIS = { stroke: '#9ba4aa', grid: { stroke: '#2e3841' }, ticks: { stroke: '#2e3841' }, font: FONT, labelFont: FONT, labelSize: 14 };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2020-03-18" → "Mar 2020": the dated turns under the time axis. */
function monthOf(iso: string, withYear = true): string {
  if (lang() !== 'en') return fmtDate(iso, withYear ? { day: undefined, month: 'short' } : { day: undefined, year: undefined, month: 'short' });
  const [y, m] = iso.split('-');
  return `${MONTHS[Number(m) - 1] ?? ''} ${y ?? ''}`;
}

/**
 * The time axis's labels: the turn and its month. Languages whose months have no short form
 * (Arabic) would run into each other with the year on every tick: there the year shows on the
 * first tick and at each January only.
 */
function timeTicks(data: WarData, ticks: number[]): string[] {
  let first = true;
  return ticks.map((tick) => {
    const iso = Number.isInteger(tick) ? data.dates[tick] : undefined;
    if (!iso) return '';
    const withYear = lang() === 'en' || first || iso.slice(5, 7) === '01';
    first = false;
    return `${tick}\n${monthOf(iso, withYear)}`;
  });
}

/** Room for the value axes' labels: compact numbers are words in some languages ("400 ألف"). */
const valueAxisSize = (): number => (lang() === 'en' ? 44 : 58);

/** A chart's figure as the tables write it; "—" where a series has none. */
function figure(v: number | null | undefined): string {
  return v == null ? '—' : fmtNumber(v);
}

function pointLabel(data: WarData, i: number): string {
  return t('ending.aar.point', { turn: i, date: fmtDate(data.dates[i] ?? '') });
}

/** The point's label with the headlines of the events that fired there (the legend shows it on hover). */
function pointWithEvents(data: WarData, i: number): string {
  const titles = data.events.filter((e) => e.point === i).map((e) => e.title);
  return titles.length ? `${pointLabel(data, i)} · ▲ ${titles.join('; ')}` : pointLabel(data, i);
}

/** Small triangles under the plot where events fired. */
function eventMarks(data: WarData): (u: uPlot) => void {
  const points = [...new Set(data.events.map((e) => e.point))];
  return (u) => {
    const ctx = u.ctx;
    const bottom = u.bbox.top + u.bbox.height;
    ctx.save();
    ctx.fillStyle = '#d8b36a';
    for (const p of points) {
      const x = u.valToPos(p, 'x', true);
      ctx.beginPath();
      ctx.moveTo(x, bottom - 7 * devicePixelRatio);
      ctx.lineTo(x - 4 * devicePixelRatio, bottom);
      ctx.lineTo(x + 4 * devicePixelRatio, bottom);
      ctx.closePath();
      ctx.fill();
    }
    ctx.restore();
  };
}

function chartTable(data: WarData, chart: WarChart): HTMLElement {
  const table = h(
    'table',
    { class: 'aar-table' },
    h('caption', { class: 'sr-only' }, chart.title),
    h('thead', null, h('tr', null, th('col', '', t('ending.aar.turn')), ...chart.series.map((s) => untranslated(th('col', 'num', s.name), s.english === true)))),
    h(
      'tbody',
      null,
      ...data.dates.map((_, i) => h('tr', null, th('row', '', pointLabel(data, i)), ...chart.series.map((s) => h('td', { class: 'num' }, figure(s.values[i]))))),
    ),
  );
  return h('details', { class: 'aar-figures' }, h('summary', { class: 'small' }, t('ending.aar.asTable')), table);
}

/** The chart as a PNG: its title over the plot, on the panel's colour (not transparent). */
function savePng(plot: uPlot, title: string, fileName: string): void {
  const src = plot.ctx.canvas;
  const pad = 28;
  const canvas = document.createElement('canvas');
  canvas.width = src.width;
  canvas.height = src.height + pad * devicePixelRatio;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#1a2026';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#e9e3d5';
  ctx.font = `${13 * devicePixelRatio}px "IBM Plex Sans", "IBM Plex Sans Arabic", system-ui, sans-serif`;
  if (isRtl()) {
    ctx.direction = 'rtl';
    ctx.textAlign = 'right';
  }
  ctx.fillText(title, isRtl() ? canvas.width - 8 * devicePixelRatio : 8 * devicePixelRatio, 18 * devicePixelRatio);
  ctx.drawImage(src, 0, pad * devicePixelRatio);
  canvas.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }, 'image/png');
}

/** Draws every chart of the war into `into`; returns a function that removes them. */
export function mountWarCharts(into: HTMLElement, data: WarData, name = 'ceasefire-line'): () => void {
  const plots: uPlot[] = [];
  const xs = data.dates.map((_, i) => i);
  for (const chart of data.charts) {
    if (chart.series.length === 0) continue;
    const box = h('figure', { class: 'aar-chart', 'data-chart': chart.id }, h('figcaption', null, chart.title));
    into.append(box);
    const right = chart.series.some((s) => s.right);
    const plotBox = h('div', { class: 'aar-plot', 'aria-hidden': 'true' });
    // Time runs left to right in every language (the canvas's text too); the legend reads in the page's direction.
    plotBox.dir = 'ltr';
    box.append(plotBox);
    const width = Math.max(260, (box.clientWidth || into.clientWidth / 2 || 400) - 4);
    const plot = new uPlot(
      {
        width,
        height: 180,
        scales: { x: { time: false }, y: { range: (_u, lo, hi) => [Math.min(0, lo), Math.max(1, hi)] }, ...(right ? { r: { range: (_u: uPlot, lo: number, hi: number) => [Math.min(0, lo), Math.max(1, hi)] as [number, number] } } : {}) },
        axes: [
          { ...AXIS, label: t('ending.aar.xAxis'), size: 50, values: (_u, ticks) => timeTicks(data, ticks) },
          { ...AXIS, label: chart.unit, size: valueAxisSize(), scale: 'y', values: (_u, ticks) => ticks.map(compact) },
          ...(right ? [{ ...AXIS, label: chart.rightUnit ?? '', size: valueAxisSize(), scale: 'r', side: 1, grid: { show: false }, values: (_u: uPlot, ticks: number[]) => ticks.map(compact) }] : []),
        ],
        series: [
          { label: t('ending.aar.turn'), value: (_u, v) => (v == null ? '—' : pointWithEvents(data, v)) },
          ...chart.series.map((s) => ({
            label: s.right ? t('ending.aar.rightSeries', { name: s.name }) : s.name,
            stroke: s.color,
            dash: s.dash,
            width: 2,
            scale: s.right ? 'r' : 'y',
            points: { show: false },
            value: (_u: uPlot, v: number | null) => figure(v),
          })),
        ],
        legend: { show: true, live: true },
        cursor: { drag: { x: false, y: false } },
        hooks: { draw: [eventMarks(data)] },
      },
      [xs, ...chart.series.map((s) => s.values)],
      plotBox,
    );
    plot.root.querySelector('.u-legend')?.setAttribute('dir', isRtl() ? 'rtl' : 'ltr');
    const labels = plot.root.querySelectorAll<HTMLElement>('.u-legend .u-series .u-label');
    chart.series.forEach((s, i) => {
      const label = labels[i + 1];
      if (s.english && label) untranslated(label);
    });
    plots.push(plot);
    box.append(
      h(
        'div',
        { class: 'aar-chart-foot' },
        chartTable(data, chart),
        button(t('ending.aar.png'), () => savePng(plot, chart.title, `${name}-${chart.id}.png`), { class: 'ghost small aar-png', title: t('ending.aar.pngTitle', { title: chart.title }) }),
      ),
    );
  }
  return () => {
    for (const p of plots) p.destroy();
  };
}

// ---------------------------------------------------------------- turning points

/** At most four workers, one core left to the page. */
const WORKERS = Math.max(1, Math.min(4, (typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2) - 1));
export const RUN_CHOICES = [20, 50, TURNING_DEFAULT_RUNS, 200] as const;
/**
 * The 100 continuations a branch wherever the page has two workers or more (a whole
 * flagship game then takes a few seconds); with one worker (a two-core machine) 50, which keeps
 * the wait near ten seconds. 20, 100 and 200 can always be chosen.
 */
export const BROWSER_DEFAULT_RUNS = WORKERS >= 2 ? TURNING_DEFAULT_RUNS : 50;

const branchName = (kind: BranchKind): string => t(`ending.aar.branch.${kind}`);

const ENDING_COLOURS: Record<string, string> = {
  'military-victory:gna': '#23a99b',
  'collapse:gna': '#0d4d47',
  'military-victory:lna': '#e39a2d',
  'collapse:lna': '#6b4310',
  settlement: '#009E73',
  'frozen-conflict': '#56B4E9',
  'regional-war': '#D55E00',
  catastrophe: '#CC79A7',
  'time-out': '#8d949a',
};

const SVG = 'http://www.w3.org/2000/svg';

/** The mean score on a 0–100 scale, its 95% interval as a bar: the branches of a decision read side by side. */
function scoreMark(score: number, low: number, high: number): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 100 10');
  svg.setAttribute('class', 'aar-score');
  svg.setAttribute('aria-hidden', 'true');
  const line = (x1: number, x2: number, y: number, stroke: string, width: number) => {
    const l = document.createElementNS(SVG, 'line');
    for (const [k, v] of Object.entries({ x1, x2, y1: y, y2: y, stroke, 'stroke-width': width })) l.setAttribute(k, String(v));
    svg.append(l);
  };
  const clamp = (x: number) => Math.max(0, Math.min(100, x));
  line(0, 100, 5, '#2e3841', 1);
  line(clamp(low), clamp(high), 5, '#d8b36a', 3);
  const dot = document.createElementNS(SVG, 'circle');
  for (const [k, v] of Object.entries({ cx: clamp(score), cy: 5, r: 3, fill: '#e9e3d5' })) dot.setAttribute(k, String(v));
  svg.append(dot);
  return svg;
}

/** A turn's orders in the player's language, or "no orders". */
function ordersNode(orders: readonly Order[], scenario: Scenario): Node {
  return orders.length ? h('span', null, ordersPhrase(orders, scenario)) : document.createTextNode(t('ending.turning.noOrders'));
}

/** A sentence with descriptions of orders in it: each kept as its own span. */
function withOrders(text: string, turn: TurnAnalysis, scenario: Scenario): (string | Node)[] {
  const phrases = turn.branches.filter((b) => b.orders.length).map((b) => ordersPhrase(b.orders, scenario));
  const out: (string | Node)[] = [];
  let rest = text;
  for (;;) {
    let at = -1;
    let found = '';
    for (const p of phrases) {
      const i = rest.indexOf(p);
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
        found = p;
      }
    }
    if (at < 0) break;
    if (at > 0) out.push(rest.slice(0, at));
    out.push(h('span', null, found));
    rest = rest.slice(at + found.length);
  }
  if (rest) out.push(rest);
  return out;
}

function branchTable(turn: TurnAnalysis, scenario: Scenario): HTMLElement {
  return h(
    'table',
    { class: 'aar-branches' },
    h('thead', null, h('tr', null, th('col', '', t('ending.aar.inThatTurn')), th('col', 'num', t('ending.aar.yourScore')), th('col', '', t('ending.aar.howEnded')))),
    h(
      'tbody',
      null,
      ...turn.branches.map((b) => {
        const bar = h('div', { class: 'aar-endbar', 'aria-hidden': 'true' });
        for (const e of b.endings) {
          const seg = h('i', { title: t('ending.aar.endingShare', { ending: endingPhrase(e.ending, scenario), share: num(e.share) }) });
          seg.style.width = `${e.share}%`;
          seg.style.background = ENDING_COLOURS[e.ending] ?? '#bbbbbb';
          bar.append(seg);
        }
        const words = b.endings.map((e) => t('ending.aar.endingShareShort', { ending: endingPhrase(e.ending, scenario), share: num(e.share) })).join(t('ending.listSep'));
        return h(
          'tr',
          { 'data-branch': b.kind },
          th('row', '', branchName(b.kind), h('span', { class: 'small muted' }, ' · ', ordersNode(b.orders, scenario))),
          h('td', { class: 'num' }, t('ending.aar.scoreRange', { score: num(b.score), low: num(b.scoreLow), high: num(b.scoreHigh) }), scoreMark(b.score, b.scoreLow, b.scoreHigh)),
          h('td', null, bar, h('span', { class: 'small muted' }, words)),
        );
      }),
    ),
  );
}

function turningResults(summary: TurningSummary, scenario: Scenario): HTMLElement {
  const out = h('div', { class: 'aar-turning-results', id: 'aar-turning-results' });
  out.append(h('p', null, turningIntro(summary, summary.role, scenario)));
  const top = topTurningPoints(summary);
  if (top.length) {
    const title = t('ending.aar.topTitle', { n: top.length });
    out.append(
      h('h4', null, title),
      h(
        'ol',
        { class: 'aar-top' },
        ...top.map((turn) =>
          h(
            'li',
            { 'data-turn': String(turn.turn) },
            h('h5', null, t('ending.aar.topHeading', { heading: turnHeading(turn), points: signed(turn.effects.reduce((best, e) => (Math.abs(e.scoreDiff) > Math.abs(best) ? e.scoreDiff : best), 0)) })),
            h('p', null, ...withOrders(turnLead(turn, scenario), turn, scenario)),
            ...turn.effects.flatMap((e) => effectSentences(turn, e, scenario).map((x) => h('p', null, ...withOrders(x, turn, scenario)))),
            turn.same.includes('baseline') ? h('p', { class: 'small muted' }, t('ending.turning.same')) : null,
            branchTable(turn, scenario),
          ),
        ),
      ),
    );
  }
  const byTurn = [...summary.turns];
  const effectCell = (turn: TurnAnalysis, alt: 'nothing' | 'baseline') => {
    const e = turn.effects.find((x) => x.alternative === alt);
    if (!e) return h('td', { class: 'num muted' }, turn.same.includes(alt) ? t('ending.aar.theSame') : '—');
    return h('td', { class: `num${e.noise ? ' muted' : ''}` }, t(e.noise ? 'ending.aar.effectNoise' : 'ending.aar.effect', { diff: signed(e.scoreDiff), range: range(e.low, e.high) }));
  };
  out.append(
    h(
      'details',
      { class: 'aar-every', id: 'aar-every' },
      h('summary', null, t('ending.aar.every', { n: summary.turns.length })),
      h('p', { class: 'small muted' }, t('ending.aar.everyNote')),
      h(
        'table',
        { class: 'aar-table' },
        h('thead', null, h('tr', null, th('col', '', t('ending.aar.turn')), th('col', '', t('ending.aar.branch.real')), th('col', 'num', t('ending.aar.againstNothing')), th('col', 'num', t('ending.aar.againstBaseline')))),
        h(
          'tbody',
          null,
          ...byTurn.map((turn) => h('tr', { 'data-turn': String(turn.turn) }, th('row', '', turnHeading(turn)), h('td', null, ordersNode(turn.branches[0]?.orders ?? [], scenario)), effectCell(turn, 'nothing'), effectCell(turn, 'baseline'))),
        ),
      ),
    ),
  );
  return out;
}

/** The turning points' section: a choice of runs, Find, progress with Cancel, then the results. */
export function turningSection(source: AarSource): HTMLElement {
  const section = h('section', { class: 'aar-turning', id: 'aar-turning', 'aria-labelledby': 'aar-turning-title' });
  const runs = h('select', { id: 'aar-runs', 'aria-label': t('ending.aar.runsLabel') });
  for (const n of RUN_CHOICES) runs.append(h('option', { value: String(n) }, t('ending.aar.runs', { n })));
  runs.value = String(BROWSER_DEFAULT_RUNS);
  const bar = h('progress', { id: 'aar-progress', 'aria-label': t('ending.aar.played') }) as HTMLProgressElement;
  const progressText = h('span', { class: 'small muted', 'aria-live': 'polite', id: 'aar-progress-text' });
  const progress = h('div', { class: 'aar-progress' }, bar, progressText);
  progress.hidden = true;
  const message = h('p', { class: 'small muted', id: 'aar-turning-message', 'aria-live': 'polite' });
  const results = h('div');
  let workers: Worker[] = [];
  /** The progress line's clock, ticking while the workers start up and between their reports. */
  let ticker: ReturnType<typeof setInterval> | null = null;
  const findButton = button(t('ending.aar.find'), () => start(), { class: 'primary small', id: 'aar-turning-run' });
  const cancelButton = button(t('ending.aar.cancel'), () => stop(t('ending.aar.cancelled'), 'cancelled'), { class: 'small', id: 'aar-turning-cancel' });
  cancelButton.hidden = true;
  const mine = source.turns.filter((t) => t.some((o) => o.actor === source.role)).length;
  if (mine === 0) {
    section.dataset.state = 'none';
    append(section, h('h3', { id: 'aar-turning-title' }, t('ending.aar.turningTitle')), h('p', { class: 'small muted' }, t('ending.turning.none', { who: roleShortName(source.scenario, source.role).text, sid: roleSid(source.role) })));
    return section;
  }
  append(
    section,
    h('h3', { id: 'aar-turning-title' }, t('ending.aar.turningTitle')),
    h('p', { class: 'small muted' }, t('ending.aar.turningIntro', { who: roleShortName(source.scenario, source.role).text, sid: roleSid(source.role), n: mine })),
    h('div', { class: 'btn-row' }, runs, findButton, cancelButton),
    progress,
    message,
    results,
  );

  function stop(text: string, state: 'idle' | 'cancelled' | 'done' | 'error'): void {
    if (ticker !== null) clearInterval(ticker);
    ticker = null;
    for (const w of workers) w.terminate();
    workers = [];
    message.textContent = text;
    cancelButton.hidden = true;
    findButton.disabled = false;
    runs.disabled = false;
    if (state !== 'done') progress.hidden = true;
    section.dataset.state = state;
  }

  function start(): void {
    stop('', 'idle');
    clear(results);
    const n = Number(runs.value);
    const job: TurningJob = {
      scenarioId: source.scenario.id,
      whatIfs: source.whatIfs,
      seed: source.seed,
      humans: source.humans,
      difficulty: source.difficulty,
      role: source.role,
      turns: source.turns,
      runs: n,
    };
    const pool = Array.from({ length: WORKERS }, () => new Worker(new URL('./turning.worker.ts', import.meta.url), { type: 'module' }));
    workers = pool;
    const played = pool.map(() => 0);
    const totals = pool.map(() => 0);
    const parts: TurningPart[] = [];
    let outline: TurningOutline | null = null;
    findButton.disabled = true;
    runs.disabled = true;
    cancelButton.hidden = false;
    progress.hidden = false;
    bar.removeAttribute('value');
    progressText.textContent = t('ending.aar.replaying', { clock: '' }).trim();
    message.textContent = t('ending.aar.workers', { n: pool.length });
    section.dataset.state = 'running';
    const began = performance.now();
    let done = 0;
    let total = 0;
    const show = () => {
      const clock = t('ending.aar.seconds', { s: fmtNumber((performance.now() - began) / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
      progressText.textContent = total > 0 ? t('ending.aar.progress', { done: fmtNumber(done), total: fmtNumber(total), clock }) : t('ending.aar.replaying', { clock });
    };
    ticker = setInterval(() => {
      if (!section.isConnected) stop('', 'idle');
      else show();
    }, 250);
    pool.forEach((w, index) => {
      w.onmessage = (e: MessageEvent<FromTurningWorker>) => {
        if (workers !== pool) return;
        if (!section.isConnected) return stop('', 'idle');
        const m = e.data;
        if (m.type === 'error') return stop(m.message, 'error');
        if (m.type === 'outline') {
          outline ??= m.outline;
          return;
        }
        if (m.type === 'progress') {
          played[index] = m.played;
          totals[index] = m.total;
        } else {
          played[index] = m.part.units.length;
          parts.push(m.part);
        }
        total = totals.reduce((a, b) => a + b, 0);
        done = played.reduce((a, b) => a + b, 0);
        bar.max = Math.max(1, total);
        bar.value = done;
        show();
        if (parts.length < pool.length || !outline) return;
        const summary = summariseTurning(outline, parts);
        stop(t('ending.aar.done', { n: fmtNumber(summary.units), s: fmtNumber((performance.now() - began) / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) }), 'done');
        const shown = turningResults(summary, source.scenario);
        // The figures as data, for tests that compare them with the headless analysis.
        shown.dataset.summary = JSON.stringify(summary);
        results.append(shown);
      };
      w.onerror = (e) => {
        if (workers === pool) stop(t('ending.aar.stopped', { message: e.message || t('ending.aar.workerFailed') }), 'error');
      };
      w.postMessage({ type: 'run', job, share: { index, of: pool.length } } satisfies ToTurningWorker);
    });
  }

  section.dataset.state = 'idle';
  return section;
}

/** The whole after-action report: turning points (when the player gave orders) and the charts. */
export function mountAfterAction(into: HTMLElement, source: AarSource, options: { turning?: boolean; print?: boolean; fog?: boolean } = {}): () => void {
  const data = warData(source.scenario, source.states, source.record, options.fog ? { role: source.role } : undefined);
  if (options.print) {
    into.append(
      h(
        'div',
        { class: 'btn-row aar-print-row' },
        button(
          t('ending.aar.print'),
          () => {
            // Open the tables and the list of every decision, so that the page holds every figure.
            for (const d of into.querySelectorAll('details')) d.open = true;
            document.documentElement.classList.add('aar-print');
            window.addEventListener('afterprint', () => document.documentElement.classList.remove('aar-print'), { once: true });
            window.print();
          },
          { class: 'ghost small', id: 'aar-print', title: t('ending.aar.printTitle') },
        ),
      ),
    );
  }
  if (options.turning !== false) into.append(turningSection(source));
  const charts = h('div', { class: 'aar-charts', id: 'aar-charts' });
  into.append(
    h(
      'section',
      { class: 'aar-war', 'aria-labelledby': 'aar-war-title' },
      h('h3', { id: 'aar-war-title' }, t('ending.aar.warTitle')),
      h(
        'p',
        { class: 'small muted' },
        t('ending.aar.warIntro', { from: fmtDate(data.dates[0] ?? ''), to: fmtDate(data.dates[data.dates.length - 1] ?? ''), fog: options.fog ? 'yes' : 'no' }),
      ),
      charts,
      data.events.length
        ? h(
            'details',
            { class: 'aar-events', id: 'aar-events' },
            h('summary', { class: 'small' }, t('ending.aar.events', { n: data.events.length })),
            h('ul', { class: 'timeline' }, ...data.events.map((e) => h('li', null, h('span', { class: 'date' }, pointLabel(data, e.point)), h('span', null, e.title)))),
          )
        : null,
    ),
  );
  const clean = (x: string) => x.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32) || 'x';
  return mountWarCharts(charts, data, `ceasefire-line-${clean(source.scenario.id)}-seed${clean(source.seed)}`);
}
