// /catalog.json: what the lead function checks a lead against, and what the form's region picker
// offers. Built from the same content as the pages.
import type { APIRoute } from 'astro';
import type { CatalogData } from '../contract/catalog.ts';
import { catalog } from '../lib/catalog.ts';
import { statedRetentionDays } from '../lib/retention.ts';

export const GET: APIRoute = async () => {
  const { site, brands, pages, regions, coverage, routing } = await catalog();
  const data: CatalogData = {
    operator: site.displayName,
    url: site.url,
    hotline: site.hotline,
    hours: site.hours,
    ...(site.callbackHours ? { callbackHours: site.callbackHours } : {}),
    privacyVersion: site.privacyVersion,
    retentionDays: statedRetentionDays(import.meta.env.BUILD_RETENTION_DAYS),
    brands: Object.fromEntries(
      brands.map((b) => [
        b.id,
        {
          name: b.data.name,
          category: b.data.category,
          ...(b.data.relationship === 'authorized'
            ? { authorizedUntil: b.data.authorization.validUntil.toISOString().slice(0, 10) }
            : {}),
        },
      ]),
    ),
    regions: Object.fromEntries(
      pages.map((r) => [r.code, { name: r.name, parent: r.parent, level: r.level, path: regions.path(r.code) }]),
    ),
    coverage: Object.fromEntries([...coverage].map(([slug, codes]) => [slug, [...codes.keys()]])),
    service: Object.fromEntries(
      [...coverage].map(([slug, codes]) => [
        slug,
        Object.fromEntries(
          [...codes]
            .filter(([, e]) => e.responseTime || e.hours)
            .map(([code, e]) => [
              code,
              { ...(e.responseTime ? { responseTime: e.responseTime } : {}), ...(e.hours ? { hours: e.hours } : {}) },
            ]),
        ),
      ]),
    ),
    ...(routing ? { routing } : {}),
  };
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
};
