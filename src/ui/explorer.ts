// The outcome explorer screen ("Explore what if…"): choose a scenario, its counterfactual
// switches, a policy and a number of runs; the batch runs in Web Workers (explore.worker.ts, one
// per core, each a range of seeds) with a progress bar and a Cancel button; the results show the endings, the key facts and the
// main indicators over time (median with a 10–90% band, drawn with uPlot), and any result can
// be opened as a game from one of the seeds that showed it. Loaded only when asked for, with
// uPlot, so the menu's bundle stays small.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './explorer.css';
import { loadBundledScenario } from '../content/index.ts';
import type { ScenarioEntry } from '../game/content.ts';
import { historyRecord } from '../game/left-history.ts';
import type { GameSetup } from '../game/session.ts';
import type { PlayerRole, Role } from '../game/sim-types.ts';
import { addDays, dayNumber } from '../sim/dates.ts';
import {
  EXPLORE_POLICIES,
  type ExplorePart,
  type ExplorePolicy,
  type ExploreSummary,
  INDICATORS,
  POLICY_LABELS,
  policyDifficulty,
  splitRuns,
  summarise,
} from '../sim/explore.ts';
import type { PathSummary } from '../sim/path.ts';
import type { HistoryRecord } from '../sim/record.ts';
import type { EndingKind, Scenario } from '../sim/types.ts';
import { append, button, clear, formatDate, formatNumber, h, layer } from './dom.ts';
import type { FromWorker, ToWorker } from './explore.worker.ts';
import { choice } from './menu.ts';
import { palette } from './palette.ts';
import { ENDING_NAMES, ROLE_SHORT } from './texts.ts';

export const MIN_RUNS = 100;
export const MAX_RUNS = 5000;
/**
 * One worker per core the browser reports but one, which is left to the page (at least one
 * worker, at most 8): each plays its own range of seeds. On a two-core machine two workers
 * also finished later than one: they fought each other and the page for the same cores while
 * the JavaScript engine was still warming up (bench/explorer.ts).
 */
const WORKERS = Math.max(1, Math.min(8, (typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2) - 1));

export interface ExplorerOptions {
  /** The scenarios as listed at build time (with their what-ifs); each worker loads the one it runs. */
  scenarios: ScenarioEntry[];
  back(): void;
  /** Starts a game (the briefing) from a seed and switches a result showed. */
  openGame(setup: GameSetup): void;
}

