// The lead form with JavaScript: a requestId for idempotency, JSON submission with inline errors
// and no reload, and a province → prefecture → county picker. Without it, the form posts as is.
import type { CatalogData, UncoveredRegions } from '../contract/catalog.ts';
import { townAsked } from './town-asked.ts';
import { withCall } from './with-call.ts';

const FALLBACK = '网络不稳定，报修未能提交。请稍后重试，或直接拨打页面上方的服务电话。';

export function enhanceLeadForm(form: HTMLFormElement) {
  // New on every page load: a browser that restores form fields on a reload (Firefox, hidden ones
  // too) would otherwise send the last request's id with a new request, read as the same post again.
  // Kept for the retries of this page (a lost answer, an error fixed).
  (form.elements.namedItem('requestId') as HTMLInputElement).value = crypto.randomUUID();
  const picker = form.querySelector<HTMLElement>('[data-region-picker]');
  if (picker) void cascade(picker);
  else townAsked(form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
    const body: Record<string, unknown> = Object.fromEntries(new FormData(form));
    for (const box of ['consent', 'abroad']) body[box] = (form.elements.namedItem(box) as HTMLInputElement).checked;
    button.disabled = true;
    try {
      const res = await fetch(form.action, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = await res.json().catch(() => null);
      if (answer?.ok) return done(form, answer);
      showErrors(form, answer?.errors ?? { form: FALLBACK });
    } catch {
      showErrors(form, { form: FALLBACK });
    } finally {
      button.disabled = false;
    }
  });
}

/** The lead's reference, or (merged into the customer's earlier lead: no reference told) that the
 *  request was added to the one before. */
function done(
  form: HTMLFormElement,
  answer: { reference?: string; merged?: boolean; next?: string[]; hotline?: string; progress?: string },
) {
  const box = form.parentElement!.querySelector<HTMLElement>('[data-lead-done]')!;
  const merged = !answer.reference;
  box.querySelector<HTMLElement>('[data-lead-merged]')!.hidden = !merged;
  for (const line of box.querySelectorAll<HTMLElement>('[data-lead-reference-line]')) line.hidden = merged;
  box.querySelector('[data-lead-reference]')!.textContent = answer.reference ?? '';
  if (answer.next)
    box.querySelector('[data-lead-next]')!.replaceChildren(...withCall(answer.next.join(' '), answer.hotline ?? ''));
  if (answer.progress) box.querySelector('[data-lead-progress]')!.setAttribute('href', answer.progress);
  form.hidden = true;
  box.hidden = false;
  box.focus();
}

function showErrors(form: HTMLFormElement, errors: Record<string, string>) {
  // A Turnstile token is good for one check: get a fresh one for the next try.
  (window as { turnstile?: { reset(): void } }).turnstile?.reset();
  let first: HTMLElement | null = null;
  for (const el of form.querySelectorAll<HTMLElement>('[data-error-for]')) {
    const name = el.dataset.errorFor!;
    const message = errors[name];
    el.textContent = message ?? '';
    el.hidden = !message;
    const field =
      form.querySelector<HTMLElement>(`[name="${name}"]:not([type=hidden])`) ??
      form.querySelector<HTMLElement>(`[data-region-picker] select`);
    if (!field) continue;
    if (message) {
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', el.id);
      first ??= field;
    } else {
      field.removeAttribute('aria-invalid');
    }
  }
  const status = form.querySelector<HTMLElement>('[data-form-status]')!;
  const shown = new Set([...form.querySelectorAll<HTMLElement>('[data-error-for]')].map((e) => e.dataset.errorFor));
  const other = Object.entries(errors)
    .filter(([k]) => k !== 'form' && !shown.has(k))
    .map(([, m]) => m);
  status.textContent = [errors.form ?? '提交未成功，请按提示修改后重新提交。', ...other].join(' ');
  status.hidden = false;
  (first ?? status).focus();
}

/** What a select holds, named: 北京's next level is its 区县, 东莞's its 乡镇街道. */
const LEVEL_NAMES: Record<string, string> = { province: '省份', prefecture: '城市', county: '区县', town: '乡镇街道' };

