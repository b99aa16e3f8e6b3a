// Progressive search: Pagefind runs in a worker (search-worker.ts); results render as plain links to the
// region page and its form. A real place nobody covers says so, with the hotline and the form.
interface Data {
  url: string;
  meta: { title: string; path?: string; covered?: string; brands?: string };
}

const SHOWN = 8;
let worker: Worker | undefined;
let last = 0;
const pending = new Map<number, (results: Data[] | null) => void>();

/** Asks the search worker; resolves null when a newer query superseded this one. */
function search(q: string, filters: Record<string, string>): Promise<Data[] | null> {
  if (!worker) {
    worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; results?: Data[]; error?: string }>) => {
      const done = pending.get(e.data.id);
      pending.delete(e.data.id);
      done?.(e.data.id === last ? (e.data.results ?? []) : null);
    };
  }
  const id = ++last;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker!.postMessage({ id, q, filters });
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
  r = { ...r, url: url.pathname + url.search };
  const place = [r.meta.path, r.meta.title].filter(Boolean).join(' ');
  if (r.meta.covered === '0') {
    return el(
      'li',
      { className: 'uncovered' },
      el('span', {}, `${place}：暂未覆盖。可拨打 `),
      el('a', { href: `tel:${hotline.replace(/[^0-9+]/g, '')}` }, hotline),
      ' 咨询，或',
      el('a', { href: '/#lead-form' }, '在线留言'),
    );
  }
  return el(
    'li',
    {},
    el('a', { href: r.url }, el('strong', {}, r.meta.title), r.meta.path ? ` ${r.meta.path}` : ''),
    r.meta.brands ? el('span', { className: 'muted' }, ` · ${r.meta.brands}`) : '',
    r.url.startsWith('/brands/') ? '' : el('a', { href: `${r.url}#lead-form`, className: 'to-form' }, '在线报修'),
  );
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

  const run = async () => {
    const q = input.value.trim();
    if (!q) {
      list.replaceChildren();
      delete list.dataset.query;
      status.textContent = '';
      return;
    }
    const chosen: Record<string, string> = {};
    for (const select of filters.querySelectorAll('select')) if (select.value) chosen[select.name] = select.value;
    const found = await search(q, chosen);
    if (!found) return; // a newer query superseded this one
    // Covered places first; a place nobody covers is still an answer.
    const results = [...found.filter((r) => r.meta.covered !== '0'), ...found.filter((r) => r.meta.covered === '0')].slice(
      0,
      SHOWN,
    );
    list.replaceChildren(...results.map((r) => render(r, hotline)));
    list.dataset.query = q;
    status.textContent = results.length
      ? `找到 ${results.length} 个结果`
      : `没有找到“${q}”。请换个写法（如区县名、拼音），或拨打 ${hotline} 咨询。`;
  };
  input.addEventListener('input', run);
  filters.addEventListener('change', run);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    list.querySelector('a')?.focus();
  });
  // Arrow keys move between result links; Escape returns to the box.
  form.addEventListener('keydown', (e) => {
    const links = [...list.querySelectorAll('a')];
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
}
