// Counterfactual switches ("what if…?"): each scenario may list switches in its data (the
// `whatIfs` key, validated by the schema and the loader's cross-references); applying them
// gives a changed copy of the scenario. Pure: the scenario passed in is never changed.
import type { Effect, ProblemMessage, Scenario, WhatIfDef, WhatIfEffect } from './types.ts';

/** A deep copy of a scenario (plain JSON data: no dates, maps or functions in it). */
function cloneScenario(scenario: Scenario): Scenario {
  return JSON.parse(JSON.stringify(scenario)) as Scenario;
}

/** The switches a scenario offers, in the order of its file. */
export function listWhatIfs(scenario: Scenario): WhatIfDef[] {
  return scenario.whatIfs ?? [];
}

/** A clear message naming the first id the scenario does not offer, or null when all are known. */
export function unknownWhatIf(scenario: Scenario, ids: readonly string[]): string | null {
  const known = listWhatIfs(scenario).map((w) => w.id);
  for (const id of ids) {
    if (!known.includes(id)) {
      return known.length
        ? `the scenario "${scenario.id}" has no what-if "${id}"; its what-ifs are: ${known.join(', ')}`
        : `the scenario "${scenario.id}" has no what-ifs`;
    }
  }
  return null;
}

/**
 * unknownWhatIf as a message code (locales/<lang>/errors.json): `sentence` for the sentence
 * that starts with it (capitalised, with its full stop), else the clause inside another.
 */
export function unknownWhatIfMsg(scenario: Scenario, ids: readonly string[], sentence: boolean): ProblemMessage | null {
  const known = listWhatIfs(scenario).map((w) => w.id);
  const id = ids.find((x) => !known.includes(x));
  if (id === undefined) return null;
  return known.length
    ? { key: sentence ? 'errors.whatIf.unknownSentence' : 'errors.whatIf.unknown', values: { id: scenario.id, whatIf: id, known: known.join(', ') } }
    : { key: sentence ? 'errors.whatIf.noneSentence' : 'errors.whatIf.none', values: { id: scenario.id } };
}

/**
 * The scenario with the chosen switches on. Switches apply in the order the scenario lists
 * them (so the order of `ids` and repeats do not matter). Throws on an id the scenario does
 * not offer (check first with unknownWhatIf to show a message).
 */
export function applyWhatIfs(scenario: Scenario, ids: readonly string[]): Scenario {
  const problem = unknownWhatIf(scenario, ids);
  if (problem) throw new Error(problem);
  const chosen = listWhatIfs(scenario).filter((w) => ids.includes(w.id));
  if (chosen.length === 0) return scenario;
  let copy = cloneScenario(scenario);
  for (const w of chosen) for (const effect of w.effects) copy = applyEffect(copy, effect);
  return copy;
}

/** Applies one effect to a scenario copy the caller owns (it may be changed in place). */
function applyEffect(copy: Scenario, effect: WhatIfEffect): Scenario {
  switch (effect.kind) {
    case 'backer-out':
      return withoutBacker(copy, effect.backer);
    case 'embargo':
      copy.country.embargoEnforcement = effect.level;
      filterEventEffects(copy, (e) => !(e.kind === 'country' && e.indicator === 'embargoEnforcement'));
      return copy;
    case 'no-event':
      copy.events = copy.events.filter((ev) => ev.id !== effect.event);
      return copy;
    case 'loyal':
      for (const f of [...copy.formations, ...copy.reserves]) if (f.id === effect.formation) f.loyalty = 100;
      filterEventEffects(copy, (e) => !(e.kind === 'loyalty' && e.formation === effect.formation && e.delta < 0));
      return copy;
  }
}

function filterEventEffects(s: Scenario, keep: (e: Effect) => boolean): void {
  for (const ev of s.events) {
    ev.effects = ev.effects.filter(keep);
    for (const option of ev.choice?.options ?? []) option.effects = option.effects.filter(keep);
  }
}

/**
 * A backer that stays out (e.g. "Turkey stays out"): a copy of the scenario with the backer at
 * rung 0 and unable to climb, none of its formations at the start, in reserve or on any ladder,
 * no event in which it steps up (what else such an event does follows from the escalation:
 * the confidence its arrival gives, the city it rallies), and no other event effect on its
 * commitment or its formations. The scenario passed in is not changed.
 */
export function withoutBacker(scenario: Scenario, backerId: string): Scenario {
  const copy = cloneScenario(scenario);
  const theirs = new Set([...copy.formations, ...copy.reserves].filter((f) => f.backer === backerId).map((f) => f.id));
  copy.formations = copy.formations.filter((f) => !theirs.has(f.id));
  copy.reserves = copy.reserves.filter((f) => !theirs.has(f.id));
  for (const b of copy.backers) {
    if (b.id === backerId) {
      b.commitment = 0;
      b.maxCommitment = 0;
    }
    for (const rung of b.ladder) if (rung.deploys) rung.deploys = rung.deploys.filter((f) => !theirs.has(f));
  }
  copy.events = copy.events.filter((ev) => !ev.effects.some((e) => e.kind === 'commitment' && e.backer === backerId && e.delta > 0));
  filterEventEffects(
    copy,
    (e) => !((e.kind === 'commitment' && e.backer === backerId) || (e.kind === 'deploy' && theirs.has(e.formation)) || (e.kind === 'loyalty' && theirs.has(e.formation)) || (e.kind === 'redeploy' && theirs.has(e.formation))),
  );
  return copy;
}
