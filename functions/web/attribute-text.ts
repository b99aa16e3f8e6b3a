// Text for HTMLRewriter's setAttribute, which escapes the quote but not `&`: a value typed as
// "&amp;" would come back as "&" (checked in workerd: tests/worker/leads.test.ts).
export const attributeText = (text: string) => text.replaceAll('&', '&amp;');
