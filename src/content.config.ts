// Content collections: the operator (site), the brands it services, the regions of China, and which
// brand is serviced where (coverage). BAOXIU_CONTENT_DIR points the build at another content folder
// (e.g. a whole-country fixture) without touching the operator's own content.
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { brandSchema, coverageSchema, routingSchema, siteSchema } from './lib/schemas.ts';
import { regionsLoader } from './lib/regions-loader.ts';
import { siteLoader } from './lib/site-loader.ts';
import { CONTENT_DIR as dir } from './lib/content-dir.ts';

export const collections = {
  site: defineCollection({ loader: siteLoader(`${dir}/site.yaml`), schema: siteSchema }),
  brands: defineCollection({ loader: glob({ pattern: '*.md', base: `${dir}/brands` }), schema: brandSchema }),
  regions: defineCollection({ loader: regionsLoader() }),
  // One entry, `routing`, read from routes.yaml. The file is optional: without it the entry has no
  // routes, which means every channel gets every lead (an empty collection would make every build warn
  // that it "does not exist or is empty").
  routing: defineCollection({
    loader: {
      name: 'routes-yaml',
      async load({ store, parseData }) {
        const { existsSync, readFileSync } = await import('node:fs');
        const { parse } = await import('yaml');
        const file = `${dir}/routes.yaml`;
        store.clear();
        const data = existsSync(file)
          ? await parseData({ id: 'routing', data: parse(readFileSync(file, 'utf8')) ?? {}, filePath: file })
          : await parseData({ id: 'routing', data: {} });
        store.set({ id: 'routing', data });
      },
    },
    schema: routingSchema,
  }),
  coverage: defineCollection({
    loader: glob({ pattern: '*.{yaml,yml,json}', base: `${dir}/coverage` }),
    schema: coverageSchema(reference('brands')),
  }),
};
