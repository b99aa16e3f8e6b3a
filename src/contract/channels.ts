// The channels a lead can be sent through, and the settings each one reads (Worker vars/secrets).
// One list: routes.yaml is validated against these names, the Worker builds its channels from these
// settings (functions/channels/index.ts), and functions/env.ts types them.
export const CHANNELS = {
  outbox: { required: [], optional: [] },
  'email-smtp': { required: ['SMTP_URL', 'EMAIL_TO'], optional: ['EMAIL_FROM'] },
  'email-binding': { required: ['EMAIL_BINDING_FROM', 'EMAIL_BINDING_TO'], optional: [] },
  'sms-aliyun': {
    required: [
      'ALIYUN_ACCESS_KEY_ID',
      'ALIYUN_ACCESS_KEY_SECRET',
      'ALIYUN_SMS_SIGN_NAME',
      'ALIYUN_SMS_TEMPLATE_CODE',
      'ALIYUN_SMS_TO',
    ],
    optional: ['ALIYUN_SMS_TEMPLATE_PARAMS', 'ALIYUN_SMS_ENDPOINT'],
    // The credentials are shared with the customer's confirmation SMS: they alone do not list this channel.
    when: ['ALIYUN_SMS_TEMPLATE_CODE', 'ALIYUN_SMS_TO', 'ALIYUN_SMS_TEMPLATE_PARAMS'],
  },
  'sms-tencent': {
    required: [
      'TENCENT_SECRET_ID',
      'TENCENT_SECRET_KEY',
      'TENCENT_SMS_SDK_APP_ID',
      'TENCENT_SMS_SIGN_NAME',
      'TENCENT_SMS_TEMPLATE_ID',
      'TENCENT_SMS_TO',
    ],
    optional: ['TENCENT_SMS_TEMPLATE_PARAMS', 'TENCENT_SMS_VARIABLE_MAX', 'TENCENT_SMS_REGION', 'TENCENT_SMS_ENDPOINT'],
    when: ['TENCENT_SMS_TEMPLATE_ID', 'TENCENT_SMS_TO', 'TENCENT_SMS_TEMPLATE_PARAMS'],
  },
  /** Not the operator's: a confirmation to the customer's own mobile, through the Aliyun or Tencent
   *  account above (its credentials and sign name), with a template of its own. */
  'sms-customer': {
    required: ['CUSTOMER_SMS_PROVIDER', 'CUSTOMER_SMS_TEMPLATE'],
    optional: ['CUSTOMER_SMS_TEMPLATE_PARAMS'],
  },
  wecom: { required: ['WECOM_WEBHOOK_URL'], optional: [] },
  dingtalk: { required: ['DINGTALK_WEBHOOK_URL', 'DINGTALK_SECRET'], optional: [] },
  feishu: { required: ['FEISHU_WEBHOOK_URL', 'FEISHU_SECRET'], optional: [] },
  webhook: { required: ['WEBHOOK_URL', 'WEBHOOK_SECRET'], optional: [] },
} as const satisfies Record<string, { required: readonly string[]; optional: readonly string[]; when?: readonly string[] }>;

export type ChannelName = keyof typeof CHANNELS;
/** The customer's confirmation: never in routes.yaml, never sent to the operator. */
export const CUSTOMER_CHANNEL = 'sms-customer' satisfies ChannelName;
/** The operator's channels, which routes.yaml may name. */
export const CHANNEL_NAMES = Object.keys(CHANNELS).filter((n) => n !== CUSTOMER_CHANNEL) as [ChannelName, ...ChannelName[]];

/** Every channel's settings, plus the one all channels share. */
export type ChannelSetting = (typeof CHANNELS)[ChannelName]['required' | 'optional'][number] | 'CHANNEL_TIMEOUT_MS';
