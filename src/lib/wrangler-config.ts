// wrangler.jsonc, parsed as JSONC (comments, trailing commas): the build reads the Worker's `vars`
// from it (the retention period /privacy/ states), and tests check what the code assumes of it.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { readFileSync } from 'node:fs';

export interface WranglerConfig {
  vars?: Record<string, string>;
  [key: string]: unknown;
}

export function wranglerConfig(file = 'wrangler.jsonc'): WranglerConfig {
  const errors: ParseError[] = [];
  const config = parse(readFileSync(file, 'utf8'), errors, { allowTrailingComma: true }) as WranglerConfig;
  if (errors.length)
    throw new Error(`${file}: ${errors.map((e) => `${printParseErrorCode(e.error)} at offset ${e.offset}`).join(', ')}`);
  return config;
}
