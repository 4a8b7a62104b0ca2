// The game's one door to sound, on top of howler. Files live in public/audio/ (made by
// tools/make-sounds.sh) and are served relative to the page as audio/<name>.ogg.
//
// - Nothing is created or fetched before the first user gesture: init() only arms listeners
//   until the page has been activated, so the first screen never waits for audio and the
//   browser never logs a blocked AudioContext.
// - A missing file, a codec the browser lacks, or a still-locked context is silent: the sound
//   is simply not played (no console output, no exception).
// - Volumes and mute are remembered in localStorage under `ceasefire-line:audio`; a corrupt
//   or missing value falls back to the defaults.
import { Howl, Howler } from 'howler';

export const SOUND_EFFECTS = [
  'ui-click',
  'ui-hover',
  'order-queued',
  'end-turn',
  'combat',
  'airstrike',
  'alert',
  'event-sting',
  'ending',
] as const;
export type SoundEffect = (typeof SOUND_EFFECTS)[number];

export const MOODS = ['calm', 'tense'] as const;
export type Mood = (typeof MOODS)[number];

export type VolumeKind = 'music' | 'effects';

export interface AudioSettings {
  music: number;
  effects: number;
  muted: boolean;
}

export const STORAGE_KEY = 'ceasefire-line:audio';
export const DEFAULT_SETTINGS: Readonly<AudioSettings> = { music: 0.6, effects: 0.8, muted: false };

/** Other names the scenes use, mapped to our files (unknown names are ignored quietly). */
export const EFFECT_ALIASES: Readonly<Record<string, SoundEffect>> = {
  click: 'ui-click',
  select: 'ui-click',
  hover: 'ui-hover',
  order: 'order-queued',
  battle: 'combat',
  strike: 'airstrike',
  capture: 'event-sting',
  event: 'event-sting',
};

/** Scene moods mapped to the two music beds; `ending`/`victory` also sound the ending chord. */
export const MOOD_ALIASES: Readonly<Record<string, Mood | null>> = {
  menu: 'calm',
  briefing: 'calm',
  tension: 'tense',
  battle: 'tense',
  ending: 'calm',
  victory: 'calm',
  none: null,
};

/** Milliseconds of the crossfade between music beds, and of a fade to silence. */
export const CROSSFADE_MS = 2000;
/** The same effect is not restarted within this many milliseconds (hover storms, double clicks). */
const RETRIGGER_MS = 50;

export const soundUrl = (name: string): string => `audio/${name}.ogg`;

// ---------------------------------------------------------------------------------------------
// Settings

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** Parses a stored settings value; anything malformed falls back to the defaults, field by field. */
export function parseSettings(raw: string | null | undefined): AudioSettings {
  let data: unknown = null;
  try {
    data = raw ? JSON.parse(raw) : null;
  } catch {
    data = null;
  }
  const d = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const unit = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? clamp01(v) : fallback);
  return {
    music: unit(d.music, DEFAULT_SETTINGS.music),
    effects: unit(d.effects, DEFAULT_SETTINGS.effects),
    muted: typeof d.muted === 'boolean' ? d.muted : DEFAULT_SETTINGS.muted,
  };
}

function loadSettings(): AudioSettings {
  try {
    return parseSettings(globalThis.localStorage?.getItem(STORAGE_KEY));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

function saveSettings(): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Storage full or forbidden: the settings still apply for this session.
  }
}

let settings: AudioSettings = loadSettings();

// ---------------------------------------------------------------------------------------------
// State

type LoadState = 'loading' | 'loaded' | 'failed';

interface Track {
  howl: Howl;
  state: LoadState;
}

let armed = false; // init() was called
let started = false; // the Howls exist
const effects = new Map<SoundEffect, Track>();
interface Bed extends Track {
  id: number | null; // the playing instance
  stopTimer: ReturnType<typeof setTimeout> | null; // stops it once faded out
}
const beds = new Map<Mood, Bed>();
const lastPlayed = new Map<SoundEffect, number>();
let wantedMood: Mood | null = null; // what music() last asked for
let playingMood: Mood | null = null; // the bed that is (fading) in

const GESTURES = ['pointerdown', 'keydown', 'touchend', 'click'] as const;

function hasBeenActivated(): boolean {
  if (typeof navigator === 'undefined') return false;
  const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
  // Without the User Activation API we trust the caller (settings.ts calls init() from a
  // gesture); howler unlocks a locked context on the next touch or click anyway.
  return activation ? activation.hasBeenActive : true;
}

function onGesture(): void {
  for (const type of GESTURES) window.removeEventListener(type, onGesture, true);
  start();
}

function track(src: string, loop: boolean, volume: number): Track {
  const t: Track = { howl: undefined as unknown as Howl, state: 'loading' };
  t.howl = new Howl({
    src: [src],
    preload: true,
    loop,
    volume,
    onload: () => {
      t.state = 'loaded';
    },
    onloaderror: () => {
      t.state = 'failed';
    },
    onplayerror: () => {
      // Only HTML5 Audio reports this (a locked element); nothing to do but stay quiet.
    },
  });
  return t;
}

function start(): void {
  if (started) return;
  if (typeof window === 'undefined') return;
  started = true;
  try {
    Howler.mute(settings.muted);
    for (const name of SOUND_EFFECTS) effects.set(name, track(soundUrl(name), false, settings.effects));
    for (const mood of MOODS) {
      // The same object the load callbacks update (a spread copy would never see 'loaded').
      const bed = track(soundUrl(`music-${mood}`), true, 0) as Bed;
      bed.id = null;
      bed.stopTimer = null;
      beds.set(mood, bed);
    }
  } catch {
    // No audio support at all: every call stays silent.
  }
  if (wantedMood) applyMood(wantedMood);
}

