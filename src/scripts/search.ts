// Progressive search: Pagefind's API is fetched on first focus, results render as plain links.
interface PagefindResult {
  data(): Promise<{ url: string; meta: { title?: string }; excerpt: string }>;
}
interface Pagefind {
  init(): Promise<void>;
  debouncedSearch(q: string, opts?: object, ms?: number): Promise<{ results: PagefindResult[] } | null>;
}

let pagefind: Promise<Pagefind> | undefined;
const load = () => {
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url).then(async (m: Pagefind) => {
    await m.init();
    return m;
  });
  return pagefind;
};

export function enhanceSearch(form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>('input[type=search]')!;
  const list = form.querySelector<HTMLUListElement>('.search-results')!;
  const status = form.querySelector<HTMLElement>('[aria-live]')!;
  input.addEventListener('focus', () => void load(), { once: true });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    list.querySelector('a')?.focus();
  });
  input.addEventListener('input', async () => {
    const q = input.value.trim();
    if (!q) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const search = await (await load()).debouncedSearch(q, {}, 150);
    if (!search) return; // a newer query superseded this one
    const results = await Promise.all(search.results.slice(0, 8).map((r) => r.data()));
    list.replaceChildren(
      ...results.map((r) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = r.url;
        a.textContent = r.meta.title ?? r.url;
        li.append(a);
        return li;
      }),
    );
    status.textContent = results.length ? `找到 ${results.length} 个结果` : '没有找到，请换个写法或拨打服务电话';
  });
  // Arrow keys move between results; Escape returns to the box.
  form.addEventListener('keydown', (e) => {
    const links = [...list.querySelectorAll('a')];
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      links[Math.min(i + 1, links.length - 1)]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      (i <= 0 ? input : links[i - 1]).focus();
    } else if (e.key === 'Escape') {
      input.focus();
    }
  });
}
