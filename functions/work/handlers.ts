// POST /admin/leads/:id/{stage,assign,notes,unlock,spam,forget} and /admin/deliveries/:id/retry: working a lead from the inbox. Signed in only
// (signed-in.ts); the origin check is the inbox's (functions/inbox.ts). Bad input gets a Chinese
// message (problems.ts) and changes nothing. Answers JSON, or 303 back to the lead's page for a browser's form.
import { Hono, type Context } from 'hono';
import { keyring, phoneHashes, type Keyring } from '../privacy/keyring.ts';
import type { StoredLead } from '../rows.ts';
import { postedFields } from '../web/posted-fields.ts';
import { wantsPage } from '../web/wants-page.ts';
import { fromBeijing, typedMinute } from '../web/beijing-time.ts';
import { signedIn, type SignedIn } from '../staff/signed-in.ts';
import { staffByName } from '../staff/store.ts';
import { keptStage, PROBLEMS, type Problem } from './problems.ts';
import { addNote, assign, KEEP_ASSIGNEE, markSpam, moveStage, retryDelivery, unlockLookup, type Outcome } from './store.ts';
import { loadCatalog } from '../catalog.ts';
import { getLead } from '../leads/store.ts';
import { forgetPhone, forgetSealedPhone } from '../privacy/erase.ts';
import { openLead } from '../privacy/sealed-lead.ts';
import { deliveriesOf } from '../deliveries/plan.ts';
import { CHANGED, logStatement } from '../staff/log.ts';
import { ownerOnly } from '../staff/signed-in.ts';
import { enqueue } from '../deliveries/queue.ts';
import { STAGES, type Stage } from './stages.ts';
import { DAY_MS } from '../leads/store.ts';

type Ctx = Context<SignedIn>;

export const work = new Hono<SignedIn>();
work.use('/leads/*', signedIn);
work.use('/deliveries/*', signedIn);

work.post('/leads/:id/stage', async (c) => {
  const form = await fields(c);
  // Sent back with what it held.
  const refuse = (c: Ctx, code: Problem) => problemOf(c, code, keptStage(form));
  const to = form.get('stage') as Stage;
  if (!STAGES.includes(to)) return refuse(c, 'stage');
  let appointmentAt: string | undefined;
  if (to === 'scheduled') {
    appointmentAt = chinaTime(form.get('appointmentAt'));
    if (!appointmentAt) return refuse(c, 'time');
    // A wrong day or year typed on a phone: said, not booked. A time earlier today may be noted late.
    const ahead = Date.parse(appointmentAt) - Date.now();
    if (ahead < -DAY_MS) return refuse(c, 'timePast');
    if (ahead > 183 * DAY_MS) return refuse(c, 'timeFar');
  }
  if (to !== 'scheduled' && form.get('appointmentAt')?.trim()) return refuse(c, 'timeUnused');
  const reason = form.get('reason')?.trim();
  if (to !== 'cancelled' && reason) return refuse(c, 'reasonUnused');
  if (to === 'cancelled' && !reason) return refuse(c, 'reason');
  if (reason && [...reason].length > 200) return refuse(c, 'reasonLong');
  const ring = await keyring(c.env.LEADS_ENCRYPTION_KEY);
  // What the page showed (its form says): changed meanwhile by someone else, a conflict.
  const seen = form.has('fromStage') ? { stage: form.get('fromStage'), appointmentAt: form.get('fromAppointment') || null } : {};
  const outcome = await moveStage(
    c.env.DB,
    ring.current,
    c.req.param('id'),
    c.var.staff,
    { to, appointmentAt, reason: to === 'cancelled' ? reason : undefined },
    seen,
  );
  return outcome === 'done' ? done(c, outcome) : refuse(c, outcome);
});

work.post('/leads/:id/assign', async (c) => {
  const form = await fields(c);
  const name = form.get('staff')?.trim() ?? '';
  const from = form.get('fromAssignee');
  // Kept with the one the page showed (disabled since): nothing changes unless someone changed it meanwhile.
  const keep = name === KEEP_ASSIGNEE && from ? { id: from, name: '' } : undefined;
  const to = keep ?? (name ? await staffByName(c.env.DB, name) : null);
  if (name && !to) return problem(c, 'staff');
  const ring = await keyring(c.env.LEADS_ENCRYPTION_KEY);
  const seen = form.has('fromAssignee') ? { assignee: from || null } : {};
  return done(c, await assign(c.env.DB, ring.current, c.req.param('id'), c.var.staff, to, seen));
});

work.post('/leads/:id/notes', async (c) => {
  const form = await fields(c);
  const text = form.get('text')?.trim() ?? '';
  if (!text) return problem(c, 'note');
  if ([...text].length > 1000) return problem(c, 'noteLong');
  const ring = await keyring(c.env.LEADS_ENCRYPTION_KEY);
  const formId = form.get('formId')?.slice(0, 64) || undefined;
  return done(c, await addNote(c.env.DB, ring.current, c.req.param('id'), c.var.staff, text, formId));
});

work.post('/leads/:id/unlock', async (c) => {
  const ring = await keyring(c.env.LEADS_ENCRYPTION_KEY);
  return done(c, await unlockLookup(c.env.DB, ring.current, c.req.param('id'), c.var.staff));
});

