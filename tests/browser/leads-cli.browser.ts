// `npm run leads` against wrangler dev (the same runtime as `npm start`).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { baseUrl, query } from './browser.ts';

const token = inject('adminToken');
async function leads(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['scripts/leads.ts', ...args, '--url', baseUrl], {
      env: { ...process.env, ADMIN_TOKEN: token },
    });
    return { code: 0, stdout, stderr };
  } catch (err: any) {
    return { code: err.code as number, stdout: err.stdout as string, stderr: err.stderr as string };
  }
}

describe('npm run leads', () => {
  it('lists, shows, exports and retries against the running site', async () => {
    const res = await fetch(`${baseUrl}/api/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '冯先生',
        phone: '13600001234',
        region: '433101',
        description: '命令行测试',
        consent: true,
        abroad: true,
      }),
    });
    const { id, reference } = (await res.json()) as { id: string; reference: string };

    const list = await leads('list');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`${reference} .* 冯先生  \\+8613600001234  湖南省 湘西土家族苗族自治州 吉首市`));

    const show = JSON.parse((await leads('show', id)).stdout);
    expect(show.lead.reference).toBe(reference);
    // By the reference too, as the list prints it and the customer says it on the phone.
    expect(JSON.parse((await leads('show', reference)).stdout).lead.id).toBe(id);
    const delivery = show.deliveries[0].id as string;

    const csv = await leads('export', '--csv');
    expect(csv.stdout.charCodeAt(0)).toBe(0xfeff);
    expect(csv.stdout).toContain(reference);

    await expect
      .poll(() => query<{ status: string }>('SELECT status FROM deliveries WHERE id = ?', delivery)[0]?.status, {
        timeout: 10_000,
      })
      .toBe('sent');
    const refused = await leads('retry', delivery);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('409 Conflict: Already delivered.');

    // The local defaults: the outbox alone, which works, and tells no one.
    const channels = await leads('channels');
    expect([channels.code, channels.stdout.trim().split('\n')]).toEqual([
      0,
      [
        'outbox         ok',
        'only outbox: leads are stored and shown in the inbox, but no one is notified; set up a channel (README, Notifications)',
      ],
    ]);
  });

  it('explains a wrong token and an unreachable URL in English', async () => {
    const wrong = await leads('list', '--token', 'nope');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('401 Unauthorized: Wrong admin token.');
    const { stderr } = await promisify(execFile)('node', [
      'scripts/leads.ts',
      'list',
      '--url',
      'http://127.0.0.1:9',
      '--token',
      'x',
    ]).catch((e) => e);
    expect(stderr).toContain('cannot reach http://127.0.0.1:9');
  });

  it('adds a staff user and prints a setup link that signs them in once', async () => {
    const added = await leads('users', 'add', '邓师傅', '--owner');
    expect(added.code).toBe(0);
    const link = /https?:\/\/\S+\/admin\/setup\/\?code=[\w-]{43}/.exec(added.stdout)?.[0];
    expect(link, added.stdout).toBeDefined();
    const code = new URL(link!).searchParams.get('code')!;
    const setup = await fetch(`${baseUrl}/admin/setup`, {
      method: 'POST',
      headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code, password: 'a long local password' }).toString(),
    });
    expect(await setup.json()).toEqual({ ok: true, staff: { name: '邓师傅', role: 'owner' } });
    expect(query('SELECT role FROM staff WHERE name = ?', '邓师傅')).toEqual([{ role: 'owner' }]);
    expect((await leads('users', 'add', '邓师傅')).stderr).toMatch(/409 .*exists already/);
  });
});
