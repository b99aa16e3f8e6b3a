// The /regions/ page as the Worker serves it (wrangler.jsonc run_worker_first): the search box's form
// submits here, so without JavaScript a search by county or town gets its answer in the page — the
// site's static list of regions with the results above it (places.ts). A result nobody covers links to
// the page's form with that place chosen (?uncovered=433123, as the search script's links do).
import { Hono } from 'hono';
import { html } from 'hono/html';
import { outsideData } from '../../src/lib/names.ts';
import { hotlineHref } from '../../src/contract/hotline.ts';
import { loadCatalog } from '../catalog.ts';
import type { Env } from '../env.ts';
import { freshPage, uncoveredOption } from '../leads/form-page.ts';
import { attributeText } from '../web/attribute-text.ts';
import { securityHeaders } from '../web/headers.ts';
import { withCall } from '../web/with-call.ts';
import { lineage, whereLabel, type Place } from './place.ts';
import { loadPlaces } from './load-places.ts';
import { SHOWN } from './places.ts';
import { townPage, townPageLink } from './town-page.ts';

/** A place with those above it, for a screen reader's list of links, where 88 rows' links named
 *  在线留言（城关镇） would read the same (河南省 南阳市 南召县 城关镇). */
const fullName = (p: Place) =>
  lineage(p)
    .map((a) => a.name)
    .join(' ');

function item(p: Place, hotline: string) {
  const name = html`<strong>${p.name}</strong>${whereLabel(p)}`;
  // A town indexed under its county, or a town of 2020 under the town that holds it now (东升镇 → 中山市
  // 小榄镇: the form names it); not a town that is a region itself (东莞's 石龙镇, its own page).
  const town = p.level === 'town' && p.parent?.code === p.code ? p.name : undefined;
  if (!p.path) {
    const form = `/regions/?uncovered=${p.code}${town ? `&town=${encodeURIComponent(town)}` : ''}#lead-form`;
    return html`<li class="uncovered">
      <span>${name}：暂未覆盖。可拨打 </span><a href="${hotlineHref(hotline)}">${hotline}</a> 咨询，或<a
        href="${form}"
        aria-label="${`在线留言（${fullName(p)}）`}"
        >在线留言</a
      >
    </li>`;
  }
  // A county's page that says which of its towns was searched, written by the Worker (town-page.ts).
  const url = town && p.code.length === 6 ? townPageLink(p.code, town) : p.path;
  return html`<li>
    <a href="${url}">${name}</a>
    <a class="to-form" href="${url}#lead-form" aria-label="${`在线报修（${fullName(p)}）`}">在线报修</a>
  </li>`;
}

/** A brand the query names (坚匣, 坚匣 吉首): its page first, as the search script's results have it. */
const brandItem = (id: string, brand: { name: string; category: string }) =>
  html`<li>
    <a href="/brands/${id}/"><strong>${brand.name}</strong> ${brand.category}</a>
  </li>`;

