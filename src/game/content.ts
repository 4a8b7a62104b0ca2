// Scenarios the game can offer, from the shared registry (src/content). A registry that
// fails to load becomes a message on the menu rather than a blank page.
import { scenarios } from '../content/index.ts';
import type { Scenario } from './sim-types.ts';

export interface ScenarioEntry {
  id: string;
  title: string;
  subtitle: string;
  scenario: Scenario;
}

export interface ContentProblem {
  file: string;
  message: string;
}

let cache: { scenarios: ScenarioEntry[]; problems: ContentProblem[] } | null = null;

export function content(): { scenarios: ScenarioEntry[]; problems: ContentProblem[] } {
  if (cache) return cache;
  try {
    cache = { scenarios: scenarios().map((s) => ({ id: s.id, title: s.title, subtitle: s.subtitle, scenario: s })), problems: [] };
  } catch (error) {
    cache = { scenarios: [], problems: [{ file: 'levels/', message: (error as Error).message }] };
  }
  return cache;
}

export function scenarioById(id: string): ScenarioEntry | undefined {
  return content().scenarios.find((s) => s.id === id);
}
