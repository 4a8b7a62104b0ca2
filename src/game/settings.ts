// Player settings (sound, motion, text size), kept in localStorage and applied to the
// audio module (src/audio/audio.ts) and the page.

export interface Settings {
  music: number;
  effects: number;
  muted: boolean;
  reducedMotion: boolean;
  largeText: boolean;
}

const KEY = 'ceasefire-line:settings';
const defaults: Settings = { music: 0.6, effects: 0.8, muted: false, reducedMotion: false, largeText: false };

interface AudioModule {
  init(): void;
  play(effect: string): void;
  music(mood: string | null): void;
  setVolume(kind: 'music' | 'effects', v: number): void;
  setMuted(muted: boolean): void;
}

// The audio module is written separately; a glob lets the shell build with or without it.
const modules = import.meta.glob<AudioModule>('../audio/audio.ts', { eager: true });
const audioModule: AudioModule | null = (Object.values(modules)[0] as AudioModule | undefined) ?? null;

let current: Settings = load();
let audioReady = false;

function load(): Settings {
  try {
    const data = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Settings> | null;
    if (!data || typeof data !== 'object') return { ...defaults, reducedMotion: prefersReducedMotion() };
    const unit = (v: unknown, d: number) => (typeof v === 'number' && v >= 0 && v <= 1 ? v : d);
    return {
      music: unit(data.music, defaults.music),
      effects: unit(data.effects, defaults.effects),
      muted: data.muted === true,
      reducedMotion: typeof data.reducedMotion === 'boolean' ? data.reducedMotion : prefersReducedMotion(),
      largeText: data.largeText === true,
    };
  } catch {
    return { ...defaults };
  }
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function settings(): Readonly<Settings> {
  return current;
}

export function updateSettings(patch: Partial<Settings>): void {
  current = { ...current, ...patch };
  try {
    localStorage.setItem(KEY, JSON.stringify(current));
  } catch {
    // Not saved; still applied for this session.
  }
  applySettings();
}

export function applySettings(): void {
  document.documentElement.classList.toggle('large-text', current.largeText);
  document.documentElement.classList.toggle('reduced-motion', current.reducedMotion);
  if (audioModule && audioReady) {
    audioModule.setVolume('music', current.music);
    audioModule.setVolume('effects', current.effects);
    audioModule.setMuted(current.muted);
  }
}

/** Starts audio on the first user gesture (browsers block sound before one). */
export function unlockAudioOnGesture(): void {
  const start = () => {
    window.removeEventListener('pointerdown', start, true);
    window.removeEventListener('keydown', start, true);
    if (!audioModule || audioReady) return;
    try {
      audioModule.init();
      audioReady = true;
      applySettings();
      if (pendingMood !== undefined) audioModule.music(pendingMood);
    } catch (error) {
      console.warn('Audio could not start:', error);
    }
  };
  window.addEventListener('pointerdown', start, true);
  window.addEventListener('keydown', start, true);
}

let pendingMood: string | null | undefined;

export function sfx(effect: string): void {
  if (audioModule && audioReady) {
    try {
      audioModule.play(effect);
    } catch {
      // A missing sound must never stop the game.
    }
  }
}

export function music(mood: string | null): void {
  pendingMood = mood;
  if (audioModule && audioReady) {
    try {
      audioModule.music(mood);
    } catch {
      // As above.
    }
  }
}

export const audioAvailable = audioModule !== null;
