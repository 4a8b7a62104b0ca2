// Seeds as the menu offers and cleans them (light: the first screen imports it).

/** A fresh seed for the UI (the sim itself never draws outside its own RNG). */
export function randomSeed(): string {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function cleanSeed(seed: string): string {
  return seed.trim().replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32);
}
