// Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so it is the same everywhere.
const DAY = 86_400_000;

const days = new Map<string, number>();

export function dayNumber(iso: string): number {
  let n = days.get(iso);
  if (n === undefined) {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    n = Math.floor(Date.UTC(y, m - 1, d) / DAY);
    // Dates in play are few (one per turn and event): remembering them is cheap and pure.
    if (days.size < 10_000) days.set(iso, n);
  }
  return n;
}

export function addDays(iso: string, days: number): string {
  return new Date((dayNumber(iso) + days) * DAY).toISOString().slice(0, 10);
}

export function turnDate(startDate: string, turnDays: number, turn: number): string {
  return addDays(startDate, (turn - 1) * turnDays);
}
