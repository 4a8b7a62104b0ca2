// The outcome explorer in the headless runner: --list-what-ifs, --what-if, --policy with
// --runs print the explorer's table (or its JSON), and bad switches get a clear message.
import { describe, expect, it } from 'vitest';
import { loadRecordFile, loadScenarioFile } from '../src/cli/files.ts';
import { main } from '../src/cli/sim.ts';
import { explore } from '../src/sim/explore.ts';
import { factLabel } from '../src/ui/explore-words.ts';

const STACK_FRAME = /^\s+at /m;

function run(argv: string[]): { code: number; text: string } {
  const lines: string[] = [];
  const code = main(argv, (line) => lines.push(line));
  return { code, text: lines.join('\n') };
}

describe('sim CLI: what-ifs', () => {
  it('--help documents the explorer options', () => {
    const { text } = run(['--help']);
    for (const option of ['--what-if', '--policy', '--list-what-ifs']) expect(text).toContain(option);
  });

  it('--list-what-ifs lists every switch of the scenario with its label and description', () => {
    const { code, text } = run(['--scenario', 'red-line-2020', '--list-what-ifs']);
    expect(code).toBe(0);
    for (const id of ['turkey-out', 'russia-out', 'uae-out', 'embargo-enforced', 'no-oil-blockade', 'militia-loyal']) expect(text).toMatch(new RegExp(`^${id} +\\S`, 'm'));
    expect(text).toContain('Russia and Wagner stay out');
    expect(text).toContain('UN experts reported');
  });

  it.each([
    { argv: ['--what-if', 'peace-now', '--runs', '3'], code: 2, words: ['"peace-now"', 'turkey-out', '--list-what-ifs'] },
    { argv: ['--policy', 'random', '--runs', '3'], code: 2, words: ['--policy', '"random"', 'historical, ai-easy, ai-normal, ai-hard'] },
    { argv: ['--what-if', 'turkey-out', '--runs', '3', '--role', 'gna'], code: 2, words: ['--role'] },
    { argv: ['--what-if'], code: 2, words: ['--what-if'] },
  ])('$argv → exit $code naming the problem', ({ argv, code, words }) => {
    const r = run(argv);
    expect(r.code).toBe(code);
    expect(r.text).toMatch(/^error: /);
    for (const w of words) expect(r.text).toContain(w);
    expect(r.text).not.toMatch(STACK_FRAME);
  });

  it('--what-if … --runs prints the explorer’s table: endings, key facts and indicators, with the explorer’s numbers', () => {
    const argv = ['--scenario', 'sirte-2020', '--what-if', 'turkey-out', '--what-if', 'no-oil-blockade', '--runs', '12', '--seed', 'cli'];
    const { code, text } = run(argv);
    expect(code).toBe(0);
    const loaded = loadScenarioFile('sirte-2020');
    if (!loaded.ok) throw new Error('flagship does not load');
    const record = loadRecordFile();
    if (!record.ok) throw new Error('the record does not load');
    // On the Libya map the runner sets the games beside the record, as the browser's explorer does.
    const summary = explore(loaded.value, { whatIfs: ['turkey-out', 'no-oil-blockade'], policy: 'ai-normal', runs: 12, seed: 'cli' }, record.value);
    expect(summary.path?.places.length).toBeGreaterThan(0);
    expect(text).toContain('What-ifs: Turkey stays out; No oil blockade');
    expect(text).toContain('12 games, seeds "cli-1" … "cli-12"');
    for (const e of summary.endings) expect(text).toMatch(new RegExp(`^${e.ending} +${e.games} +${e.share.toFixed(1)}%`, 'm'));
    for (const f of summary.facts) expect(text).toMatch(new RegExp(`^${factLabel(f.id)} +${f.games} +${f.share.toFixed(1)}%`, 'm'));
    expect(text).toContain('Civilian deaths');
    const json = run([...argv, '--json']);
    expect(JSON.parse(json.text)).toEqual(summary);
  });

  it('--policy historical with --runs prints the explorer’s table even without a switch', () => {
    const { code, text } = run(['--policy', 'historical', '--runs', '3']);
    expect(code).toBe(0);
    expect(text).toContain('Policy: historical');
    expect(text).toContain('What-ifs: none');
  });

  it('--what-if without --runs plays one game with the switch on', () => {
    const on = run(['--what-if', 'turkey-out', '--seed', '5', '--json']);
    const off = run(['--seed', '5', '--json']);
    expect(on.code).toBe(0);
    expect(JSON.parse(on.text).hash).not.toBe(JSON.parse(off.text).hash);
  });
});
