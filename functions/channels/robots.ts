// Group robots of the chat tools Chinese operators use: WeCom (markdown), DingTalk (signed,
// markdown), Feishu (signed, text). Each answers 200 with its own error code, checked here.
import type { Channel } from './channel.ts';
import { postJson } from './http.ts';
import { asChatText, asMarkdown, leadMessage } from './message.ts';
import { dingtalkSign, feishuSign } from './sign.ts';

export function wecom(cfg: { url: string; timeoutMs?: number }): Channel {
  return {
    name: 'wecom',
    async send(lead, _env, delivery) {
      const res = await postJson<{ errcode?: number; errmsg?: string }>(
        cfg.url,
        { msgtype: 'markdown', markdown: { content: asMarkdown(leadMessage(lead, delivery)) } },
        cfg,
      );
      if (res.errcode !== 0) throw new Error(`wecom: errcode ${res.errcode} ${res.errmsg ?? ''}`);
    },
  };
}

export function dingtalk(cfg: { url: string; secret: string; timeoutMs?: number }): Channel {
  return {
    name: 'dingtalk',
    async send(lead, _env, delivery) {
      const timestamp = Date.now();
      const url = new URL(cfg.url);
      url.searchParams.set('timestamp', String(timestamp));
      url.searchParams.set('sign', await dingtalkSign(cfg.secret, timestamp));
      const message = leadMessage(lead, delivery);
      const res = await postJson<{ errcode?: number; errmsg?: string }>(
        url.href,
        { msgtype: 'markdown', markdown: { title: message.subject, text: asMarkdown(message) } },
        cfg,
      );
      if (res.errcode !== 0) throw new Error(`dingtalk: errcode ${res.errcode} ${res.errmsg ?? ''}`);
    },
  };
}

export function feishu(cfg: { url: string; secret: string; timeoutMs?: number }): Channel {
  return {
    name: 'feishu',
    async send(lead, _env, delivery) {
      const timestamp = Math.floor(Date.now() / 1000);
      const message = leadMessage(lead, delivery);
      const res = await postJson<{ code?: number; msg?: string; StatusCode?: number }>(
        cfg.url,
        {
          timestamp: String(timestamp),
          sign: await feishuSign(cfg.secret, timestamp),
          msg_type: 'text',
          content: { text: asChatText(message) },
        },
        cfg,
      );
      if ((res.code ?? res.StatusCode) !== 0) throw new Error(`feishu: code ${res.code ?? res.StatusCode} ${res.msg ?? ''}`);
    },
  };
}
