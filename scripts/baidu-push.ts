// npm run baidu:push -- [--dry-run] [--limit N]: submits the site's pages to Baidu's URL push API
// (搜索资源平台 → 普通收录 → API提交), in sitemap order, within the site's daily quota. The
// pages come from the built sitemap (dist/sitemap.xml), so run it after `npm run build`.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeXML } from 'entities';
import { parseArgs } from 'node:util';

const USAGE = `usage: BAIDU_PUSH_TOKEN=<token> npm run baidu:push -- [--dry-run] [--limit N] [--sitemap dist/sitemap.xml]
  The token is on ziyuan.baidu.com → 普通收录 → API提交, for the site in site.yaml's url.
  BAIDU_PUSH_ENDPOINT overrides http://data.zz.baidu.com/urls (tests, a proxy).`;
/** Baidu accepts up to 2,000 URLs per request. */
const BATCH = 2000;

function fail(message: string): never {
  console.error(`baidu:push: ${message}`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    options: {
      'dry-run': { type: 'boolean' },
      limit: { type: 'string' },
      sitemap: { type: 'string' },
      help: { type: 'boolean' },
    },
  }).values;
} catch (err) {
  fail(`${(err as Error).message}\n${USAGE}`);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const sitemap = args.sitemap ?? 'dist/sitemap.xml';
const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    fail(`cannot read ${file}: build the site first (npm run build).`);
  }
};
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => decodeXML(m[1]));
const xml = read(sitemap);
// An index (a site of more than 50,000 pages: src/lib/sitemap.ts): its parts are beside it.
const urls = /<sitemapindex[\s>]/.test(xml)
  ? locs(xml).flatMap((part) => locs(read(join(dirname(sitemap), basename(new URL(part).pathname)))))
  : locs(xml);
if (!urls.length) fail(`${sitemap} lists no pages.`);
const site = new URL(urls[0]).origin;
const limit = args.limit === undefined ? urls.length : Number(args.limit);
if (!Number.isInteger(limit) || limit < 1) fail(`--limit must be a whole number ≥ 1, not "${args.limit}".`);
const todo = urls.slice(0, limit);

if (args['dry-run']) {
  console.log(`Would push ${todo.length} of ${urls.length} pages of ${site}:\n${todo.join('\n')}`);
  process.exit(0);
}
const token = process.env.BAIDU_PUSH_TOKEN;
if (!token) fail(`BAIDU_PUSH_TOKEN is not set.\n${USAGE}`);

interface Answer {
  success?: number;
  remain?: number;
  not_same_site?: string[];
  not_valid?: string[];
  error?: number;
  message?: string;
}

const endpoint = new URL(process.env.BAIDU_PUSH_ENDPOINT ?? 'http://data.zz.baidu.com/urls');
endpoint.searchParams.set('site', site);
endpoint.searchParams.set('token', token);
let pushed = 0;
/** Refused by Baidu (another site's, or not valid): pushed again, they would be refused again. */
let refused = 0;
const waiting = () => todo.length - pushed - refused;
for (let i = 0; i < todo.length; i += BATCH) {
  const batch = todo.slice(i, i + BATCH);
  let answer: Answer;
  try {
    const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: batch.join('\n') });
    answer = (await res.json()) as Answer;
  } catch (err) {
    fail(`Baidu's push API did not answer (${(err as Error).message}); ${pushed} pages pushed before that.`);
  }
  if (answer.error !== undefined) {
    // Over the daily quota Baidu answers 400 "over quota": the rest waits for tomorrow.
    if (/quota/i.test(answer.message ?? '')) {
      console.log(`Daily quota reached after ${pushed} pages; ${waiting()} left for another day (--limit).`);
      break;
    }
    fail(`Baidu refused the push: ${answer.error} ${answer.message ?? ''} (${pushed} pages pushed before that).`);
  }
  pushed += answer.success ?? 0;
  refused += (answer.not_same_site?.length ?? 0) + (answer.not_valid?.length ?? 0);
  for (const url of answer.not_same_site ?? []) console.warn(`not on ${site}: ${url}`);
  for (const url of answer.not_valid ?? []) console.warn(`not valid: ${url}`);
  console.log(`Pushed ${answer.success ?? 0} pages; ${answer.remain ?? '?'} left in today's quota.`);
  if (answer.remain === 0) {
    // The rest of this batch too: Baidu took what its quota allowed.
    if (waiting() > 0) console.log(`${waiting()} pages wait for tomorrow's quota.`);
    break;
  }
}
console.log(`Done: ${pushed} of ${todo.length} pages pushed.`);
