// Progressive search: Pagefind runs in a worker (search-worker.ts); results render as plain links to the
// region page and its form. A real place nobody covers says so, with the hotline and the form.
import { outsideData } from '../lib/names.ts';
import { hotlineHref } from '../contract/hotline.ts';
import { withCall } from './with-call.ts';

interface Data {
  url: string;
  meta: { title: string; level?: string; path?: string; place?: string; covered?: string; brands?: string };
  /** The town of this county the query named. */
  town?: string;
}
interface Answer {
  results: Data[];
  total: number;
  complete: boolean;
  exact: boolean;
  /** The near name these are the places of, when no place has the query's (石门坎乡 → 石门乡). */
  near?: string;
  /** Where the query put them, which does not hold them (资阳 of 资阳简阳). */
  under?: string;
  /** The search itself failed (its files could not be loaded): not the same as finding nothing. */
  failed?: boolean;
}

/** As many as search-core.ts reads at first (FIRST). */
const SHOWN = 8;
let worker: Worker | undefined;
let last = 0;
const pending = new Map<number, (answer: Answer | null) => void>();

const FAILED: Answer = { results: [], total: 0, complete: true, exact: true, failed: true };

/** Asks the search worker; resolves null when a newer query superseded this one. */
function search(q: string, filters: Record<string, string>, all = false): Promise<Answer | null> {
  if (!worker) {
    worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<Partial<Answer> & { id: number; error?: string }>) => {
      const done = pending.get(e.data.id);
      pending.delete(e.data.id);
      done?.(
        e.data.id !== last
          ? null
          : e.data.error
            ? FAILED
            : {
                results: e.data.results ?? [],
                total: e.data.total ?? 0,
                complete: e.data.complete ?? false,
                exact: e.data.exact ?? true,
                near: e.data.near,
                under: e.data.under,
              },
      );
    };
    // A worker that cannot load (a page cached from before a deploy that removed its file) or that
    // crashed answers nothing: every waiting search fails, so Enter falls back to the list of regions.
    worker.onerror = worker.onmessageerror = () => {
      for (const [id, done] of pending) done(id === last ? FAILED : null);
      pending.clear();
      worker?.terminate();
      worker = undefined;
    };
  }
  const id = ++last;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker!.postMessage({ id, q, filters, all });
  });
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function render(r: Data, hotline: string): HTMLLIElement {
  // Pagefind in a worker answers absolute URLs; links stay on whatever origin the page is on.
  const url = new URL(r.url, location.origin);
  // A town names the page it leads to: 乾州街道 → 湘西州 吉首市, and a town with a page of its own (in a
  // city without counties) the same way: 石龙镇 → 东莞市 石龙镇.
  r = { ...r, url: url.pathname + url.search, town: r.town ?? (r.meta.level === 'town' ? r.meta.title : undefined) };
  // A county's page says which of its towns was searched (src/scripts/town-asked.ts).
  if (r.town && r.meta.level === 'county' && r.meta.covered === '1') r.url += `?town=${encodeURIComponent(r.town)}`;
  // One label for every result, covered or not: the name asked for, then where it is.
  const label = () => [
    el('strong', {}, r.town ?? r.meta.title),
    r.town ? ` → ${r.meta.place}` : r.meta.path ? ` ${r.meta.path}` : '',
  ];
  if (r.meta.covered === '0') {
    return el(
      'li',
      { className: 'uncovered' },
      el('span', {}, ...label(), '：暂未覆盖。可拨打 '),
      el('a', { href: hotlineHref(hotline) }, hotline),
      ' 咨询，或',
      // The form of the regions page, with this place chosen (src/scripts/lead-form.ts).
      // The town asked for goes along, into the form's address, as without JavaScript (functions/regions/page.ts).
      el(
        'a',
        {
          href: `${r.url}${r.town && r.url.includes('?') ? `&town=${encodeURIComponent(r.town)}` : ''}#lead-form`,
          ariaLabel: `在线留言（${fullName(r)}）`,
        },
        '在线留言',
      ),
    );
  }
  return el(
    'li',
    {},
    el('a', { href: r.url }, ...label()),
    r.meta.brands ? el('span', { className: 'muted' }, ` · ${r.meta.brands}`) : '',
    r.url.startsWith('/brands/')
      ? ''
      : // Named for a screen reader's list of links, where every row's would read the same.
        el('a', { href: `${r.url}#lead-form`, className: 'to-form', ariaLabel: `在线报修（${fullName(r)}）` }, '在线报修'),
  );
}

