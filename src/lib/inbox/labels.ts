// What the inbox calls each stage of a lead (functions/work/stages.ts).
import type { Stage } from '../../../functions/work/stages.ts';

export const STAGE_LABELS: Record<Stage, string> = {
  new: '新',
  contacted: '已联系',
  scheduled: '已预约',
  done: '已完成',
  cancelled: '已取消',
};
