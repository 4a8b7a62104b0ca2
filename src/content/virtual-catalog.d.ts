// The virtual module made by tools/scenario-catalog.ts (a Vite plugin) from levels/ at build time.
declare module 'virtual:scenario-catalog' {
  export const CATALOG: import('./catalog-types.ts').Catalog;
}

// The menu's text of every scenario in one language (tools/scenario-catalog.ts catalogText).
declare module 'virtual:scenario-catalog-text/*' {
  export const TEXT: Record<string, Record<string, string>>;
}
