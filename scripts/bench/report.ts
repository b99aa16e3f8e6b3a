// The bench's shared options and its report: rows printed as they come, and bench/results.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Tools' shebangs find `node` on PATH: the pinned Node 24, also when this runs without npm.
process.env.PATH = `${join(process.cwd(), 'node_modules/.bin')}:${process.env.PATH}`;

export const QUICK = process.argv.includes('--quick');
/** `--only search` (or build, against, weight, lighthouse, endpoint, inbox) runs one section. */
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
export const wanted = (section: string) => !ONLY || ONLY === section;
/** `--against <commit>`: the whole-country build against that commit's too (against.ts). */
export const AGAINST = process.argv.includes('--against') ? process.argv[process.argv.indexOf('--against') + 1] : undefined;
export const RUNS = QUICK ? 1 : 3;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export type Stat = { median: number; min: number; max: number; runs: number };
export const stat = (xs: number[]): Stat => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s.at(-1)!, runs: s.length };
};
export const fmt = (s: Stat, unit: string, digits = 0) =>
  `${s.median.toFixed(digits)} ${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)}, n=${s.runs})`;

/** What each section measured, by key; written to bench/results.json at the end. */
export const results: Record<string, unknown> = { date: new Date().toISOString(), quick: QUICK };
const rows: [string, string, string][] = [];

export const row = (what: string, value: string, target = '') => {
  rows.push([what, value, target]);
  console.log(`${what.padEnd(46)} ${value.padEnd(34)} ${target}`);
};

export function writeResults() {
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', JSON.stringify({ ...results, table: rows }, null, 2));
  console.log('\nwrote bench/results.json');
}
