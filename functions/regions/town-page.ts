// A county's page with the town a search without JavaScript found (/regions/?county=433101&town=乾州街道):
// what src/scripts/town-asked.ts does in the browser, done by the Worker — the page says which county
// the town is in, and the form's address begins with it. Only for a town the page lists as its own:
// a link anyone can write names nothing else.
import type { Context } from 'hono';
import { townNote } from '../../src/contract/town-note.ts';
import type { CatalogIndex } from '../catalog.ts';
import type { Env } from '../env.ts';
import { freshPage } from '../leads/form-page.ts';
import { attributeText } from '../web/attribute-text.ts';

/** The search's link to a town's county page: the Worker's, which writes the town in. */
export const townPageLink = (county: string, town: string) => `/regions/?county=${county}&town=${encodeURIComponent(town)}`;

export async function townPage(c: Context<{ Bindings: Env }>, catalog: CatalogIndex | undefined, county: string, town: string) {
  const region = catalog?.region(county);
  // No page of its own (a link older than the coverage): the search for the town, which says where it is.
  if (!region) return c.redirect(`/regions/?q=${encodeURIComponent(town || county)}`, 303);
  const page = await c.env.ASSETS.fetch(new URL(region.path, c.req.url));
  if (!page.ok) return freshPage(page, page.status);
  let named = false;
  const res = new HTMLRewriter()
    .on('[data-town-asked]', {
      element: (el) => {
        named = !!town && (el.getAttribute('data-town-asked') ?? '').split(' ').includes(town);
        if (!named) return;
        el.setInnerContent(townNote(town, el.getAttribute('data-county') ?? region.name));
        el.removeAttribute('hidden');
      },
    })
    .on('form[data-lead-form] input[name=address]', {
      element: (el) => void (named && !el.getAttribute('value') && el.setAttribute('value', attributeText(town))),
    })
    .transform(page);
  return freshPage(res, 200);
}
