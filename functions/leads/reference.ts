// The reference a customer reads out on the phone: BX-261122-048213 (date, then six random digits).
export function newReference(now = new Date()): string {
  const date = now.toISOString().slice(2, 10).replaceAll('-', '');
  const n = crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000;
  return `BX-${date}-${String(n).padStart(6, '0')}`;
}