work.post('/leads/:id/spam', async (c) => {
  const value = (await fields(c)).get('spam');
  if (value !== '0' && value !== '1') return problem(c, 'spamValue');
  const spam = value === '1';
  const row = await getLead(c.env.DB, c.req.param('id'));
  if (!row) return problem(c, 'not-found');
  const ring = await keyring(c.env.LEADS_ENCRYPTION_KEY);
  const noRoute = { route: row.route ?? '', channels: [] };
  if (spam) return done(c, (await markSpam(c.env.DB, ring.current, row.id, c.var.staff, true, noRoute)).outcome);
  // Back to the inbox: its deliveries need the phone (the customer's text, the route by region).
  const phone = await phoneOf(ring, row);
  if (!phone) return problem(c, 'unreadable');
  const catalog = await loadCatalog(c.env, new URL(c.req.url).origin);
  const routing = deliveriesOf(catalog, c.env, { region: row.region_code, brand: row.brand ?? undefined, phone });
  const texted = JSON.stringify(await phoneHashes(ring, phone));
  const { outcome, deliveries } = await markSpam(c.env.DB, ring.current, row.id, c.var.staff, spam, routing, texted);
  if (deliveries.length) await enqueue(c.env, deliveries);
  return done(c, outcome);
});

/** Forgetting a customer (PIPL): every lead of the phone of this one, with their notes and log.
 *  An owner's decision, confirmed on the page; recorded in the operator log (the leads are gone). */
work.post('/leads/:id/forget', ownerOnly, async (c) => {
  if ((await fields(c)).get('confirm') !== 'yes') return problem(c, 'confirm');
  const row = await getLead(c.env.DB, c.req.param('id'));
  if (!row) return problem(c, 'not-found');
  const ring = await keyring(c.env.LEADS_ENCRYPTION_KEY);
  const entry = crypto.randomUUID();
  const log = [logStatement(c.env.DB, c.var.staff, 'forget-customer', CHANGED, entry)];
  // Its key gone from the ring, the phone cannot be read: this lead, and those sealed with it.
  const phone = await phoneOf(ring, row);
  const deleted = phone ? await forgetPhone(c.env.DB, ring, phone, log) : await forgetSealedPhone(c.env.DB, row, log);
  return wantsPage(c) ? c.redirect(`/admin/?forgot=${entry}`, 303) : c.json({ ok: true, deleted });
});

work.post('/deliveries/:id/retry', async (c) => {
  const ring = await keyring(c.env.LEADS_ENCRYPTION_KEY);
  const id = c.req.param('id');
  const { outcome, leadId, generation } = await retryDelivery(c.env.DB, ring.current, id, c.var.staff);
  if (outcome === 'done') await enqueue(c.env, [id], [generation!]);
  if (outcome !== 'done') {
    // Refused for a sent one: that notification is delivered, the lead is as it was.
    const code = outcome === 'not-allowed' ? 'delivered' : outcome;
    const [status, error] = PROBLEMS[code];
    if (!wantsPage(c)) return c.json({ ok: false, error }, status);
    // No delivery (its lead forgotten or past retention meanwhile): the inbox says so.
    return c.redirect(leadId ? leadPage(leadId, code) : `/admin/?problem=${code}`, 303);
  }
  return wantsPage(c) ? c.redirect(leadPage(leadId!), 303) : c.json({ ok: true });
});

/** The time a field sent (typedMinute) is Beijing time (UTC+8, no daylight saving). */
const chinaTime = (value: string | undefined) => {
  const minute = typedMinute(value);
  return minute ? fromBeijing(minute)?.toISOString() : undefined;
};

/** A lead's page, for a browser's form to go back to; the id as posted, encoded: a line break in it
 *  must not reach the Location header. */
const leadPage = (id: string, problem?: Problem, kept: Record<string, string> = {}) => {
  const query = new URLSearchParams(problem ? { problem, ...kept } : {}).toString();
  return `/admin/leads/${encodeURIComponent(id)}/${query ? `?${query}` : ''}`;
};

/** The lead's phone, or null when its key has left the ring (it cannot be read). */
const phoneOf = (ring: Keyring, row: StoredLead) =>
  openLead(ring, row).then(
    (lead) => lead.phone,
    () => null,
  );

/** An unreadable body is an empty form: every field then fails its own check. */
const fields = async (c: Ctx) => (await postedFields(c)) ?? new Map<string, string>();

function done(c: Ctx, outcome: Outcome | 'spam') {
  if (outcome !== 'done') return problem(c, outcome);
  return wantsPage(c) ? c.redirect(leadPage(c.req.param('id') ?? ''), 303) : c.json({ ok: true });
}

function problemOf(c: Ctx, code: Problem, kept?: Record<string, string>) {
  const [status, error] = PROBLEMS[code];
  if (wantsPage(c)) return c.redirect(leadPage(c.req.param('id') ?? '', code, kept), 303);
  return c.json({ ok: false, error }, status);
}
const problem = (c: Ctx, code: Problem) => problemOf(c, code);
