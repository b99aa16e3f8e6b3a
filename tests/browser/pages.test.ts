// Browser tests of the pages group (tests/browser/groups.ts).
import { gather } from './groups.ts';

gather('pages');