const keyOf = (r: Data) => `${r.url} ${r.town ?? ''}`;

/** A result's place with those above it, for a screen reader's list of links, where 88 rows' links
 *  named 在线留言（城关镇） would read the same (南阳市 南召县 城关镇). */
function fullName(r: Data): string {
  if (!r.town) return [r.meta.path, r.meta.title].filter(Boolean).join(' ');
  const place = r.meta.place ?? '';
  return place.endsWith(r.town) ? place : `${place} ${r.town}`.trim();
}

export function enhanceSearch(form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>('input[type=search]')!;
  const list = form.querySelector<HTMLUListElement>('.search-results')!;
  const status = form.querySelector<HTMLElement>('[role=status]')!;
  const filters = form.querySelector<HTMLElement>('[data-search-filters]')!;
  const hotline = form.dataset.hotline ?? '';
  // On first use: warm the worker and Pagefind's index metadata before the first keystroke, and show
  // the filters — not at load, where they would push the page down (layout shift) and take a phone's
  // first screen.
  input.addEventListener(
    'focus',
    () => {
      filters.hidden = false;
      void search('', {});
    },
    { once: true },
  );

  /** The last search could not load (see the submit handler). */
  let failed = false;
  /** The places the list shows, for 显示全部 to keep them first. */
  let shown: { q: string; keys: string[] } | undefined;
  /** The search in the box, kept in the page's history entry when the page is left (remember). */
  let asked: Remembered | undefined;
  /** The search this history entry holds, from when the page was last left. */
  let saved = (history.state as { search?: Remembered } | null)?.search;
  // Not on each keystroke: history.replaceState took 0.6–14 ms of the page's thread there (measured
  // in Chromium while a search ran), on the way to every answer.
  addEventListener('pagehide', () => remember(asked));
  const run = async (all = false) => {
    const q = input.value.trim();
    const chosen: Record<string, string> = {};
    const named: string[] = [];
    for (const select of filters.querySelectorAll('select'))
      if (select.value) ((chosen[select.name] = select.value), named.push(select.selectedOptions[0]?.textContent?.trim() ?? ''));
    asked = q ? { q, filters: chosen } : undefined;
    if (!q) {
      if (saved) remember((saved = undefined)); // emptied: nothing to bring back
      last++; // an answer still on its way is no longer for this box
      list.replaceChildren();
      delete list.dataset.query;
      status.textContent = '';
      return;
    }
    let answer = await search(q, chosen, all);
    if (!answer) return; // a newer query superseded this one
    // Nothing of that name under the filters (a brand leaves out places nobody covers, and those
    // without it): the place itself, unfiltered, rather than "not found" for a place that exists.
    let unfiltered = false;
    if (named.length && !answer.failed && (!answer.results.length || !answer.exact)) {
      const wide = await search(q, {}, all);
      if (!wide) return;
      if (wide.failed) answer = wide;
      else if (wide.results.length && wide.exact) ((answer = wide), (unfiltered = true));
    }
    // In search-core's order: the recall test measures that order (a covered place first among equals).
    // All of a shared name after its first eight: those eight first, where they were (the full list
    // is read in another order, and the customer's place would move away from under the finger).
    const before = all && shown?.q === q ? shown.keys : [];
    const at = (r: Data) => {
      const i = before.indexOf(keyOf(r));
      return i < 0 ? before.length : i;
    };
    const results = (all ? [...answer.results].sort((a, b) => at(a) - at(b)) : answer.results).slice(
      0,
      all ? answer.results.length : SHOWN,
    );
    shown = { q, keys: results.map(keyOf) };
    const items = results.map((r) => render(r, hotline));
    if ((answer.exact || answer.near) && answer.total > results.length) {
      // A name many places share (城关镇: 88 counties; 石门乡, near 石门坎乡: 9): list them all on
      // request, or narrow by province.
      const more = el(
        'button',
        { type: 'button', className: 'more' },
        answer.complete ? `显示全部 ${answer.total} 个` : '显示全部',
      );
      // The button goes with the list it ends: focus moves to the first place it added.
      more.addEventListener('click', () => run(true).then(() => list.children[results.length]?.querySelector('a')?.focus()));
      items.push(el('li', {}, more));
    }
    list.replaceChildren(...items);
    list.dataset.query = q;
    let said = answer.failed
      ? `搜索暂时不可用，请稍后再试，或拨打 ${hotline} 咨询。`
      : !results.length
        ? `没有找到“${q}”。请换个写法（如区县或乡镇名、拼音），或拨打 ${hotline} 咨询。`
        : answer.under
          ? `“${answer.near}”不在“${answer.under}”，以下是同省的“${answer.near}”；不确定时请拨打 ${hotline} 咨询。`
          : answer.near
            ? `没有找到“${q}”，以下是名称相近的“${answer.near}”；不确定时请拨打 ${hotline} 咨询。`
            : !answer.exact
              ? `没有找到“${q}”，以下是名称相近的地方；不确定时请拨打 ${hotline} 咨询。`
              : !answer.complete
                ? // Some results not read yet may hold none of the query's places: no count until read.
                  `显示前 ${results.length} 个结果；可按省份筛选，或点“显示全部”`
                : answer.total > results.length
                  ? `找到 ${answer.total} 个结果，显示前 ${results.length} 个；可按省份筛选`
                  : `找到 ${results.length} 个结果`;
    if (unfiltered) said = `所选“${named.join('、')}”中没有“${q}”，以下不限筛选：${said}`;
    else if (named.length && !results.length) said = `在所选“${named.join('、')}”中${said}`;
    if (!answer.failed && outsideData(q)) said += ' 本站服务地区不含香港、澳门、台湾。';
    // The hotline a link to call where the status says to call it, as in the results' rows.
    status.replaceChildren(...withCall(said, hotline));
    failed = !!answer.failed;
  };
  // The regions page's answer without JavaScript (functions/regions/page.ts) is for the query it was
  // sent: once the box or a filter changes, this list answers, and that one would contradict it.
  const stale = () => document.querySelector('[data-search-answer]')?.setAttribute('hidden', '');
  input.addEventListener('input', () => (stale(), void run()));
  filters.addEventListener('change', () => (stale(), void run()));
  // Enter (a phone keyboard's 搜索): to the only result's page, or to the first of several, once the
  // query's results are in; when search itself failed, the form's own submit (the list of service
  // regions, as without JavaScript).
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    if (list.dataset.query !== q) await run();
    // Typed on meanwhile: the results on the page are not this query's.
    if (list.dataset.query !== q || input.value.trim() !== q) return;
    const first = list.querySelector('a');
    if (first && list.children.length === 1) location.assign(first.href);
    else if (first) first.focus();
    else if (failed) form.submit();
  });
  // Arrow keys move between result links; Escape returns to the box.
  form.addEventListener('keydown', (e) => {
    // Not in the province filter's select, whose own arrow keys choose a province.
    if (e.target !== input && !list.contains(e.target as Node)) return;
    // The links, and 显示全部 at the end of a shared name's first eight.
    const links = [...list.querySelectorAll<HTMLElement>('a, button')];
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      links[Math.min(i + 1, links.length - 1)]?.focus();
    } else if (e.key === 'ArrowUp' && i >= 0) {
      e.preventDefault();
      (i === 0 ? input : links[i - 1]).focus();
    } else if (e.key === 'Escape') {
      input.focus();
    }
  });
  // Back from a result's page: the search as it was (the box keeps no value of its own: autocomplete
  // is off, so a phone's keyboard offers no old queries over the results).
  if (saved?.q && !input.value) {
    input.value = saved.q;
    for (const select of filters.querySelectorAll('select')) select.value = saved.filters[select.name] ?? '';
    filters.hidden = false;
    void run();
  }
}

interface Remembered {
  q: string;
  filters: Record<string, string>;
}
/** The search in this page's entry of the session history, not in its address. */
function remember(search: Remembered | undefined) {
  const { search: _, ...state } = (history.state as { search?: Remembered } | null) ?? {};
  history.replaceState(search ? { ...state, search } : state, '');
}
