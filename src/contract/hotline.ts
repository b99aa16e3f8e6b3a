// The operator's hotline as a link to call: on every page, in search results, and in what the lead
// function says happens next (functions/leads/next-steps.ts), where the confirmation page
// (functions/leads/form-page.ts) and the form's script (src/scripts/lead-form.ts) make it one too.

/** The tel: address of a hotline as written (400-000-0000 → tel:4000000000). */
export const hotlineHref = (hotline: string) => `tel:${hotline.replace(/[^0-9+]/g, '')}`;

/** A text cut at each mention of the hotline: the hotline goes between two parts. */
export const aroundHotline = (text: string, hotline: string): string[] => (hotline ? text.split(hotline) : [text]);
