// The files of covered places' fragments the build writes beside Pagefind's index
// (scripts/covered-fragments.ts) and the search worker reads (src/scripts/fragments-ahead.ts).

/** Where they are, in the index's folder: pagefind/covered/<province or prefecture code>.json. */
export const COVERED_DIR = 'covered';
/** What Pagefind puts before a decompressed file: a file that begins with it is read as it is. */
export const SIGNATURE = 'pagefind_dcd';
/** A province's file over the budget lists, under this key, the prefectures bundled instead. */
export const PREFECTURES = 'prefectures';
