// The content folder: the operator's own, or another (a test's, the whole-country fixture) given by
// BAOXIU_CONTENT_DIR without touching the operator's content.
export const CONTENT_DIR = process.env.BAOXIU_CONTENT_DIR ?? 'src/content';
