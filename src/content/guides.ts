// The teacher's guides bundled with the game (levels/guides/<scenario id>.json), loaded like the
// scenarios: each file is a chunk of its own (a lazy import.meta.glob), fetched when a guide is
// opened and validated then by parseGuide. This module is itself loaded only with the guide
// viewer (src/ui/guide.ts), so the menu downloads nothing of the guides.
import { formatGuideProblems, type Guide, type GuideProblem, parseGuide } from './guide-schema.ts';

type Fetch = () => Promise<unknown>;
const guideChunks: Record<string, Fetch> = import.meta.glob('../../levels/guides/*.json', { import: 'default' });

/** `levels/guides/<id>.json` of a scenario's guide. */
export const guideFile = (scenarioId: string): string => `levels/guides/${scenarioId}.json`;

/** The scenario ids that have a guide in this build, sorted. */
export function bundledGuideIds(): string[] {
  return Object.keys(guideChunks)
    .map((key) => key.slice(key.lastIndexOf('/') + 1, -'.json'.length))
    .sort();
}

/** A guide that could not be opened: `message` is a sentence for the teacher. */
export class GuideLoadError extends Error {
  constructor(
    message: string,
    /** Every problem found, when the file arrived but is not a valid guide. */
    readonly problems: readonly GuideProblem[] = [],
    options?: ErrorOptions & {
      /** What went wrong, for the screen to say in the teacher's language: no guide, a file that did not arrive, an invalid file. */
      kind?: 'missing' | 'fetch' | 'invalid';
      /** The invalid file's first problem (and how many more), as the loader wrote it; the file that did not arrive. */
      detail?: string;
    },
  ) {
    super(message, options);
    this.name = 'GuideLoadError';
    this.kind = options?.kind ?? (problems.length ? 'invalid' : 'fetch');
    this.detail = options?.detail ?? '';
  }

  readonly kind: 'missing' | 'fetch' | 'invalid';
  readonly detail: string;
}

/** Validates a guide file's contents as the guide of `scenarioId`; throws a GuideLoadError naming the first problem (and how many more). */
export function validateGuideFile(scenarioId: string, data: unknown): Guide {
  const file = guideFile(scenarioId);
  const result = parseGuide(file, data);
  const problems = result.ok
    ? result.value.scenario === scenarioId
      ? []
      : [{ file, path: 'scenario', message: `the file holds the guide for "${result.value.scenario}", not for "${scenarioId}"` }]
    : result.error;
  if (problems.length || !result.ok) {
    const [first, ...more] = formatGuideProblems(problems).split('\n');
    const rest = more.length ? `; and ${more.length} more problem${more.length > 1 ? 's' : ''}` : '';
    throw new GuideLoadError(`This teacher's guide could not be opened: its file is invalid (${first}${rest}).`, problems, { kind: 'invalid', detail: `${first}${rest}` });
  }
  return result.value;
}

const loaded = new Map<string, Promise<Guide>>();

/**
 * The guide of a scenario, fetched and validated once. Rejects with a GuideLoadError: no guide
 * for it, a file that did not arrive (tried again on the next call), or an invalid file.
 */
export function loadBundledGuide(scenarioId: string): Promise<Guide> {
  const cached = loaded.get(scenarioId);
  if (cached) return cached;
  const file = guideFile(scenarioId);
  const fetch = guideChunks[`../../${file}`];
  if (!fetch) return Promise.reject(new GuideLoadError(`There is no teacher's guide for "${scenarioId}" in this build.`, [], { kind: 'missing' }));
  const promise = fetch().then(
    (data) => validateGuideFile(scenarioId, data),
    (error: unknown) => {
      throw new GuideLoadError(`This teacher's guide could not be opened: its file (${file}) did not arrive. Check the connection and try again.`, [], { cause: error, kind: 'fetch', detail: file });
    },
  );
  loaded.set(scenarioId, promise);
  promise.catch((error) => {
    if (error instanceof GuideLoadError && error.problems.length === 0) loaded.delete(scenarioId);
  });
  return promise;
}
