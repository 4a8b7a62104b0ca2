// Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so it is the same everywhere.
const DAY = 86_400_000;

export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY);
}

export function addDays(iso: string, days: number): string {
  return new Date((dayNumber(iso) + days) * DAY).toISOString().slice(0, 10);
}

export function turnDate(startDate: string, turnDays: number, turn: number): string {
  return addDays(startDate, (turn - 1) * turnDays);
}
