// The files of covered places' fragments the build writes beside Pagefind's index
// (scripts/covered-fragments.ts) and the search worker reads (src/scripts/fragments-ahead.ts).

/** Where they are, in the index's folder: pagefind/covered/<site, province or prefecture>.json. */
export const COVERED_DIR = 'covered';
/** The file asked first: the whole site's bundle, or (over the budget) the provinces bundled instead. */
export const SITE = 'site';
/** The site's file over the budget lists, under this key, the provinces bundled instead. */
export const PROVINCES = 'provinces';
/** What Pagefind puts before a decompressed file: a file that begins with it is read as it is. */
export const SIGNATURE = 'pagefind_dcd';
/** A province's file over the budget lists, under this key, the prefectures bundled instead. */
export const PREFECTURES = 'prefectures';
