// The channels that every accepted lead is sent to.
import type { Env } from '../env.ts';
import type { Channel } from './channel.ts';
import { outbox } from './outbox.ts';

export function channelsFor(_env: Env): Channel[] {
  return [outbox];
}