export const regionsPage = new Hono<{ Bindings: Env }>().get('/regions/', securityHeaders, async (c) => {
  const q = (c.req.query('q') ?? '').trim().slice(0, 80);
  const province = c.req.query('province') ?? '';
  const uncovered = c.req.query('uncovered') ?? '';
  const county = c.req.query('county') ?? '';
  if (county && !q && !uncovered) {
    const catalog = await loadCatalog(c.env, new URL(c.req.url).origin).catch(() => undefined);
    return townPage(c, catalog, county, c.req.query('town') ?? '');
  }
  if (!q && !uncovered) {
    // The static page as it is, its headers made writable for securityHeaders.
    const res = await c.env.ASSETS.fetch(c.req.raw);
    return new Response(res.body, res);
  }
  const origin = new URL(c.req.url).origin;
  const [page, places, catalog] = await Promise.all([
    c.env.ASSETS.fetch(new URL('/regions/', origin)),
    loadPlaces(c.env, origin).catch((err: unknown) => {
      console.error('[regions] search data unavailable:', err instanceof Error ? err.message : err);
      return undefined;
    }),
    loadCatalog(c.env, origin).catch(() => undefined),
  ]);
  if (!page.ok) return freshPage(page, page.status);
  const hotline = catalog?.data.hotline;
  const call = hotline ? `拨打 ${hotline} ` : '拨打服务电话';

  let status = '';
  let list = '';
  if (q) {
    const brands =
      hotline && places ? Object.entries(catalog!.data.brands).filter(([, b]) => q.normalize('NFKC').includes(b.name)) : [];
    // A brand named (坚匣 吉首): the places as typed, no near names.
    const answer = hotline ? places?.answer(q, !brands.length) : undefined;
    const found = answer?.places;
    const near = answer?.near ? found! : [];
    // The search box's filter names provinces.
    const all = (found ?? []).filter((p) => !province || lineage(p)[0].name === province);
    const shown = all.slice(0, SHOWN);
    list = (
      await Promise.all([...brands.map(([id, b]) => brandItem(id, b)), ...shown.map((p) => item(p, hotline!))].map(String))
    ).join('');
    status = !found
      ? `搜索暂时不可用，请稍后再试，或${call}咨询。`
      : brands.length && !all.length
        ? `找到 ${brands.length} 个品牌`
        : !all.length
          ? `${province ? `在“${province}”中` : ''}没有找到“${q}”。请换个写法（如区县或乡镇名），或${call}咨询。`
          : near.length
            ? `没有找到“${q}”，以下是名称相近的地方；不确定时请${call}咨询。`
            : all.length > shown.length
              ? `找到 ${all.length} 个结果，显示前 ${shown.length} 个；可按省份筛选`
              : `找到 ${all.length} 个结果`;
    if (found && outsideData(q)) status += ' 本站服务地区不含香港、澳门、台湾。';
  }
  // The place a result said nobody covers, chosen in the form: only a region the build lists as
  // uncovered. One covered since (a link older than the coverage): its option in the picker, the
  // province's or the one below it, as the form's script chooses it.
  const asked = uncovered && catalog?.isUncovered(uncovered) ? uncovered : undefined;
  const town = asked && places?.townOf(asked, c.req.query('town') ?? '');
  const coveredSince = uncovered && catalog?.region(uncovered) ? catalog.lineage(uncovered) : [];
  const chosen = coveredSince[1] ?? coveredSince[0];
  const place = asked ? (town ? `${town}（${catalog!.regionLabel(asked)}）` : catalog!.regionLabel(asked)) : '';
  // Come from a result's 在线留言: the page says why the form has that place, as the result did.
  if (!q && asked) status = `${place}暂未覆盖。可${call}咨询，或在下方留言，我们会尽快联系您。`;
  // Beside the form too, where its link lands (#lead-form): a phone's picker cuts the option's
  // （暂未覆盖） off (390 px).
  const formNote = asked
    ? String(await html`<p class="notice" data-uncovered-note>${`${place}暂未覆盖：留言后，客服会告诉您能否上门。`}</p>`)
    : '';
  const answered = !!(q || status);
  // The hotline in what the answer says is a link to call, as the results' rows have it.
  const statusHtml = await withCall(status, hotline);

  const res = new HTMLRewriter()
    .on('form[data-search] input[name=q]', { element: (el) => void el.setAttribute('value', attributeText(q)) })
    // The filters the search script shows on first use: here, to narrow a shared name by province.
    .on('form[data-search] [data-search-filters]', { element: (el) => void (q && el.removeAttribute('hidden')) })
    // This index holds places only: a brand chosen would change nothing.
    .on('form[data-search] [data-search-brand]', { element: (el) => void el.remove() })
    .on('form[data-search] select[name=province] option', {
      element: (el) => void (province && el.getAttribute('value') === province && el.setAttribute('selected', '')),
    })
    .on('[data-search-answer]', { element: (el) => void (answered && el.removeAttribute('hidden')) })
    .on('[data-search-answer-status]', { element: (el) => void el.setInnerContent(statusHtml, { html: true }) })
    .on('[data-search-answer-list]', { element: (el) => void el.setInnerContent(list, { html: true }) })
    .on('#lead-title', { element: (el) => void (formNote && el.after(formNote, { html: true })) })
    .on('form[data-lead-form] select[name=region]', {
      element: (el) => void (asked && el.prepend(uncoveredOption(asked, catalog!.regionLabel(asked)), { html: true })),
    })
    .on('form[data-lead-form] select[name=region] option', {
      element: (el) => void (chosen && el.getAttribute('value') === chosen && el.setAttribute('selected', '')),
    })
    .on('form[data-lead-form] input[name=address]', {
      element: (el) => void (town && el.setAttribute('value', attributeText(town))),
    })
    .transform(page);
  return freshPage(res, 200);
});
