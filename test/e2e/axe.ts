// axe-core in the page, for the accessibility tests: its source (node_modules/axe-core, a
// pinned dev dependency) is evaluated in the page through the test driver, so the page's
// Content-Security-Policy stays as it is and nothing is fetched from anywhere.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; summary: string }[];
}

/** WCAG 2.0–2.2 A and AA, and axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe over the whole page as it is now; returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: (n.failureSummary ?? '').slice(0, 300) })),
    }));
  }, TAGS);
}

/** One line per violation and node, to read in a failing test. */
export function describeViolations(screen: string, list: AxeViolation[]): string[] {
  return list.flatMap((v) => v.nodes.map((n) => `${screen}: [${v.impact}] ${v.id} (${v.help}) at ${n.target.join(' ')}: ${n.summary.replace(/\s+/g, ' ')}`));
}
