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
import { actorName, fmtDate, fmtNumber, placeName, t } from '../i18n/index.ts';
import { addDays, dayNumber } from '../sim/dates.ts';
import {
  EXPLORE_POLICIES,
  type ExplorePart,
  type ExplorePolicy,
  type ExploreSummary,
  INDICATORS,
  policyDifficulty,
  splitRuns,
  summarise,
} from '../sim/explore.ts';
import type { PathSummary } from '../sim/path.ts';
import type { HistoryRecord } from '../sim/record.ts';
import type { Scenario } from '../sim/types.ts';
import { append, button, clear, h, layer, untranslated } from './dom.ts';
import { endingName as kindName } from './end-words.ts';
import { errorText } from './error-text.ts';
import type { FromWorker, ToWorker } from './explore.worker.ts';
import { factLabel, indicatorLabel, policyLabel } from './explore-words.ts';
import { choice } from './menu.ts';
import { palette } from './palette.ts';

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

/** Axis numbers: 1,200 → "1.2K", 40 → "40" (in the current language). */
function compact(n: number): string {
  return fmtNumber(n, { notation: 'compact', maximumFractionDigits: 1 });
}

/** A share in percent with one decimal: 12.5 → "12.5%" (in the current language). */
export function pct(share: number): string {
  return fmtNumber(share / 100, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Seconds with one decimal. */
const secs = (ms: number) => fmtNumber(ms / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const TOLL_KEYS: Record<string, string> = {
  'tripoli-3-months': 'explorer.toll.tripoli-3-months',
  '2020-q1': 'explorer.toll.2020-q1',
  '2020-q2': 'explorer.toll.2020-q2',
};

/** "military-victory:lna" → "Military victory — LNA" (in the current language). */
export function endingLabel(key: string): string {
  const [kind = key, winner] = key.split(':');
  const name = kindName(kind);
  return winner ? t('explorer.endingWinner', { ending: name, winner: actorName(winner) }) : name;
}

export function mountExplorer(options: ExplorerOptions): { close(): void } {
  const root = layer('explorer');
  const panel = h('div', { class: 'panel explorer scroll', role: 'main', 'aria-label': t('explorer.title') });
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

  const runsInput = h('input', { type: 'number', id: 'explore-runs', 'aria-label': t('explorer.runs.aria'), value: '500' });
  runsInput.min = String(MIN_RUNS);
  runsInput.max = String(MAX_RUNS);
  runsInput.step = '100';
  const seedInput = h('input', { type: 'text', id: 'explore-seed', 'aria-label': t('explorer.seed.aria'), value: 'explore' });
  seedInput.maxLength = 32;
  seedInput.spellcheck = false;

  const scenarioBox = h('div', { class: 'choices', role: 'group', 'aria-label': t('explorer.scenario') });
  const whatIfBox = h('div', { class: 'choices whatifs', role: 'group', 'aria-label': t('explorer.whatIfs') });
  const policyBox = h('div', { class: 'choices', role: 'group', 'aria-label': t('explorer.policy') });
  const roleBox = h('div', { class: 'choices cols-3', role: 'group', 'aria-label': t('explorer.openAs') });
  const message = h('div', { class: 'small muted', id: 'explore-message', role: 'status', 'aria-live': 'polite' });
  /** A problem with the number of games or the seed, shown beside the fields. */
  const fieldError = h('div', { class: 'small field-error', id: 'explore-field-error', role: 'alert' });
  const bar = h('progress', { id: 'explore-progress', 'aria-label': t('explorer.progress.aria') });
  bar.max = 1;
  bar.value = 0;
  const progressText = h('span', { class: 'small', id: 'explore-progress-text' });
  const progress = h('div', { class: 'explore-progress' }, bar, progressText);
  progress.hidden = true;
  const results = h('div', { id: 'explore-results', class: 'explore-results' });

  const runButton = button(t('explorer.run'), () => start(), { class: 'primary', id: 'explore-run' });
  const cancelButton = button(t('explorer.cancel'), () => cancel(), { id: 'explore-cancel', disabled: true });

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
        }, h('span', { class: 'choice-title' }, e.title), h('span', { class: 'choice-sub' }, t('explorer.scenarioSub', { date: fmtDate(e.startDate), turns: e.turns }))),
      );
    }
    clear(whatIfBox);
    const list = entry?.whatIfs ?? [];
    if (list.length === 0) whatIfBox.append(h('p', { class: 'small muted' }, t('explorer.noWhatIfs')));
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
        }, h('span', { class: 'choice-title' }, policyLabel(p))),
      );
    }
    clear(roleBox);
    for (const r of ['gna', 'lna', 'mediator'] as Role[]) {
      const b = choice(r === role, () => {
        role = r;
        renderSetup();
      }, h('span', { class: 'choice-title' }, h('i', { class: `side-mark ${r}`, 'aria-hidden': 'true' }), actorName(r)));
      b.disabled = !entry?.playable.includes(r);
      roleBox.append(b);
    }
    // "You" can be a foreign backer too: a game opened from a result is played in that seat.
    for (const seat of entry?.backerSeats ?? []) {
      const b = choice(seat.role === role, () => {
        role = seat.role;
        renderSetup();
      }, h('span', { class: 'choice-title' }, h('i', { class: `side-mark ${seat.client}`, 'aria-hidden': 'true' }), seatName(seat)));
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
      fieldError.textContent = t('explorer.runs.bad', { min: fmtNumber(MIN_RUNS), max: fmtNumber(MAX_RUNS) });
      runsInput.setAttribute('aria-invalid', 'true');
      runsInput.focus();
      return;
    }
    const seed = seedInput.value.trim().replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32);
    if (!seed) {
      fieldError.textContent = t('explorer.seed.bad');
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
    progressText.textContent = t('explorer.progress', { runs, played: fmtNumber(0), total: fmtNumber(runs), secs: secs(0) });
    message.textContent = t('explorer.playing', { workers: pool.length });
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
        if (m.type === 'error') return failed(t('explorer.stopped', { reason: errorText(m.msg) }));
        played[i] = m.type === 'progress' ? m.played : m.part.played;
        slowest = Math.max(slowest, m.ms);
        const total = played.reduce((a, b) => a + b, 0);
        bar.value = total;
        progressText.textContent = t('explorer.progress', { runs, played: fmtNumber(total), total: fmtNumber(runs), secs: secs(slowest) });
        if (m.type !== 'done') return;
        parts.push(m.part);
        if (parts.length < ranges.length) return;
        finish();
        void against.then((context) => {
          if (batch !== batches) return;
          const result = summarise(scenarioId, config, parts, context ? { record: context.record, scenario: context.scenario } : undefined);
          message.textContent = t('explorer.done', { runs: result.runs, secs: secs(slowest) });
          summary = result;
          renderResults(result, scenarioId, setupRole, context?.scenario);
          setRunning(false);
        });
      };
      w.onerror = (e) => {
        if (workers === pool) failed(t('explorer.stopped', { reason: e.message || t('explorer.workerFailed') }));
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
      message.textContent = t('explorer.cancelled', { runs: bar.value });
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
    const playing = playAs.startsWith('backer:') ? seatName(entries.find((e) => e.id === scenarioId)?.backerSeats.find((x) => x.role === playAs) ?? { role: playAs, name: playAs }) : actorName(playAs);
    const openButton = (label: string, seed: string | undefined, what: string, hook: string) =>
      seed
        ? button(label, () => open(scenarioId, seed, playAs, s.whatIfs, s.policy), {
            class: 'small',
            'data-seed': seed,
            'data-open': hook,
            title: t('explorer.openTitle', { seed, role: playing, what }),
          })
        : null;
    const shareBar = (pct: number, cls = '') => h('span', { class: `share-bar ${cls}`, 'aria-hidden': 'true' }, h('span', { style: `width:${Math.max(0, Math.min(100, pct))}%` }));

    const endings = h(
      'table',
      { class: 'explore-table', id: 'explore-endings' },
      h('thead', null, h('tr', null, h('th', null, t('explorer.col.ending')), h('th', null, t('explorer.col.share')), h('th', { class: 'num' }, t('explorer.col.games')), h('th', null, t('explorer.col.showOne')))),
      h(
        'tbody',
        null,
        ...s.endings.map((e) =>
          h('tr', null, h('td', null, endingLabel(e.ending)), h('td', null, shareBar(e.share), ` ${pct(e.share)}`), h('td', { class: 'num' }, fmtNumber(e.games)), h('td', null, openButton(t('explorer.seedN', { seed: e.seeds[0] ?? '' }), e.seeds[0], endingLabel(e.ending), 'ending'))),
        ),
      ),
    );
    const facts = h(
      'table',
      { class: 'explore-table', id: 'explore-facts' },
      h('thead', null, h('tr', null, h('th', null, t('explorer.col.fact')), h('th', null, t('explorer.col.probability')), h('th', { class: 'num' }, t('explorer.col.games')), h('th', null, t('explorer.col.showOne')))),
      h(
        'tbody',
        null,
        ...s.facts.map((f) =>
          h(
            'tr',
            null,
            h('td', null, h('span', null, factLabel(f.id))),
            h('td', null, shareBar(f.share, 'fact'), ` ${pct(f.share)}`),
            h('td', { class: 'num' }, fmtNumber(f.games)),
            h('td', null, openButton(t('explorer.happened'), f.seeds[0], factLabel(f.id), 'with'), ' ', openButton(t('explorer.didNot'), f.seedsWithout[0], t('explorer.notFact', { fact: factLabel(f.id) }), 'without')),
          ),
        ),
      ),
    );
    const chartGrid = h('div', { class: 'explore-charts' });
    append(
      results,
      h('h3', null, t('explorer.results')),
      h(
        'p',
        { class: 'small muted', id: 'explore-results-head' },
        h('span', null, scenario?.title ?? scenarioId),
        ' · ',
        t('explorer.resultsLine', { runs: s.runs, seed: s.seed, last: String(s.runs), policy: policyLabel(s.policy) }),
        ' · ',
        switchNames.length ? t('explorer.resultsWhatIfs') : t('explorer.resultsNoWhatIfs'),
        switchNames.length ? h('span', null, switchNames.join('; ')) : null,
        ' ',
        t('explorer.resultsNote'),
      ),
      h('section', null, h('h4', null, t('explorer.endings')), endings),
      h('section', null, h('h4', null, t('explorer.facts')), facts),
      h('section', null, h('h4', null, t('explorer.charts')), chartGrid),
      s.path && played ? pathSection(s.path, played) : null,
    );
    for (const ind of INDICATORS) {
      const band = s.indicators[ind.id];
      const box = h('figure', { class: 'explore-chart', 'data-indicator': ind.id }, h('figcaption', null, indicatorLabel(ind.id)));
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
            { stroke: hex(palette.textMuted), grid: { stroke: hex(palette.line) }, ticks: { stroke: hex(palette.line) }, values: (_u, ticks) => ticks.map((x) => (Number.isInteger(x) ? t('explorer.chart.turn', { n: x }) : '')) },
            { stroke: hex(palette.textMuted), grid: { stroke: hex(palette.line) }, ticks: { stroke: hex(palette.line) }, size: 52, values: (_u, ticks) => ticks.map(compact) },
          ],
          series: [
            {},
            { label: '10%', stroke: hex(color, 0.5), width: 1, points: { show: false } },
            { label: t('explorer.chart.median'), stroke: hex(color), width: 2, points: { show: false } },
            { label: '90%', stroke: hex(color, 0.5), width: 1, points: { show: false } },
          ],
          bands: [{ series: [3, 1], fill: hex(color, 0.2) }],
        },
        [xs, band.p10, band.p50, band.p90],
        box,
      );
      charts.push(plot);
      box.append(h('div', { class: 'small muted chart-foot' }, t('explorer.chart.foot', { from: fmtDate(s.dates[0] ?? ''), to: fmtDate(s.dates[s.dates.length - 1] ?? ''), median: fmtNumber(band.p50[band.p50.length - 1] ?? 0) })));
    }
  }

  renderSetup();
  append(
    panel,
    h('div', { class: 'btn-row' }, button(t('explorer.back'), () => close(), { class: 'ghost small', id: 'explore-back' }), h('h2', null, t('explorer.heading'))),
    h('p', { class: 'small muted' }, t('explorer.intro'), ' ', untranslated(h('code', null, 'npm run sim -- --what-if … --runs N')), t('explorer.introEnd')),
    h(
      'div',
      { class: 'explore-setup' },
      h('section', null, h('h3', null, t('explorer.scenario')), scenarioBox),
      h('section', null, h('h3', null, t('explorer.whatIf')), whatIfBox),
      h('section', null, h('h3', null, t('explorer.howPlay')), policyBox),
      h(
        'section',
        null,
        h('h3', null, t('explorer.games')),
        h('div', { class: 'explore-fields' }, h('label', { class: 'field' }, t('explorer.runs.label', { min: fmtNumber(MIN_RUNS), max: fmtNumber(MAX_RUNS) }), runsInput), h('label', { class: 'field' }, t('explorer.seed.label'), seedInput)),
        fieldError,
        h('h3', { style: 'margin-block-start:12px' }, t('explorer.openAs')),
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

/** A backer's seat named in the current language (the scenario's own name for a backer the catalogue does not know). */
function seatName(seat: { role: string; name: string }): string {
  const named = actorName(seat.role);
  return named !== seat.role ? named : seat.name === 'United Arab Emirates' ? 'UAE' : seat.name;
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
  const name = (id: string) => placeName(id, (scenario.map.places.find((p) => p.id === id)?.name ?? id).replace(/\s*\(.*\)$/, ''));
  const rows = path.places
    .filter((r) => r.real || r.changed >= 1)
    .sort((a, b) => (a.real?.date ?? a.median ?? '9') .localeCompare(b.real?.date ?? b.median ?? '9') || b.changed - a.changed);
  const track = (r: PathSummary['places'][number]) =>
    h(
      'div',
      { class: 'path-track', 'aria-hidden': 'true' },
      r.real ? h('span', { class: 'path-real', style: `inset-inline-start:${at(r.real.date)}`, title: t('explorer.path.realTitle', { date: fmtDate(r.real.date) }) }) : null,
      r.median ? h('span', { class: `path-median${r.early >= 50 ? ' early' : ''}`, style: `inset-inline-start:${at(r.median)}`, title: t('explorer.path.medianTitle', { date: fmtDate(r.median) }) }) : null,
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
        h('th', null, t('explorer.path.place')),
        h('th', { class: 'num' }, t('explorer.path.changed')),
        h('th', null, t('explorer.path.median')),
        h('th', null, t('explorer.path.inHistory')),
        h('th', { class: 'num' }, t('explorer.path.early')),
        h('th', { class: 'path-axis' }, t('explorer.path.axis', { from: fmtDate(scenario.startDate), to: fmtDate(addDays(scenario.startDate, end - start)) })),
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
          h('td', { class: 'num' }, pct(r.changed)),
          h('td', null, r.median ? fmtDate(r.median) : '—'),
          h('td', null, r.real ? fmtDate(r.real.date) : t('explorer.path.never')),
          h('td', { class: 'num' }, pct(r.early)),
          h('td', { class: 'path-axis' }, track(r)),
        ),
      ),
    ),
  );
  const b = path.blockade;
  const lines: HTMLElement[] = [
    h(
      'p',
      { class: 'small', 'data-line': 'blockade' },
      b.share > 0
        ? t('explorer.path.blockade', {
            share: pct(b.share),
            from: b.medianFrom ? fmtDate(b.medianFrom) : '—',
            days: b.medianDays ?? 0,
            lifted: pct(b.liftedBeforeAugust),
            historyFrom: fmtDate('2020-01-17'),
            historyTo: fmtDate('2020-09-18'),
          })
        : t('explorer.path.noBlockade', { historyFrom: fmtDate('2020-01-17'), historyTo: fmtDate('2020-09-18') }),
    ),
    ...(b.medianOutput !== null ? [h('p', { class: 'small', 'data-line': 'blockade-output' }, t('explorer.path.blockadeOutput', { output: fmtNumber(b.medianOutput * 1000) }))] : []),
    ...path.toll.map((x) =>
      h(
        'p',
        { class: 'small', 'data-line': 'toll' },
        t('explorer.path.toll', { median: fmtNumber(x.median) }),
        ' (',
        TOLL_KEYS[x.id] ? t(TOLL_KEYS[x.id]!) : untranslated(h('span', null, x.source)),
        ').',
      ),
    ),
  ];
  return h(
    'section',
    { id: 'explore-path-section' },
    h('h4', null, t('explorer.path.heading')),
    h('p', { class: 'small muted' }, t('explorer.path.intro'), ' ', untranslated(h('code', null, 'npm run calibrate')), t('explorer.path.introEnd')),
    table,
    ...lines,
  );
}
