// Browser tests of the operator group (tests/browser/groups.ts).
import { gather } from './groups.ts';

gather('operator');
