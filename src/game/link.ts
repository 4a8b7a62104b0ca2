// Start from a link: ?scenario=<id>&role=<role>&seed=<seed>[&difficulty=..][&skip=briefing]
import { scenarioById } from './content.ts';
import { cleanSeed, DIFFICULTIES, type Difficulty, type GameSetup, randomSeed } from './session.ts';
import type { Role } from './sim-types.ts';

export interface LinkStart {
  setup: GameSetup;
  skipBriefing: boolean;
}

export type LinkResult = { kind: 'none' } | { kind: 'start'; start: LinkStart } | { kind: 'error'; message: string };

export function readLink(search: string = window.location.search): LinkResult {
  const params = new URLSearchParams(search);
  const scenarioId = params.get('scenario');
  if (!scenarioId) return { kind: 'none' };
  const entry = scenarioById(scenarioId);
  if (!entry) return { kind: 'error', message: `The link names a scenario this build does not have ("${scenarioId.slice(0, 40)}").` };
  const roleParam = params.get('role') ?? entry.scenario.playable[0] ?? 'gna';
  if (roleParam !== 'gna' && roleParam !== 'lna' && roleParam !== 'mediator') {
    return { kind: 'error', message: `The link names an unknown role ("${roleParam.slice(0, 20)}"): use gna, lna or mediator.` };
  }
  const role = roleParam as Role;
  if (!entry.scenario.playable.includes(role)) return { kind: 'error', message: `The role "${role}" cannot be played in ${entry.title}.` };
  const seedParam = params.get('seed');
  const seed = seedParam === null ? randomSeed() : cleanSeed(seedParam);
  if (!seed) return { kind: 'error', message: 'The link has an empty or unreadable seed (use letters, digits, - and _).' };
  const d = params.get('difficulty') as Difficulty | null;
  const difficulty = d && DIFFICULTIES.includes(d) ? d : 'normal';
  const skipBriefing = params.get('skip') === 'briefing';
  return { kind: 'start', start: { setup: { scenarioId: entry.id, role, seed, difficulty }, skipBriefing } };
}

export function shareLink(setup: GameSetup): string {
  const url = new URL(window.location.href);
  url.search = new URLSearchParams({ scenario: setup.scenarioId, role: setup.role, seed: setup.seed, difficulty: setup.difficulty }).toString();
  url.hash = '';
  return url.toString();
}
