// The namespace registry: one row per namespace. English is bundled (it is every language's
// fallback); every other language is a loader function, so that its catalogue is a chunk of
// its own, fetched only when that language is chosen. Explicit import() calls, not
// import.meta.glob: the Node CLI (tsx) reaches this module and has no glob.
//
// To add a namespace `foo`: write locales/<lang>/foo.json for every language (keys "foo.…"),
// import the English file below and add one row to NAMESPACES. `npm run i18n-check` tells
// what is missing. To add a language: see locales/README.md.
import enDialogs from '../../locales/en/dialogs.json';
import enEnding from '../../locales/en/ending.json';
import enGame from '../../locales/en/game.json';
import enMenu from '../../locales/en/menu.json';
import enNames from '../../locales/en/names.json';
import enOrders from '../../locales/en/orders.json';
import enReport from '../../locales/en/report.json';

/** A catalogue: flat keys (prefixed with their namespace) to ICU MessageFormat strings. */
export type Catalogue = Readonly<Record<string, string>>;
type Loader = () => Promise<{ default: Catalogue }>;
/** The languages whose catalogues are loaded on demand (English is bundled; qps is made from English). */
export type LoadedLang = 'ar' | 'fr' | 'it';

export const NAMESPACES: Record<string, { en: Catalogue } & Record<LoadedLang, Loader>> = {
  menu: { en: enMenu, ar: () => import('../../locales/ar/menu.json'), fr: () => import('../../locales/fr/menu.json'), it: () => import('../../locales/it/menu.json') },
  game: { en: enGame, ar: () => import('../../locales/ar/game.json'), fr: () => import('../../locales/fr/game.json'), it: () => import('../../locales/it/game.json') },
  ending: { en: enEnding, ar: () => import('../../locales/ar/ending.json'), fr: () => import('../../locales/fr/ending.json'), it: () => import('../../locales/it/ending.json') },
  dialogs: { en: enDialogs, ar: () => import('../../locales/ar/dialogs.json'), fr: () => import('../../locales/fr/dialogs.json'), it: () => import('../../locales/it/dialogs.json') },
  report: { en: enReport, ar: () => import('../../locales/ar/report.json'), fr: () => import('../../locales/fr/report.json'), it: () => import('../../locales/it/report.json') },
  orders: { en: enOrders, ar: () => import('../../locales/ar/orders.json'), fr: () => import('../../locales/fr/orders.json'), it: () => import('../../locales/it/orders.json') },
  names: { en: enNames, ar: () => import('../../locales/ar/names.json'), fr: () => import('../../locales/fr/names.json'), it: () => import('../../locales/it/names.json') },
};
