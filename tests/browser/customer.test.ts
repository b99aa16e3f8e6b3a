// Browser tests of the customer group (tests/browser/groups.ts).
import { gather } from './groups.ts';

gather('customer');
