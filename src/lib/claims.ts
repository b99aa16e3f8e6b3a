// Honesty rule: only content that records a brand's authorization may claim to be its official,
// manufacturer, HQ or authorized service. Copycat "官方 400" pages are exactly what this kit is not.

/** Words that claim a tie to the brand owner. Matched case-insensitively. */
const BRAND_CLAIMS = /官方|厂家|原厂|总部|授权|特约|official|manufacturer|authori[sz]ed|headquarters|\bHQ\b/gi;
/** The operator itself is never the brand owner, whatever it is authorized for. */
const OPERATOR_CLAIMS = /官方|厂家|原厂|总部|official|manufacturer|headquarters|\bHQ\b/gi;

export interface ClaimSource {
  /** Where the text comes from, for the error message: a file path and field. */
  where: string;
  text: string | undefined;
}

export interface Claim {
  where: string;
  word: string;
  excerpt: string;
}

function find(pattern: RegExp, sources: ClaimSource[]): Claim[] {
  const claims: Claim[] = [];
  for (const { where, text } of sources) {
    if (!text) continue;
    for (const m of text.matchAll(pattern)) {
      const at = m.index ?? 0;
      claims.push({ where, word: m[0], excerpt: text.slice(Math.max(0, at - 12), at + m[0].length + 12).replace(/\s+/g, ' ') });
    }
  }
  return claims;
}

export const brandClaims = (sources: ClaimSource[]) => find(BRAND_CLAIMS, sources);
export const operatorClaims = (sources: ClaimSource[]) => find(OPERATOR_CLAIMS, sources);

export function describeClaims(subject: string, claims: Claim[], fix: string): string {
  const lines = claims.map((c) => `  - ${c.where}: "${c.word}" in "…${c.excerpt}…"`);
  return `${subject}\n${lines.join('\n')}\n${fix}`;
}
