// An appointment time `days` from today, Beijing time, as a datetime-local field takes it and as the
// inbox and the progress page show it: the inbox refuses one more than a day past or half a year ahead.
export function beijingDaysAhead(days: number, hhmm = '09:30') {
  const day = new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = day.split('-').map(Number);
  const local = `${day}T${hhmm}`;
  return { local, shown: `${y}/${m}/${d} ${hhmm}`, iso: new Date(`${local}:00+08:00`).toISOString() };
}
