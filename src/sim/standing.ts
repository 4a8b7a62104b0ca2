// The indicators the panels show, taken from a state: the report's "Where things stand" sets the
// figures before and after a turn side by side, so that the report and the panels never disagree.
import type { SideState, Standing, State } from './types.ts';

const side = (s: SideState): Standing['sides']['gna'] => ({
  legitimacy: s.legitimacy,
  cohesion: s.cohesion,
  confidence: s.confidence,
  warWeariness: s.warWeariness,
  support: { ...s.support },
});

export function standingOf(s: State): Standing {
  const c = s.country;
  return {
    country: {
      civilianCasualties: c.civilianCasualties,
      displaced: c.displaced,
      humanitarianAccess: c.humanitarianAccess,
      oilOutput: c.oilOutput,
      escalation: c.escalation,
      internationalPressure: c.internationalPressure,
      embargoEnforcement: c.embargoEnforcement,
    },
    trust: s.talks.trust,
    politicalTrack: s.talks.politicalTrack,
    sides: { gna: side(s.sides.gna), lna: side(s.sides.lna) },
  };
}
