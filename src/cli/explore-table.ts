// The outcome explorer in the headless runner: the table `npm run sim -- --what-if … --runs N`
// prints, and the list `--list-what-ifs` prints. The numbers are src/sim/explore.ts's.
import { type ExploreSummary, INDICATORS } from '../sim/explore.ts';
import type { Scenario } from '../sim/index.ts';
import { listWhatIfs } from '../sim/whatif.ts';
import { factLabel, indicatorLabel, policyLabel } from '../ui/explore-words.ts';

/** Wraps text to a width, for descriptions in a terminal. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function formatWhatIfList(scenario: Scenario): string[] {
  const whatIfs = listWhatIfs(scenario);
  if (whatIfs.length === 0) return [`${scenario.title} (${scenario.id}) has no what-ifs.`];
  const lines = [`What-ifs of ${scenario.title} (${scenario.id}) — use with --what-if <id> (repeatable) and --runs N`, ''];
  const w = Math.max(...whatIfs.map((x) => x.id.length));
  for (const x of whatIfs) {
    lines.push(`${x.id.padEnd(w)}  ${x.label}`);
    for (const l of wrap(x.description, 88)) lines.push(`${' '.repeat(w)}    ${l}`);
  }
  return lines;
}

const pct = (n: number) => `${n.toFixed(1)}%`;

/** The explorer's table: endings, key facts (with example seeds), indicators at a few turns. */
export function formatExplore(scenario: Scenario, s: ExploreSummary): string[] {
  const labels = listWhatIfs(scenario);
  const switches = s.whatIfs.length ? s.whatIfs.map((id) => labels.find((w) => w.id === id)?.label ?? id).join('; ') : 'none (as in the scenario)';
  const lines = [
    `Outcome explorer — ${scenario.title} (${s.scenario}), ${s.runs} games, seeds "${s.seed}-1" … "${s.seed}-${s.runs}"`,
    `What-ifs: ${switches}`,
    `Policy: ${s.policy} — ${policyLabel(s.policy)}`,
    '',
    'ending                       games   share  example seeds',
  ];
  for (const e of s.endings) lines.push(`${e.ending.padEnd(26)} ${String(e.games).padStart(7)}  ${pct(e.share).padStart(6)}  ${e.seeds.slice(0, 3).join(', ')}`);
  lines.push('');
  const w = Math.max(...s.facts.map((f) => factLabel(f.id).length));
  lines.push(`${'key fact'.padEnd(w)}    games   share  example seeds`);
  for (const f of s.facts) lines.push(`${factLabel(f.id).padEnd(w)}  ${String(f.games).padStart(7)}  ${pct(f.share).padStart(6)}  ${f.seeds.slice(0, 3).join(', ')}`);
  if (s.dates.length) {
    lines.push('', 'Indicators: median [10%–90%] by turn');
    const last = s.dates.length - 1;
    const turns = [...new Set([0, Math.round(last / 4), Math.round(last / 2), Math.round((3 * last) / 4), last])];
    const cell = (lo: number, mid: number, hi: number) => `${mid} [${lo}–${hi}]`.padStart(20);
    lines.push(`${'indicator'.padEnd(38)}${turns.map((t) => `${t === 0 ? 'start' : `turn ${t}`} ${s.dates[t]}`.padStart(20)).join('')}`);
    for (const ind of INDICATORS) {
      const b = s.indicators[ind.id];
      lines.push(`${indicatorLabel(ind.id).padEnd(38)}${turns.map((t) => cell(b.p10[t] ?? 0, b.p50[t] ?? 0, b.p90[t] ?? 0)).join('')}`);
    }
  }
  return lines;
}
