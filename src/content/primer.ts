// "Before you play" and "What came after": levels/primer.json, validated by the same loader as
// the tests use (schema, unique step ids, places found on the shared map). The primer is small
// and travels with the play chunk, as the glossary does; the map whose places its little map
// marks is fetched when it is first drawn (a game of the full map has it already).
import data from '../../levels/primer.json';
import { loadContent, shownTree } from '../i18n/content.ts';
import { formatProblems, loadPrimer } from '../sim/index.ts';
import type { MapFile, PrimerFile } from '../sim/scenario/schema.ts';

export type PrimerPart = PrimerFile['primer'];
export type PrimerStep = PrimerPart['steps'][number];
export type PrimerPlace = MapFile['places'][number];

export interface PrimerContent {
  primer: PrimerPart;
  epilogue: PrimerPart;
  /** The places of the map the primer names, by id. */
  places: ReadonlyMap<string, PrimerPlace>;
}

let loading: Promise<PrimerContent> | null = null;

/** The validated primer and the places it names, in the player's language (and the glossary's catalogue, for its terms); a broken file rejects with every problem named. */
export async function primerContent(): Promise<PrimerContent> {
  const [content] = await Promise.all([englishPrimer(), loadContent('primer', 'map.libya', 'glossary').catch(() => undefined)]);
  const primer = shownTree('primer', { primer: content.primer, epilogue: content.epilogue });
  const map = shownTree('map.libya', { places: [...content.places.values()] });
  return { ...primer, places: new Map(map.places.map((p) => [p.id, p])) };
}

function englishPrimer(): Promise<PrimerContent> {
  loading ??= import('../../levels/maps/libya.json').then((map) => {
    const result = loadPrimer({ file: 'levels/primer.json', data }, [{ file: 'levels/maps/libya.json', data: map.default }]);
    if (!result.ok) throw new Error(`The bundled primer is invalid:\n${formatProblems(result.error)}`);
    const places = new Map((map.default as MapFile).places.map((p) => [p.id, p]));
    return { primer: result.value.primer, epilogue: result.value.epilogue, places };
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
