// src/lib/inbox/device.ts: the device of a session or passkey, as the inbox names it.
import { describe, expect, it } from 'vitest';
import { deviceName } from '../../src/lib/inbox/device.ts';

describe('deviceName', () => {
  it('names the phone, its system and its browser, not the raw User-Agent', () => {
    expect(
      deviceName(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('iPhone · iOS 17.5 · Safari');
    expect(
      deviceName(
        'Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5023 MMWEBSDK/20230405 MMWEBID/2585 MicroMessenger/8.0.35.2360(0x2800235B) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
      ),
    ).toBe('手机 · Android 13 · 微信');
    expect(
      deviceName(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
      ),
    ).toBe('电脑 · Windows 10 · Edge');
  });

  it('says 未知设备 without one, and keeps an unknown one short', () => {
    expect(deviceName(null)).toBe('未知设备');
    expect(deviceName('curl/8.0')).toBe('curl/8.0');
    expect(deviceName('x'.repeat(200))).toHaveLength(60);
  });
});
