// Passkeys in the browser (@simplewebauthn/browser), for the sign-in and account pages: the buttons
// appear only where the browser can use passkeys; without JavaScript the password form is there.
// Talks JSON to functions/staff/webauthn.ts.
import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { inboxPage } from '../contract/sign-in-return.ts';

const post = async (path: string, body?: unknown) => {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error ?? `HTTP ${res.status}`);
  return data;
};

/** The server's messages are Chinese already; the browser's (English) get ours. */
function say(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError') return '已取消。可以再试一次，或用密码登录。';
  if (name === 'InvalidStateError') return '这台设备上已经有这个账号的通行密钥。';
  if (name.endsWith('Error') && name !== 'Error') return '这台设备不能使用通行密钥，请用密码登录。';
  return err instanceof Error ? err.message : String(err);
}

/** The button's own status line shows what went wrong, in the page's words. */
function wire(button: HTMLButtonElement, run: () => Promise<void>) {
  const status = document.getElementById(button.getAttribute('aria-describedby') ?? '');
  button.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    if (status) status.textContent = '';
    try {
      await run();
    } catch (err) {
      if (status) status.textContent = say(err);
    } finally {
      button.disabled = false;
    }
  });
}

if (browserSupportsWebAuthn()) {
  const signIn = document.querySelector<HTMLButtonElement>('#passkey-sign-in');
  if (signIn && !signIn.dataset.off) {
    wire(signIn, async () => {
      const optionsJSON = await post('/admin/passkeys/sign-in/options');
      await post('/admin/passkeys/sign-in', { response: await startAuthentication({ optionsJSON }) });
      location.assign(inboxPage(new URLSearchParams(location.search).get('next')) ?? '/admin/');
    });
  }
  const add = document.querySelector<HTMLButtonElement>('#passkey-add');
  if (add) {
    wire(add, async () => {
      const optionsJSON = await post('/admin/passkeys/register/options');
      await post('/admin/passkeys/register', { response: await startRegistration({ optionsJSON }) });
      location.reload();
    });
  }
}