const hex = (n: number, alpha = 1) => `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;

/** Axis numbers: 1,200 → "1.2k", 40 → "40". */
function compact(n: number): string {
  const a = Math.abs(n);
  if (a >= 1_000_000) return `${+(n / 1_000_000).toFixed(1)}M`;
  if (a >= 1000) return `${+(n / 1000).toFixed(1)}k`;
  return String(+n.toFixed(1));
}

/** "military-victory:lna" → "Military victory — LNA". */
export function endingLabel(key: string): string {
  const [kind, winner] = key.split(':');
  const name = ENDING_NAMES[kind as EndingKind] ?? kind ?? key;
  return winner ? `${name} — ${ROLE_SHORT[winner as Role] ?? winner}` : name;
}

export function mountExplorer(options: ExplorerOptions): { close(): void } {
  const root = layer('explorer');
  const panel = h('div', { class: 'panel explorer scroll', role: 'main', 'aria-label': 'Outcome explorer' });
  root.appendChild(panel);

  const entries = options.scenarios;
  let entry: ScenarioEntry | undefined = entries.find((s) => s.id.includes('sirte')) ?? entries[0];
  let whatIfs = new Set<string>();
  let policy: ExplorePolicy = 'historical';
  let role: PlayerRole = entry?.playable[0] ?? 'gna';
  /** The workers of the batch running, if one is. */
  let workers: Worker[] = [];
  /** Workers started ahead, with the chosen scenario loaded, so that the next batch starts at once. */
  let spares: Worker[] = [];
  const warm = () => {
    while (spares.length < WORKERS) {
      const w = new Worker(new URL('./explore.worker.ts', import.meta.url), { type: 'module' });
      if (entry) w.postMessage({ type: 'warm', scenarioId: entry.id } satisfies ToWorker);
      spares.push(w);
    }
  };
  let charts: uPlot[] = [];
  let summary: ExploreSummary | null = null;
  /** Counts the batches started: a batch's late answer is dropped once another has begun. */
  let batches = 0;

  const runsInput = h('input', { type: 'number', id: 'explore-runs', 'aria-label': 'Number of games', value: '500' });
  runsInput.min = String(MIN_RUNS);
  runsInput.max = String(MAX_RUNS);
  runsInput.step = '100';
  const seedInput = h('input', { type: 'text', id: 'explore-seed', 'aria-label': 'Seed prefix', value: 'explore' });
  seedInput.maxLength = 32;
  seedInput.spellcheck = false;

  const scenarioBox = h('div', { class: 'choices', role: 'group', 'aria-label': 'Scenario' });
  const whatIfBox = h('div', { class: 'choices whatifs', role: 'group', 'aria-label': 'What-ifs' });
  const policyBox = h('div', { class: 'choices', role: 'group', 'aria-label': 'Policy' });
  const roleBox = h('div', { class: 'choices cols-3', role: 'group', 'aria-label': 'Open games as' });
  const message = h('div', { class: 'small muted', id: 'explore-message', role: 'status', 'aria-live': 'polite' });
  /** A problem with the number of games or the seed, shown beside the fields. */
  const fieldError = h('div', { class: 'small field-error', id: 'explore-field-error', role: 'alert' });
  const bar = h('progress', { id: 'explore-progress', 'aria-label': 'Games played' });
  bar.max = 1;
  bar.value = 0;
  const progressText = h('span', { class: 'small', id: 'explore-progress-text' });
  const progress = h('div', { class: 'explore-progress' }, bar, progressText);
  progress.hidden = true;
  const results = h('div', { id: 'explore-results', class: 'explore-results' });

  const runButton = button('Run the games', () => start(), { class: 'primary', id: 'explore-run' });
  const cancelButton = button('Cancel', () => cancel(), { id: 'explore-cancel', disabled: true });

  const renderSetup = () => {
    clear(scenarioBox);
    for (const e of entries) {
      scenarioBox.append(
        choice(e.id === entry?.id, () => {
          if (entry?.id !== e.id) {
            whatIfs = new Set();
            // The spare workers load this scenario now, ahead of the batch.
            for (const w of spares) w.postMessage({ type: 'warm', scenarioId: e.id } satisfies ToWorker);
          }
          entry = e;
          if (!e.playable.includes(role)) role = e.playable[0] ?? 'gna';
          renderSetup();
        }, h('span', { class: 'choice-title' }, e.title), h('span', { class: 'choice-sub' }, `${formatDate(e.startDate)} · ${e.turns} turns`)),
      );
    }
    clear(whatIfBox);
    const list = entry?.whatIfs ?? [];
    if (list.length === 0) whatIfBox.append(h('p', { class: 'small muted' }, 'This scenario has no what-ifs: the games follow it as written.'));
    for (const w of list) {
      const input = h('input', { type: 'checkbox', 'data-whatif': w.id });
      input.checked = whatIfs.has(w.id);
      input.addEventListener('change', () => {
        if (input.checked) whatIfs.add(w.id);
        else whatIfs.delete(w.id);
      });
      whatIfBox.append(h('label', { class: 'check whatif' }, input, h('span', null, h('span', { class: 'choice-title' }, w.label), h('span', { class: 'choice-sub' }, w.description))));
    }
    clear(policyBox);
    for (const p of EXPLORE_POLICIES) {
      policyBox.append(
        choice(p === policy, () => {
          policy = p;
          renderSetup();
        }, h('span', { class: 'choice-title' }, POLICY_LABELS[p])),
      );
    }
    clear(roleBox);
    for (const r of ['gna', 'lna', 'mediator'] as Role[]) {
      const b = choice(r === role, () => {
        role = r;
        renderSetup();
      }, h('span', { class: 'choice-title' }, h('i', { class: `side-mark ${r}`, 'aria-hidden': 'true' }), ROLE_SHORT[r]));
      b.disabled = !entry?.playable.includes(r);
      roleBox.append(b);
    }
    // "You" can be a foreign backer too: a game opened from a result is played in that seat.
    for (const seat of entry?.backerSeats ?? []) {
      const b = choice(seat.role === role, () => {
        role = seat.role;
        renderSetup();
      }, h('span', { class: 'choice-title' }, h('i', { class: `side-mark ${seat.client}`, 'aria-hidden': 'true' }), seatName(seat.name)));
      b.dataset.role = seat.role;
      roleBox.append(b);
    }
  };

  const readRuns = (): number | null => {
    const n = Number(runsInput.value);
    return Number.isInteger(n) && n >= MIN_RUNS && n <= MAX_RUNS ? n : null;
  };

  const setRunning = (running: boolean) => {
    runButton.disabled = running;
    cancelButton.disabled = !running;
    panel.dataset.state = running ? 'running' : summary ? 'done' : 'idle';
  };

  function start(): void {
    if (!entry) return;
    const runs = readRuns();
    if (runs === null) {
      fieldError.textContent = `The number of games must be a whole number from ${formatNumber(MIN_RUNS)} to ${formatNumber(MAX_RUNS)}.`;
      runsInput.setAttribute('aria-invalid', 'true');
      runsInput.focus();
      return;
    }
    const seed = seedInput.value.trim().replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32);
    if (!seed) {
      fieldError.textContent = 'The seed prefix needs letters, digits, - or _.';
      seedInput.setAttribute('aria-invalid', 'true');
      seedInput.focus();
      return;
    }
    seedInput.value = seed;
    fieldError.textContent = '';
    runsInput.removeAttribute('aria-invalid');
    seedInput.removeAttribute('aria-invalid');
    cancel(true);
    const scenarioId = entry.id;
    const chosen = entry.whatIfs
      .map((w) => w.id)
      .filter((id) => whatIfs.has(id));
    const config = { whatIfs: chosen, policy, runs, seed };
    const setupRole = role;
    const batch = ++batches;
    // The record to set the games' path beside (the workers watch it too), loaded while they play.
    const against = pathContext(scenarioId);
    warm();
    const pool = spares;
    spares = [];
    workers = pool;
    const ranges = splitRuns(runs, pool.length);
    const played = ranges.map(() => 0);
    const parts: ExplorePart[] = [];
    let slowest = 0;
    bar.max = runs;
    bar.value = 0;
    progress.hidden = false;
    progressText.textContent = `0 of ${formatNumber(runs)} games`;
    message.textContent = `Playing the games in the background (${pool.length} worker${pool.length > 1 ? 's' : ''})…`;
    setRunning(true);
    const failed = (text: string) => {
      message.textContent = text;
      finish();
      setRunning(false);
    };
    pool.forEach((w, i) => {
      const range = ranges[i];
      if (!range) {
        w.terminate();
        return;
      }
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        if (workers !== pool) return;
        const m = e.data;
        if (m.type === 'error') return failed(m.message);
        played[i] = m.type === 'progress' ? m.played : m.part.played;
        slowest = Math.max(slowest, m.ms);
        const total = played.reduce((a, b) => a + b, 0);
        bar.value = total;
        progressText.textContent = `${formatNumber(total)} of ${formatNumber(runs)} games · ${(slowest / 1000).toFixed(1)} s`;
        if (m.type !== 'done') return;
        parts.push(m.part);
        if (parts.length < ranges.length) return;
        finish();
        void against.then((context) => {
          if (batch !== batches) return;
          const result = summarise(scenarioId, config, parts, context ? { record: context.record, scenario: context.scenario } : undefined);
          message.textContent = `Done: ${formatNumber(result.runs)} games in ${(slowest / 1000).toFixed(1)} s.`;
          summary = result;
          renderResults(result, scenarioId, setupRole, context?.scenario);
          setRunning(false);
        });
      };
      w.onerror = (e) => {
        if (workers === pool) failed(`The batch stopped: ${e.message || 'a worker failed'}.`);
      };
      w.postMessage({ type: 'run', scenarioId, config, range } satisfies ToWorker);
    });
  }

  function finish(): void {
    if (workers.length === 0) return;
    for (const w of workers) w.terminate();
    workers = [];
    warm();
  }

  function cancel(quiet = false): void {
    if (workers.length === 0) return;
    finish();
    if (!quiet) {
      message.textContent = `Cancelled after ${formatNumber(bar.value)} games; nothing was kept.`;
      progress.hidden = true;
    }
    setRunning(false);
  }

  function open(scenarioId: string, seed: string, chosenRole: PlayerRole, switches: string[], chosenPolicy: ExplorePolicy): void {
    options.openGame({ scenarioId, seed, role: chosenRole, difficulty: policyDifficulty(chosenPolicy), whatIfs: switches });
  }

  function renderResults(s: ExploreSummary, scenarioId: string, playAs: PlayerRole, played?: Scenario): void {
    for (const c of charts) c.destroy();
    charts = [];
    clear(results);
    results.dataset.summary = JSON.stringify(s);
    const scenario = entries.find((e) => e.id === scenarioId);
    const labels = scenario?.whatIfs ?? [];
    const switchNames = s.whatIfs.map((id) => labels.find((w) => w.id === id)?.label ?? id);
    const openButton = (label: string, seed: string | undefined, what: string) =>
      seed
        ? button(label, () => open(scenarioId, seed, playAs, s.whatIfs, s.policy), {
            class: 'small',
            'data-seed': seed,
            title: `Start seed ${seed} with the same what-ifs, playing ${playAs.startsWith('backer:') ? seatName(entries.find((e) => e.id === scenarioId)?.backerSeats.find((x) => x.role === playAs)?.name ?? playAs) : `the ${ROLE_SHORT[playAs as Role]}`}: ${what}. Your orders will make the game your own.`,
          })
        : null;
    const shareBar = (pct: number, cls = '') => h('span', { class: `share-bar ${cls}`, 'aria-hidden': 'true' }, h('span', { style: `width:${Math.max(0, Math.min(100, pct))}%` }));

    const endings = h(
      'table',
      { class: 'explore-table', id: 'explore-endings' },
      h('thead', null, h('tr', null, h('th', null, 'Ending'), h('th', null, 'Share'), h('th', { class: 'num' }, 'Games'), h('th', null, 'Show me one'))),
      h(
        'tbody',
        null,
        ...s.endings.map((e) =>
          h('tr', null, h('td', null, endingLabel(e.ending)), h('td', null, shareBar(e.share), ` ${e.share.toFixed(1)}%`), h('td', { class: 'num' }, formatNumber(e.games)), h('td', null, openButton(`Seed ${e.seeds[0]}`, e.seeds[0], endingLabel(e.ending)))),
        ),
      ),
    );
    const facts = h(
      'table',
      { class: 'explore-table', id: 'explore-facts' },
      h('thead', null, h('tr', null, h('th', null, 'Key fact of 2020'), h('th', null, 'Probability'), h('th', { class: 'num' }, 'Games'), h('th', null, 'Show me one'))),
      h(
        'tbody',
        null,
        ...s.facts.map((f) =>
          h(
            'tr',
            null,
            h('td', null, f.label),
            h('td', null, shareBar(f.share, 'fact'), ` ${f.share.toFixed(1)}%`),
            h('td', { class: 'num' }, formatNumber(f.games)),
            h('td', null, openButton('It happened', f.seeds[0], f.label), ' ', openButton('It did not', f.seedsWithout[0], `not: ${f.label}`)),
          ),
        ),
      ),
    );
    const chartGrid = h('div', { class: 'explore-charts' });
    append(
      results,
      h('h3', null, 'Results'),
      h(
        'p',
        { class: 'small muted' },
        `${scenario?.title ?? scenarioId} · ${formatNumber(s.runs)} games, seeds ${s.seed}-1 … ${s.seed}-${s.runs} · ${POLICY_LABELS[s.policy]} · what-ifs: ${switchNames.length ? switchNames.join('; ') : 'none'}. `,
        'The key facts are those of the 2020 war, measured on the same places in every scenario. “Show me one” starts that seed with the same what-ifs; your orders will make it your own.',
      ),
      h('section', null, h('h4', null, 'How the wars ended'), endings),
      h('section', null, h('h4', null, 'How often the key facts of 2020 happened'), facts),
      h('section', null, h('h4', null, 'The main indicators over time: median, with the band where 80% of games lie'), chartGrid),
      s.path && played ? pathSection(s.path, played) : null,
    );
    for (const ind of INDICATORS) {
      const band = s.indicators[ind.id];
      const box = h('figure', { class: 'explore-chart', 'data-indicator': ind.id }, h('figcaption', null, ind.label));
      chartGrid.append(box);
      const xs = s.dates.map((_, i) => i);
      const color = ind.id.startsWith('gna') ? palette.gna : ind.id.startsWith('lna') ? palette.lna : ind.id === 'casualties' ? palette.danger : palette.accent;
      const plot = new uPlot(
        {
          width: Math.max(240, box.clientWidth - 18),
          height: 150,
          legend: { show: false },
          cursor: { show: false },
          scales: { x: { time: false } },
          axes: [
            { stroke: hex(palette.textMuted), grid: { stroke: hex(palette.line) }, ticks: { stroke: hex(palette.line) }, values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? `t${t}` : '')) },
            { stroke: hex(palette.textMuted), grid: { stroke: hex(palette.line) }, ticks: { stroke: hex(palette.line) }, size: 52, values: (_u, ticks) => ticks.map(compact) },
          ],
          series: [
            {},
            { label: '10%', stroke: hex(color, 0.5), width: 1, points: { show: false } },
            { label: 'median', stroke: hex(color), width: 2, points: { show: false } },
            { label: '90%', stroke: hex(color, 0.5), width: 1, points: { show: false } },
          ],
          bands: [{ series: [3, 1], fill: hex(color, 0.2) }],
        },
        [xs, band.p10, band.p50, band.p90],
        box,
      );
      charts.push(plot);
      box.append(h('div', { class: 'small muted chart-foot' }, `${formatDate(s.dates[0] ?? '')} → ${formatDate(s.dates[s.dates.length - 1] ?? '')} · median at the end ${formatNumber(band.p50[band.p50.length - 1] ?? 0)}`));
    }
  }

  renderSetup();
  append(
    panel,
    h('div', { class: 'btn-row' }, button('← Back', () => close(), { class: 'ghost small' }), h('h2', null, 'Explore what if…')),
    h(
      'p',
      { class: 'small muted' },
      'Play the same scenario hundreds of times with a few things changed, and see how often each ending and each key fact of 2020 comes. Every game is seeded: the same settings give the same numbers here and in the headless runner (npm run sim -- --what-if … --runs N).',
    ),
    h(
      'div',
      { class: 'explore-setup' },
      h('section', null, h('h3', null, 'Scenario'), scenarioBox),
      h('section', null, h('h3', null, 'What if…'), whatIfBox),
      h('section', null, h('h3', null, 'How the actors play'), policyBox),
      h(
        'section',
        null,
        h('h3', null, 'Games'),
        h('div', { class: 'explore-fields' }, h('label', { class: 'field' }, `Number of games (${MIN_RUNS} to ${formatNumber(MAX_RUNS)})`, runsInput), h('label', { class: 'field' }, 'Seed prefix (games use <prefix>-1, -2, …)', seedInput)),
        fieldError,
        h('h3', { style: 'margin-top:12px' }, 'Open games as'),
        roleBox,
      ),
    ),
    h('div', { class: 'btn-row end' }, message, cancelButton, runButton),
    progress,
    results,
  );
  panel.dataset.state = 'idle';
  warm();
  runButton.focus({ preventScroll: true });

  function close(): void {
    teardown();
    options.back();
  }

  function teardown(): void {
    for (const w of [...workers, ...spares]) w.terminate();
    workers = [];
    spares = [];
    for (const c of charts) c.destroy();
    charts = [];
    root.remove();
  }

  return { close: teardown };
}

/** A backer's name as the role picker shows it. */
function seatName(name: string): string {
  return name === 'United Arab Emirates' ? 'UAE' : name;
}

/** The scenario and the record of the war its games are set beside, where the record applies (the Libya map). */
async function pathContext(scenarioId: string): Promise<{ scenario: Scenario; record: HistoryRecord } | null> {
  try {
    const scenario = await loadBundledScenario(scenarioId);
    const record = historyRecord(scenario);
    return record ? { scenario, record } : null;
  } catch {
    return null;
  }
}

/**
 * The war's path against the record, as `npm run calibrate` prints it for the same seeds: for
 * each key place that changed hands in history or in the games, how often it changed, the median
 * date of its first change and the real one, on the scenario's time axis; then the blockade and
 * the civilian toll against the UN's counts.
 */
export function pathSection(path: PathSummary, scenario: Scenario): HTMLElement {
  const start = dayNumber(scenario.startDate);
  const end = start + scenario.turns * scenario.turnDays - 1;
  const at = (iso: string) => `${Math.max(0, Math.min(100, ((dayNumber(iso) - start) * 100) / Math.max(1, end - start)))}%`;
  const name = (id: string) => (scenario.map.places.find((p) => p.id === id)?.name ?? id).replace(/\s*\(.*\)$/, '');
  const rows = path.places
    .filter((r) => r.real || r.changed >= 1)
    .sort((a, b) => (a.real?.date ?? a.median ?? '9') .localeCompare(b.real?.date ?? b.median ?? '9') || b.changed - a.changed);
  const track = (r: PathSummary['places'][number]) =>
    h(
      'div',
      { class: 'path-track', 'aria-hidden': 'true' },
      r.real ? h('span', { class: 'path-real', style: `left:${at(r.real.date)}`, title: `In history: ${r.real.when}` }) : null,
      r.median ? h('span', { class: `path-median${r.early >= 50 ? ' early' : ''}`, style: `left:${at(r.median)}`, title: `Median first change: ${formatDate(r.median)}` }) : null,
    );
  const table = h(
    'table',
    { class: 'explore-table path-table', id: 'explore-path' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, 'Place'),
        h('th', { class: 'num' }, 'Changed hands'),
        h('th', null, 'Median first change'),
        h('th', null, 'In history'),
        h('th', { class: 'num' }, 'Over a month early'),
        h('th', { class: 'path-axis' }, `${formatDate(scenario.startDate)} → ${formatDate(addDays(scenario.startDate, end - start))}`),
      ),
    ),
    h(
      'tbody',
      null,
      ...rows.map((r) =>
        h(
          'tr',
          { 'data-place': r.place },
          h('td', null, name(r.place)),
          h('td', { class: 'num' }, `${r.changed.toFixed(1)}%`),
          h('td', null, r.median ? formatDate(r.median) : '—'),
          h('td', null, r.real ? formatDate(r.real.date) : 'never'),
          h('td', { class: 'num' }, `${r.early.toFixed(1)}%`),
          h('td', { class: 'path-axis' }, track(r)),
        ),
      ),
    ),
  );
  const b = path.blockade;
  const lines = [
    b.share > 0
      ? `Oil blockade in ${b.share.toFixed(1)}% of games, from a median ${b.medianFrom ? formatDate(b.medianFrom) : '—'}, lasting a median ${b.medianDays ?? '—'} days, lifted before August 2020 in ${b.liftedBeforeAugust.toFixed(1)}% of them (history: 17 January to 18 September 2020, 245 days).`
      : 'No oil blockade in these games (history: 17 January to 18 September 2020).',
    ...path.toll.map((t) => `Civilians killed over months the UN counted: a median of ${formatNumber(t.median)} in these games (${t.source}).`),
  ];
  return h(
    'section',
    { id: 'explore-path-section' },
    h('h4', null, "The war's path against the record"),
    h(
      'p',
      { class: 'small muted' },
      'For each key place: how often it changed hands, the median date of its first change (dot) against the real date (diamond) on the scenario’s time line; a red dot changed over a month early in most games. The same figures as ',
      h('code', null, 'npm run calibrate'),
      ' for the same seeds.',
    ),
    table,
    ...lines.map((l) => h('p', { class: 'small' }, l)),
  );
}
