// The virtual module made by tools/scenario-catalog.ts (a Vite plugin) from levels/ at build time.
declare module 'virtual:scenario-catalog' {
  export const CATALOG: import('./catalog-types.ts').Catalog;
}
