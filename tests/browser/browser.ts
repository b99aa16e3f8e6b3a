// Debian's Chromium driven by playwright-core, and a read-only view of wrangler's local D1.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type { StoredLead } from '../../functions/rows.ts';
import { keyring } from '../../functions/privacy/keyring.ts';
import { openLead } from '../../functions/privacy/sealed-lead.ts';

export const baseUrl = inject('baseUrl');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

let shared: Promise<Browser> | undefined;
/** One Chromium for the specs of a group file (tests/browser/groups.ts closes it after them): a
 *  launch costs ~2 CPU-s. */
export const sharedBrowser = () => (shared ??= launch());
export async function closeSharedBrowser() {
  const browser = shared;
  shared = undefined;
  await (await browser)?.close();
}

/** A full page saved to test-results/screenshots/ for a person to look at: with BAOXIU_SCREENSHOTS=1
 *  set, or when a check of the page has failed (`always`). Not every run: a long page's takes a
 *  second or more of Chromium's (a quarter of the layout tests' time). */
export async function screenshot(page: Page, name: string, always = false): Promise<void> {
  if (!always && !process.env.BAOXIU_SCREENSHOTS) return;
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** Rows from the local D1 database that `wrangler dev` writes. */
export function query<T = Record<string, unknown>>(sql: string, ...params: (string | number)[]): T[] {
  const dir = join(inject('stateDir'), 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const file = readdirSync(dir).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite')!;
  const db = new DatabaseSync(join(dir, file), { readOnly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Every stored lead, personal fields decrypted with this run's key. */
export async function leads(): Promise<StoredLead[]> {
  const ring = await keyring(inject('leadsKey'));
  return Promise.all(query<StoredLead>('SELECT * FROM leads').map((row) => openLead(ring, row)));
}

export const serverLog = () => readFileSync(inject('logFile'), 'utf8');

const AXE = readFileSync(new URL(import.meta.resolve('axe-core/axe.min.js')), 'utf8');

/** axe-core's violations on the page (JavaScript on), one line each. */
export async function violations(page: Page): Promise<string[]> {
  // Through DevTools, not a <script> tag: the site's CSP (rightly) refuses inline scripts.
  await page.evaluate(AXE);
  return (await page.evaluate(async () => {
    const r = await (window as any).axe.run(document);
    return r.violations.map((v: any) => `${v.id}: ${v.help} (${v.nodes.map((n: any) => n.target.join(' ')).join(', ')})`);
  })) as string[];
}

/** A client address of its own for a browser context or a request (`Cf-Connecting-IP`, which wrangler
 *  dev passes on): tests that sign in or look leads up do not share the per-IP rate limits (10 a
 *  minute), which the browser files together would otherwise reach. */
export const ownAddress = () => ({
  'cf-connecting-ip': `10.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`,
});
