// Rows of the D1 tables (migrations/), as the stores read them. Types only: channels, privacy and
// the admin API use these without importing a store.

export type LeadStatus = 'new' | 'spam';

export interface StoredLead {
  id: string;
  reference: string;
  request_id: string;
  status: LeadStatus;
  /** name, phone, description, address: ciphertext unless opened with openLead (key_id NULL: legacy plaintext). */
  name: string;
  phone: string;
  region_code: string;
  region_name: string;
  brand: string | null;
  brand_name: string | null;
  description: string;
  address: string | null;
  preferred_time: string | null;
  /** 1: preferred_time is sealed like the fields above (migrations/0013_sealed_time.sql). */
  sealed_time: number;
  consent_at: string;
  privacy_version: string;
  page: string | null;
  created_at: string;
  key_id: string | null;
  phone_hash: string | null;
  /** The phone with its extension, hashed (migrations/0019_line_hash.sql); null before it. */
  line_hash: string | null;
  repeat_count: number;
  last_repeat_at: string | null;
  route: string | null;
  /** Working it (migrations/0006_work.sql, functions/work/). */
  stage: 'new' | 'contacted' | 'scheduled' | 'done' | 'cancelled';
  appointment_at: string | null;
  assignee_id: string | null;
  /** The customer's progress look-ups (migrations/0014, 0015; functions/progress/lookup.ts). */
  lookup_failures: number;
  lookup_failures_total: number;
  lookup_failed_at: string | null;
}

/** A post merged into an earlier lead: what the customer wrote that time (name, description and
 *  address sealed like a lead's, with the repeat's own id as their context). */
export interface Repeat {
  id: string;
  lead_id: string;
  request_id: string;
  name: string;
  description: string;
  address: string | null;
  preferred_time: string | null;
  /** 1: preferred_time is sealed like the fields above (migrations/0013_sealed_time.sql). */
  sealed_time: number;
  brand: string | null;
  brand_name: string | null;
  page: string | null;
  created_at: string;
  key_id: string;
}

export interface Delivery {
  id: string;
  lead_id: string;
  channel: string;
  /** What it tells: a new lead, or that the customer cancelled it (migrations/0009_delivery_kind.sql). */
  kind: 'lead' | 'cancel';
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
  /** JSON array of recipients, or null for the channel's own settings. */
  recipients: string | null;
  /** JSON array of those a retry still has to reach after a partial delivery, or null: all. */
  remaining: string | null;
  /** When it is next due to be tried (queued now, or after a retry delay). */
  due_at: string | null;
  /** The queue messages' chain now working on it; older chains' messages are dropped
   *  (migrations/0010_delivery_chain.sql). */
  generation: number;
  /** An attempt in progress until then. */
  claimed_until: string | null;
  /** The operator's last retry: the sweep's window counts from it. */
  retried_at: string | null;
}
