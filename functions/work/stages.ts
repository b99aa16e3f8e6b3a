// A lead's stage and which moves the operator may make: forward through 新 → 已联系 → 已预约 →
// 已完成 (steps may be skipped: a customer reached on the first call is booked at once), a new time
// for a booked visit, 已取消 with a reason from any open stage. 已完成 and 已取消 are final.
export const STAGES = ['new', 'contacted', 'scheduled', 'done', 'cancelled'] as const;
export type Stage = (typeof STAGES)[number];

const MOVES: Record<Stage, readonly Stage[]> = {
  new: ['contacted', 'scheduled', 'done', 'cancelled'],
  contacted: ['scheduled', 'done', 'cancelled'],
  scheduled: ['scheduled', 'done', 'cancelled'],
  done: [],
  cancelled: [],
};

export const canMove = (from: Stage, to: Stage) => MOVES[from].includes(to);
