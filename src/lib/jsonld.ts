// schema.org JSON-LD: a Service provided by the operator, with the GB/T 2260 code of each area served.
import type { Region } from './regions.ts';
import type { Site } from './schemas.ts';

export function operator(site: Site) {
  return {
    '@type': 'LocalBusiness',
    name: site.legalName,
    alternateName: site.displayName,
    telephone: site.hotline,
    email: site.email,
    url: site.url,
    address: site.address,
  };
}

export function areaServed(region: Region, regionPath: (code: string) => string, site: Site) {
  return {
    '@type': 'AdministrativeArea',
    name: region.name,
    identifier: { '@type': 'PropertyValue', propertyID: 'GB/T 2260', value: region.code },
    url: new URL(regionPath(region.code), site.url).href,
  };
}

export function service(opts: { site: Site; name: string; serviceType: string; url: string; areas: object[] }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Service',
    name: opts.name,
    serviceType: opts.serviceType,
    url: opts.url,
    provider: operator(opts.site),
    areaServed: opts.areas,
  };
}
