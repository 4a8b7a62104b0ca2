// Player settings. Sound (volumes, mute) belongs to the audio module (src/audio/audio.ts),
// which keeps it; display settings (motion, text size) are kept here and applied to the page.
import * as audio from '../audio/audio.ts';

export interface Settings {
  music: number;
  effects: number;
  muted: boolean;
  reducedMotion: boolean;
  /** Text larger than 100%: textScale above 100 (kept for saves of settings made before the scale). */
  largeText: boolean;
  /** Text size in percent, 100 to 200 (the panels and the map's labels). */
  textScale: number;
  /** Stronger contrast: brighter text and lines, opaque panels. */
  highContrast: boolean;
}

type DisplaySettings = Pick<Settings, 'reducedMotion' | 'textScale' | 'highContrast'>;

const KEY = 'ceasefire-line:settings';
export const TEXT_SCALES = [100, 125, 150, 175, 200] as const;

/** The browser's (the system's) wish for less motion; followed until the player says otherwise. */
const motionQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
/** Whether the player chose reduced motion themselves (then the system's wish no longer decides). */
let motionChosen = false;

let display: DisplaySettings = load();

function clampScale(n: unknown): number {
  const v = typeof n === 'number' && Number.isFinite(n) ? Math.round(n) : 100;
  return Math.min(200, Math.max(100, v));
}

function load(): DisplaySettings {
  const reducedMotion = motionQuery?.matches ?? false;
  try {
    const data = JSON.parse(localStorage.getItem(KEY) ?? 'null') as (Partial<DisplaySettings> & { largeText?: boolean }) | null;
    motionChosen = typeof data?.reducedMotion === 'boolean';
    return {
      reducedMotion: typeof data?.reducedMotion === 'boolean' ? data.reducedMotion : reducedMotion,
      // "Larger text" of old settings is 125%.
      textScale: data?.textScale !== undefined ? clampScale(data.textScale) : data?.largeText === true ? 125 : 100,
      highContrast: data?.highContrast === true,
    };
  } catch {
    return { reducedMotion, textScale: 100, highContrast: false };
  }
}

// The system's wish, when it changes during a game, is followed unless the player chose.
motionQuery?.addEventListener?.('change', () => {
  if (motionChosen) return;
  display = { ...display, reducedMotion: motionQuery.matches };
  if (typeof document !== 'undefined') applySettings();
});

export function settings(): Readonly<Settings> {
  return { ...audio.getSettings(), ...display, largeText: display.textScale > 100 };
}

export function updateSettings(patch: Partial<Settings>): void {
  if (patch.music !== undefined) audio.setVolume('music', patch.music);
  if (patch.effects !== undefined) audio.setVolume('effects', patch.effects);
  if (patch.muted !== undefined) audio.setMuted(patch.muted);
  if (patch.reducedMotion !== undefined || patch.largeText !== undefined || patch.textScale !== undefined || patch.highContrast !== undefined) {
    if (patch.reducedMotion !== undefined) motionChosen = true;
    const textScale = patch.textScale !== undefined ? clampScale(patch.textScale) : patch.largeText !== undefined ? (patch.largeText ? 125 : 100) : display.textScale;
    display = {
      reducedMotion: patch.reducedMotion ?? display.reducedMotion,
      textScale,
      highContrast: patch.highContrast ?? display.highContrast,
    };
    try {
      const stored: Partial<DisplaySettings> = { textScale: display.textScale, highContrast: display.highContrast };
      if (motionChosen) stored.reducedMotion = display.reducedMotion;
      localStorage.setItem(KEY, JSON.stringify(stored));
    } catch {
      // Not saved; still applied for this session.
    }
    applySettings();
  }
}

export function applySettings(): void {
  const root = document.documentElement;
  root.classList.toggle('large-text', display.textScale > 100);
  root.classList.toggle('reduced-motion', display.reducedMotion);
  root.classList.toggle('high-contrast', display.highContrast);
  root.style.setProperty('--text-scale', String(display.textScale / 100));
  root.dataset.textScale = String(display.textScale);
  for (const listener of listeners) listener();
}

const listeners = new Set<() => void>();

/** Called after the display settings change (the map redraws its labels at the new size). */
export function onDisplayChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Arms sound: the audio module starts on the page's first user gesture. */
export function startAudio(): void {
  audio.init();
  // A click on any button of the overlay sounds a click.
  window.addEventListener('click', (e) => {
    if ((e.target as Element | null)?.closest?.('button:not(:disabled)')) sfx('click');
  });
}

export function sfx(effect: string): void {
  audio.play(effect);
}

export function music(mood: string | null): void {
  audio.music(mood);
}
