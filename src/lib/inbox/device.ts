// What device a session or a passkey was made on, as staff recognize it (iPhone · iOS 17.5 · Safari),
// from the browser's User-Agent (bowser reads it): not the raw string, which tells staff nothing.
import Bowser from 'bowser';

const KINDS: Record<string, string> = { mobile: '手机', tablet: '平板', desktop: '电脑', tv: '电视' };
const BROWSERS: Record<string, string> = { WeChat: '微信', 'Microsoft Edge': 'Edge' };

export function deviceName(userAgent: string | null): string {
  if (!userAgent) return '未知设备';
  const { browser, os, platform } = Bowser.parse(userAgent);
  if (!browser.name && !os.name) return userAgent.slice(0, 60);
  const kind = KINDS[platform.type ?? ''] ?? '';
  const device = platform.model ?? (platform.vendor ? `${platform.vendor} ${kind}`.trim() : kind);
  return [device, [os.name, os.versionName ?? os.version].filter(Boolean).join(' '), BROWSERS[browser.name ?? ''] ?? browser.name]
    .filter(Boolean)
    .join(' · ');
}
