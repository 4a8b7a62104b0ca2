// The world's copies of a scenario's definitions (src/sim/world.ts): every field written out, so
// that V8 gives each kind of definition one shape (fullFormationDef, fullPlaceDef, fullEventDef).
// A copy must say exactly what the scenario says: a field the copies forgot would be read as
// missing by every rule. (AllFields<T> makes the compiler refuse a copy that does not name every
// field; this checks the values.)
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, scenarioIds } from '../../src/cli/files.ts';
import { canonicalJson } from '../../src/sim/index.ts';
import { worldOf } from '../../src/sim/world.ts';

describe("the world's copies of the definitions", () => {
  for (const id of scenarioIds()) {
    it(`say what ${id} says`, () => {
      const loaded = loadScenarioFile(id);
      if (!loaded.ok) throw new Error(`cannot load ${id}`);
      const scenario = loaded.value;
      const world = worldOf(scenario);
      for (const f of [...scenario.formations, ...scenario.reserves]) expect(canonicalJson(world.formationDef.get(f.id))).toBe(canonicalJson(f));
      expect(world.placeDef.length).toBe(scenario.map.places.length);
      scenario.map.places.forEach((p, i) => {
        expect(canonicalJson(world.placeDef[i])).toBe(canonicalJson(p));
        expect(world.place.get(p.id)).toBe(world.placeDef[i]);
      });
      expect(canonicalJson(world.events)).toBe(canonicalJson(scenario.events));
    });
  }
});
