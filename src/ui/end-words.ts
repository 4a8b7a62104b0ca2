// Names the briefing, the ending, the after-action report and the dialogs share, in the
// player's language (locales/<lang>/ending.json): rungs of the escalation ladder, endings,
// stages of the talks, parts of a score, roles and the sides' and backers' names.
// A name the catalogues do not hold (a backer only a scenario names) stays as the scenario
// writes it, in English: `named()` says so, and the caller marks it untranslated.
import { actorName, has, lang, t } from '../i18n/index.ts';
import type { EndingKind, PlayerRole, Role, Scenario, SideId, TalksStage } from '../sim/types.ts';
import { backerOf, isBacker } from './roles.ts';

export type ScorePart = 'territory' | 'lives' | 'legitimacy' | 'stability' | 'escalation';

/** "Words", "Money and arms"… (0–4). */
export const rungName = (n: number): string => (n >= 0 && n <= 4 ? t(`ending.rung.${n}`) : '');
/** The same in the middle of a sentence ("money and arms"). */
export const rungNameLower = (n: number): string => (n >= 0 && n <= 4 ? t(`ending.rungLower.${n}`) : '');
/** An ending's name; a code no catalogue knows (from an older server or file) as it is. */
export const endingName = (kind: EndingKind | string): string => (has(`ending.kind.${kind}`) ? t(`ending.kind.${kind}`) : kind);
/** A stage of the talks; a code no catalogue knows as it is. */
export const talksName = (stage: TalksStage | string): string => (has(`ending.talks.${stage}`) ? t(`ending.talks.${stage}`) : stage);
export const difficultyName = (d: string): string => (has(`ending.difficulty.${d}`) ? t(`ending.difficulty.${d}`) : d);

/** The parts of a score as this role reads them (a backer's read differently: see docs/roles.md). */
export function scorePartName(role: PlayerRole, part: ScorePart): string {
  return t(isBacker(role) ? `ending.part.backer.${part}` : `ending.part.${part}`);
}

/** A name in the player's language, or the scenario's English with `translated` false. */
export interface Named {
  text: string;
  translated: boolean;
}

/**
 * An actor's name in the current language: the catalogue's (names.json) when it has one, else
 * the scenario's English. In English the scenario's own words, always.
 */
export function named(id: string, english: string, form: 'short' | 'long' = 'short'): Named {
  if (lang() === 'en') return { text: english, translated: true };
  const key = `names.actor.${id}`;
  if (form === 'long' && has(`${key}.long`)) return { text: actorName(id, 'long'), translated: true };
  if (has(key)) return { text: actorName(id), translated: true };
  return { text: english, translated: false };
}

/** Which article a role's name takes in French and Italian ("le GNA", "l’ANL"): its id for the sides and the mediator, else other. */
export const roleSid = (role: PlayerRole): string => (role === 'gna' || role === 'lna' || role === 'mediator' ? role : 'other');

/** A side's short name ("GNA"). */
export const sideShort = (scenario: Scenario, side: SideId): string => named(side, scenario.sides[side].shortName).text;

/** A role's short name: "GNA", "Mediator", a backer's ("UAE"). */
export function roleShortName(scenario: Scenario, role: PlayerRole): Named {
  if (role === 'gna' || role === 'lna') return named(role, scenario.sides[role].shortName);
  if (role === 'mediator') return { text: t('ending.role.short.mediator'), translated: true };
  const b = backerOf(scenario, role);
  if (!b) return { text: role, translated: false };
  return named(b.id, SHORT[b.id] ?? b.name);
}

/** A role's full name: "Government of National Accord", "Turkey, backer of the GNA". */
export function roleFullName(scenario: Scenario, role: PlayerRole): Named {
  if (!isBacker(role)) return { text: t(`ending.role.long.${role as Role}`), translated: true };
  const b = backerOf(scenario, role);
  if (!b) return { text: role, translated: false };
  const name = named(b.id, b.name, 'long');
  if (b.client === 'none') return name;
  return { text: t('ending.role.backerOf', { backer: name.text, client: sideShort(scenario, b.client), sid: b.client }), translated: name.translated };
}

/** Short names a backer goes by where space is short (as roles.ts). */
const SHORT: Record<string, string> = { uae: 'UAE', 'united-states': 'US', 'saudi-arabia': 'Saudi Arabia', 'sudan-rsf': 'RSF' };
