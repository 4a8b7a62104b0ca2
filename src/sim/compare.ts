// String order for tie-breaks in the core: code-point order, never localeCompare, whose result
// depends on the machine's locale (in Estonian z sorts before t, in Danish "aa" after "z"), so
// the same seed would play out differently on different machines.
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