/** Replaces the one-level <select> with province → prefecture → county selects. */
async function cascade(picker: HTMLElement) {
  let data: CatalogData;
  try {
    data = await (await fetch('/catalog.json')).json();
  } catch {
    return; // the plain select still works
  }
  const original = picker.querySelector('select')!;
  // An uncovered place: in the plain select (the Worker put it back on a form with errors, posted
  // before this file came), else from a search result's link.
  const linked = new URLSearchParams(location.search).get('uncovered') ?? '';
  const asked = (await uncoveredAsked(data, original.value)) ?? (await uncoveredAsked(data, linked));
  const hidden = Object.assign(document.createElement('input'), { type: 'hidden', name: 'region', value: asked?.code ?? '' });
  // A brand page offers the places that brand is serviced in, as its plain select does: the
  // ancestors of its coverage and what lies below it.
  const lineageOf = (code: string) => {
    const chain: string[] = [];
    for (let c: string | undefined = code; c; c = data.regions[c]?.parent) chain.unshift(c);
    return chain;
  };
  const covered = picker.dataset.brand ? (data.coverage[picker.dataset.brand] ?? []) : undefined;
  const above = new Set(covered?.flatMap(lineageOf));
  const offered = (code: string) => !covered || above.has(code) || lineageOf(code).some((c) => covered.includes(c));
  const childrenOf = (parent?: string) =>
    Object.entries(data.regions)
      .filter(([code, r]) => r.parent === parent && offered(code))
      .map(([code, r]) => ({ code, name: r.name, level: r.level }));
  const levels = [LEVEL_NAMES.province, LEVEL_NAMES.prefecture, LEVEL_NAMES.county];
  const selects = levels.map((label, i) => {
    const select = document.createElement('select');
    select.id = i === 0 ? original.id : `${original.id}-${i}`;
    select.setAttribute('aria-label', `${label}`);
    select.hidden = i > 0;
    return select;
  });
  const fill = (i: number, parent?: string) => {
    const options = childrenOf(parent);
    const select = selects[i];
    const name = LEVEL_NAMES[options[0]?.level ?? ''] ?? levels[i];
    select.setAttribute('aria-label', name);
    select.replaceChildren(
      new Option(i === 0 ? '请选择省份' : `请选择${name}（可不选）`, ''),
      ...(i === 0 && asked ? [new Option(`${asked.label}（暂未覆盖）`, asked.code, true, true)] : []),
      ...options.map((o) => new Option(o.name, o.code)),
    );
    select.hidden = options.length === 0;
    for (const later of selects.slice(i + 1)) later.hidden = true;
  };
  selects.forEach((select, i) =>
    select.addEventListener('change', () => {
      const chosen = selects
        .slice(0, i + 1)
        .map((s) => s.value)
        .filter(Boolean);
      hidden.value = chosen.at(-1) ?? '';
      if (i + 1 < selects.length) {
        if (select.value) fill(i + 1, select.value);
        else for (const later of selects.slice(i + 1)) later.hidden = true;
      }
    }),
  );
  fill(0);
  // A link's place that is covered now (a search page older than the coverage), or one the customer
  // chose in the plain select before this file came (or the browser put back on returning to the
  // page): chosen down its lineage, as a customer would.
  const preset = [linked, original.value].find((code) => code && Object.hasOwn(data.regions, code));
  if (preset) {
    lineageOf(preset)
      .slice(0, selects.length)
      .forEach((code, i) => {
        selects[i].value = code;
        if (i + 1 < selects.length) fill(i + 1, code);
      });
    hidden.value = preset;
  }
  original.replaceWith(hidden, ...selects);
}

/** A place nobody covers (a search result's 在线留言 link: /regions/?uncovered=433123), named from the
 *  build's list of such regions — never from the link, which anyone can write. */
async function uncoveredAsked(data: CatalogData, code: string): Promise<{ code: string; label: string } | undefined> {
  if (!/^\d{6}(\d{3})?$/.test(code) || data.regions[code]) return undefined;
  let uncovered: UncoveredRegions;
  try {
    uncovered = await (await fetch('/uncovered-regions.json')).json();
  } catch {
    return undefined;
  }
  if (!Object.hasOwn(uncovered, code)) return undefined;
  const names: string[] = [];
  for (let c: string | undefined = code; c;) {
    const known: { name: string; parent?: string } | undefined = Object.hasOwn(uncovered, c)
      ? { name: uncovered[c][0], parent: uncovered[c][1] }
      : data.regions[c];
    if (!known) break;
    names.unshift(known.name);
    c = known.parent;
  }
  return { code, label: names.join(' ') };
}