// ---------------------------------------------------------------------------------------------
// Music

function musicLevel(): number {
  return settings.music;
}

function fadeOut(mood: Mood): void {
  const bed = beds.get(mood);
  if (!bed || bed.id === null) return;
  const id = bed.id;
  const from = bed.howl.volume(id) as number;
  bed.howl.fade(from, 0, CROSSFADE_MS, id);
  // A timer, not howler's 'fade' event: howler also fires that when a fade is interrupted.
  if (bed.stopTimer) clearTimeout(bed.stopTimer);
  bed.stopTimer = setTimeout(() => {
    bed.stopTimer = null;
    if (playingMood !== mood && bed.id === id) {
      bed.howl.stop(id);
      bed.id = null;
    }
  }, CROSSFADE_MS + 100);
}

function fadeIn(mood: Mood): void {
  const bed = beds.get(mood);
  if (!bed || bed.state === 'failed') return;
  if (bed.stopTimer) {
    clearTimeout(bed.stopTimer);
    bed.stopTimer = null;
  }
  if (bed.state === 'loading') {
    // Start as soon as it has loaded, if it is still wanted then.
    bed.howl.once('load', () => {
      bed.state = 'loaded';
      if (playingMood === mood) fadeIn(mood);
    });
    return;
  }
  if (bed.id === null || !bed.howl.playing(bed.id)) {
    bed.id = bed.howl.play();
    // (With a locked context howler holds the sound and starts it when the context resumes.)
    bed.howl.volume(0, bed.id);
  }
  const from = bed.howl.volume(bed.id) as number;
  bed.howl.fade(from, musicLevel(), CROSSFADE_MS, bed.id);
}

function applyMood(mood: Mood | null): void {
  if (!started || mood === playingMood) return;
  const previous = playingMood;
  playingMood = mood;
  try {
    if (previous) fadeOut(previous);
    if (mood) fadeIn(mood);
  } catch {
    // Never let sound stop the game.
  }
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Prepares sound. Safe to call at any time and more than once: before the page's first user
 * gesture it only listens for one; on (or after) it, it creates the Howls, which start loading.
 */
export function init(): void {
  if (armed || typeof window === 'undefined') return;
  armed = true;
  if (hasBeenActivated()) start();
  else for (const type of GESTURES) window.addEventListener(type, onGesture, { capture: true, passive: true });
}

/** Plays a sound effect once (also accepts the aliases in EFFECT_ALIASES; other names are ignored). */
export function play(effect: SoundEffect | string): void {
  const name: SoundEffect | undefined = (SOUND_EFFECTS as readonly string[]).includes(effect)
    ? (effect as SoundEffect)
    : EFFECT_ALIASES[effect];
  if (!name || !started || settings.muted || settings.effects <= 0) return;
  const t = effects.get(name);
  if (t?.state !== 'loaded') return;
  const now = typeof performance !== 'undefined' ? performance.now() : Date.now();
  if (now - (lastPlayed.get(name) ?? Number.NEGATIVE_INFINITY) < RETRIGGER_MS) return;
  lastPlayed.set(name, now);
  try {
    const id = t.howl.play();
    t.howl.volume(settings.effects, id);
  } catch {
    // As above.
  }
}

/**
 * Crossfades to a music bed, or fades the music out with null. Also accepts the scene names in
 * MOOD_ALIASES (`ending` and `victory` sound the ending chord as well). Asked before init() or
 * before the first gesture, the mood is remembered and starts with the sound.
 */
export function music(mood: Mood | string | null): void {
  let target: Mood | null;
  if (mood === null || (MOODS as readonly string[]).includes(mood)) target = mood as Mood | null;
  else if (mood in MOOD_ALIASES) target = MOOD_ALIASES[mood] ?? null;
  else return;
  wantedMood = target;
  applyMood(target);
  if (mood === 'ending' || mood === 'victory') play('ending');
}

/** Sets a volume (0..1, clamped) and remembers it. */
export function setVolume(kind: VolumeKind, v: number): void {
  if (!Number.isFinite(v)) return;
  const value = clamp01(v);
  if (settings[kind] === value) return;
  settings = { ...settings, [kind]: value };
  saveSettings();
  if (!started) return;
  try {
    if (kind === 'music' && playingMood) {
      const bed = beds.get(playingMood);
      if (bed && bed.id !== null) bed.howl.fade(bed.howl.volume(bed.id) as number, value, 150, bed.id);
    }
    if (kind === 'effects') for (const t of effects.values()) t.howl.volume(value);
  } catch {
    // As above.
  }
}

/** Mutes or unmutes all sound and remembers it. */
export function setMuted(muted: boolean): void {
  if (settings.muted === muted) return;
  settings = { ...settings, muted };
  saveSettings();
  if (started) Howler.mute(muted);
}

/** The current settings (a copy). */
export function getSettings(): AudioSettings {
  return { ...settings };
}

/** What is going on, for tests and a debug overlay. */
export function status(): { started: boolean; mood: Mood | null; loaded: string[]; failed: string[]; context: string } {
  const all: [string, Track][] = [...effects.entries(), ...[...beds.entries()].map(([m, b]) => [`music-${m}`, b] as [string, Track])];
  return {
    started,
    mood: playingMood,
    loaded: all.filter(([, t]) => t.state === 'loaded').map(([n]) => n),
    failed: all.filter(([, t]) => t.state === 'failed').map(([n]) => n),
    context: Howler.ctx?.state ?? 'none',
  };
}

export const Audio = { init, play, music, setVolume, setMuted, getSettings, status } as const;
export default Audio;
