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

const isoDates = new Map<number, string>();

export function addDays(iso: string, days: number): string {
  const n = dayNumber(iso) + days;
  let text = isoDates.get(n);
  if (text === undefined) {
    text = new Date(n * DAY).toISOString().slice(0, 10);
    // As dayNumber's: few dates are in play, and the text of a day never changes.
    if (isoDates.size < 10_000) isoDates.set(n, text);
  }
  return text;
}

export function turnDate(startDate: string, turnDays: number, turn: number): string {
  return addDays(startDate, (turn - 1) * turnDays);
}
