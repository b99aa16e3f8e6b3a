// What the inbox calls each stage of a lead (functions/work/stages.ts), each channel and a delivery's outcome.
import type { ChannelName } from '../../contract/channels.ts';
import type { Stage } from '../../../functions/work/stages.ts';

export const STAGE_LABELS: Record<Stage, string> = {
  new: '新',
  contacted: '已联系',
  scheduled: '已预约',
  done: '已完成',
  cancelled: '已取消',
};

/** Channels as staff know them (the setting names stay in the technical details). */
const CHANNEL_LABELS: Record<ChannelName, string> = {
  outbox: '日志',
  'email-smtp': '邮件',
  'email-binding': '邮件',
  'sms-aliyun': '短信（阿里云）',
  'sms-tencent': '短信（腾讯云）',
  'sms-customer': '客户确认短信',
  wecom: '企业微信',
  dingtalk: '钉钉',
  feishu: '飞书',
  webhook: 'Webhook',
};

export const channelLabel = (name: string) => CHANNEL_LABELS[name as ChannelName] ?? name;

/** A delivery's status as staff read it. */
export const deliveryStatusLabel = (status: string) => (status === 'sent' ? '已送达' : status === 'failed' ? '失败' : '发送中');

/** Why a delivery is not sent, in a word for staff; the error itself goes in 技术信息. */
export const deliveryTrouble = (status: string, error: string | null) =>
  !error
    ? ''
    : status === 'failed'
      ? /^not delivered within/.test(error)
        ? '25 小时内未能送达'
        : '多次重试后仍未送达'
      : // A channel with settings missing or wrong (functions/channels/index.ts `broken`, deliveries/attempt.ts):
        // retried all the same, so a setting put right within the day still sends it.
        /^(\S+ is misconfigured: |channel \S+ is not configured$)/.test(error)
        ? '这个渠道的设置不全或有误，改好后会自动重发'
        : '上次发送失败，稍后自动重试';
