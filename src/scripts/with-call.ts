// A message that names the hotline, with the hotline in it as a link to call: a customer on a phone
// taps the number where the message says to call it (the lead form's answers, search's statuses).
import { aroundHotline, hotlineHref } from '../contract/hotline.ts';

/** The text's parts, each mention of the hotline a tel: link. */
export function withCall(text: string, hotline: string): (string | HTMLAnchorElement)[] {
  return aroundHotline(text, hotline).flatMap((part, i) => {
    if (!i) return [part];
    const call = document.createElement('a');
    call.href = hotlineHref(hotline);
    call.textContent = hotline;
    return [call, part];
  });
}
