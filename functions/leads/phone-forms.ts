// The stored phone's forms, without libphonenumber: the number alone (+8673188886666), as Chinese
// readers write it (073188886666转8001), and as a tel: link. The stored form is E.164, with an office's
// extension after it as RFC 3966 writes it (functions/leads/phone.ts reads what customers type).
export const EXT = ';ext=';

/** The number to dial or text, without its extension: what a phone's hash, a tail and an SMS use. */
export const dialable = (phone: string) => phone.split(EXT)[0];

/** As a Chinese reader writes it: `13812341234`, `073188886666` (the trunk 0 of a landline), and
 *  `073188886666转8001`. For messages to the operator and the inbox. */
export function nationalPhone(phone: string): string {
  const [number, ext] = phone.split(EXT);
  // A mobile begins 13–19; a landline keeps its trunk 0, Beijing's too (+8610… → 010…).
  const national = number.replace(/^\+86(?=1[3-9])/, '').replace(/^\+86/, '0');
  return ext ? `${national}转${ext}` : national;
}

/** As staff read it to call back: a landline's area code apart (0731-88886666转8001, 010-88886666),
 *  a mobile whole (13812341234). Not in an SMS's variables, whose phone may be 12 characters at most
 *  (channels/sms.ts: nationalPhone). */
export function shownPhone(phone: string): string {
  // The area code with its trunk 0: three digits for 010 and 02x, four for the others (0731, 0769).
  return nationalPhone(phone).replace(/^(0(?:10|2\d|[3-9]\d\d))(?=\d{7,8}(?:转|$))/, '$1-');
}

/** A tel: link: the extension after a pause, as phones' dialers read it (tel:+8673188886666,8001). */
export const telHref = (phone: string) => `tel:${phone.replace(EXT, ',')}`;
