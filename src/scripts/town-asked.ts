// A town search leads to its county's page with the town named (?town=乾州街道: src/scripts/search.ts).
// The page then says which county the town is in, and the form's address begins with it — only for a
// town of this county, which the page lists: a link anyone can write names nothing else.
import { townNote } from '../contract/town-note.ts';

export function townAsked(form: HTMLFormElement) {
  const note = document.querySelector<HTMLElement>('[data-town-asked]');
  const town = new URLSearchParams(location.search).get('town') ?? '';
  if (!note || !town || !note.dataset.townAsked!.split(' ').includes(town)) return;
  const county = note.dataset.county!;
  note.textContent = townNote(town, county);
  note.hidden = false;
  const address = form.elements.namedItem('address') as HTMLInputElement | null;
  if (address && !address.value) address.value = town;
}
