// The indicators of the panels, named and written once: the left column (sidebar.ts) and the
// turn report's "Where things stand" read them from here, so that a figure the report names is
// the figure the panel shows. No DOM: the tests read it in Node.
import type { ShownReport } from '../game/play-session.ts';
import type { SeatStanding } from '../net/protocol.ts';
import type { PlayerRole, Scenario, SideId, Standing } from '../sim/types.ts';
import { formatNumber } from './dom.ts';

type SideKey = 'legitimacy' | 'cohesion' | 'confidence' | 'warWeariness' | 'tripolitania' | 'cyrenaica' | 'fezzan';
type PublicKey = keyof Standing['country'] | 'trust' | 'politicalTrack';

export interface Indicator<K> {
  key: K;
  label: string;
  format: (n: number) => string;
}

const plain = (n: number) => String(n);

export const COUNTRY_INDICATORS: Indicator<keyof Standing['country']>[] = [
  { key: 'civilianCasualties', label: 'Civilian deaths', format: formatNumber },
  { key: 'displaced', label: 'Displaced', format: formatNumber },
  { key: 'humanitarianAccess', label: 'Humanitarian access', format: plain },
  { key: 'oilOutput', label: 'Oil output', format: (n) => `${formatNumber(n)}k bbl/d` },
  { key: 'escalation', label: 'Regional escalation', format: plain },
  { key: 'internationalPressure', label: 'International pressure', format: plain },
  { key: 'embargoEnforcement', label: 'Arms embargo enforced', format: plain },
];

export const TALKS_INDICATORS: Indicator<'trust' | 'politicalTrack'>[] = [
  { key: 'trust', label: 'Trust between the parties', format: plain },
  { key: 'politicalTrack', label: 'Political track', format: (n) => `${n}%` },
];

export const SIDE_INDICATORS: (Indicator<SideKey> & { public?: true })[] = [
  { key: 'legitimacy', label: 'Legitimacy', format: plain, public: true },
  { key: 'cohesion', label: 'Cohesion', format: plain },
  { key: 'confidence', label: 'Confidence of victory', format: plain },
  { key: 'warWeariness', label: 'War weariness', format: plain },
  { key: 'tripolitania', label: 'Support: Tripolitania', format: plain },
  { key: 'cyrenaica', label: 'Support: Cyrenaica', format: plain },
  { key: 'fezzan', label: 'Support: Fezzan', format: plain },
];

export function sideValue(st: Standing, side: SideId, key: SideKey): number {
  const s = st.sides[side];
  return key === 'tripolitania' || key === 'cyrenaica' || key === 'fezzan' ? s.support[key] : s[key];
}

/** A side's figure as a seat was shown it (another side's inner figures are not sent to a network seat). */
function shownValue(st: SeatStanding, side: SideId, key: SideKey): number | undefined {
  const s = st.sides[side];
  return key === 'tripolitania' || key === 'cyrenaica' || key === 'fezzan' ? s.support?.[key] : s[key];
}

function publicValue(st: SeatStanding, key: PublicKey): number {
  return key === 'trust' || key === 'politicalTrack' ? st[key] : st.country[key];
}

export interface StandingChange {
  /** As the panel labels it (with the side's name where both sides have one). */
  label: string;
  from: string;
  to: string;
  /** Up or down: the report marks which. */
  up: boolean;
}

/**
 * What moved in the turn, as the panels show it to this role: the country, the talks, each
 * side's legitimacy, and the player's own side's private indicators.
 */
export function standingChanges(report: ShownReport, role: PlayerRole, scenario: Scenario): StandingChange[] {
  // A backer reads its client's own figures as the client does (its officers sit in its operations rooms).
  const client = role.startsWith('backer:') ? scenario.backers.find((b) => `backer:${b.id}` === role)?.client : role;
  const st = report.standing;
  if (!st) return [];
  const out: StandingChange[] = [];
  const push = (label: string, format: (n: number) => string, a: number, b: number) => {
    if (a !== b) out.push({ label, from: format(a), to: format(b), up: b > a });
  };
  for (const side of ['gna', 'lna'] as const) {
    for (const ind of SIDE_INDICATORS) {
      if (!ind.public && client !== side) continue;
      const [a, b] = [shownValue(st.before, side, ind.key), shownValue(st.after, side, ind.key)];
      if (a !== undefined && b !== undefined) push(`${scenario.sides[side].shortName} · ${ind.label}`, ind.format, a, b);
    }
  }
  for (const ind of [...COUNTRY_INDICATORS, ...TALKS_INDICATORS]) push(ind.label, ind.format, publicValue(st.before, ind.key), publicValue(st.after, ind.key));
  return out;
}
