// The scenarios the game can offer, as the menu lists them (src/content/catalog.ts): known
// without loading any scenario, so the menu and the explorer show them at once. A game loads
// its scenario with loadBundledScenario (src/content/index.ts, in the play chunk); a file that
// could not be listed is a message on the menu, never a blank page.

import { type CatalogProblem, prefetchScenario, type ScenarioMeta, scenarioCatalog, scenarioMeta } from '../content/catalog.ts';
import { shownMeta } from '../i18n/content.ts';

export { prefetchScenario };

/** A scenario as the menu and the explorer show it before it is chosen. */
export type ScenarioEntry = ScenarioMeta;
export type ContentProblem = CatalogProblem;

/** The scenarios as the menu lists them, their titles, roles and what-ifs in the player's language. */
export function content(): { scenarios: ScenarioEntry[]; problems: ContentProblem[] } {
  const { scenarios, problems } = scenarioCatalog();
  return { scenarios: scenarios.map(shownMeta), problems };
}

export function scenarioById(id: string): ScenarioEntry | undefined {
  const meta = scenarioMeta(id);
  return meta && shownMeta(meta);
}
