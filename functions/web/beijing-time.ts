// Times as staff and customers read them: Beijing time (UTC+8, no daylight saving), 2026/11/25 09:30.
const FORMAT = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

export const beijingTime = (iso: string) => FORMAT.format(new Date(iso));
