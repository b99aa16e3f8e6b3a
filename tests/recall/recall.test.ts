// The recall tests as one file for vitest, each *.recall.ts in a describe of its own, one after
// another: they keep a core busy for minutes each, and side by side with each other (and the browser
// tests, and the rest) they slowed one another more than they gained (tests/browser/browser.test.ts
// explains why one file). One of them alone: `vitest run --project recall -t written`.
import { describe } from 'vitest';

const specs = import.meta.glob('./*.recall.ts');
for (const [path, load] of Object.entries(specs)) describe(path.slice(2, -'.recall.ts'.length), async () => void (await load()));
