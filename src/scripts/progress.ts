// The progress page with JavaScript: the look-up and the cancel answer in place (the same JSON the
// Worker turns into the page without JavaScript, functions/progress/endpoint.ts).
interface Answer {
  ok: boolean;
  progress?: { reference: string; lines: string[]; cancellable: boolean };
  errors?: Record<string, string>;
}

const FALLBACK = '网络异常，请稍后重试，或直接拨打服务电话。';

export function enhanceProgress() {
  const form = document.querySelector<HTMLFormElement>('form[data-progress-form]');
  const cancel = document.querySelector<HTMLFormElement>('form[data-progress-cancel]');
  const lines = document.querySelector<HTMLElement>('[data-progress-lines]');
  if (!form || !cancel || !lines) return;

  /** `tail`: the one sent with the question answered (the field may have changed since). */
  const show = (answer: Answer, tail = '') => {
    // The look-up's own messages: the page's repair form has fields of the same kind.
    for (const el of form.querySelectorAll<HTMLElement>('[data-error-for]')) {
      const message = answer.errors?.[el.dataset.errorFor!];
      el.textContent = message ?? '';
      el.hidden = !message;
    }
    lines.hidden = !answer.progress;
    lines.textContent = answer.progress?.lines.join(' ') ?? '';
    cancel.hidden = !answer.progress?.cancellable;
    if (answer.progress) {
      cancel.querySelector<HTMLInputElement>('input[name=reference]')!.value = answer.progress.reference;
      cancel.querySelector<HTMLInputElement>('input[name=tail]')!.value = tail;
    }
  };

  const send = async (target: HTMLFormElement) => {
    const button = target.querySelector('button')!;
    button.disabled = true;
    const sent = Object.fromEntries(new FormData(target)) as Record<string, string>;
    try {
      const res = await fetch(target.action, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(sent),
      });
      show((await res.json().catch(() => null)) ?? { ok: false, errors: { form: FALLBACK } }, sent.tail);
    } catch {
      show({ ok: false, errors: { form: FALLBACK } });
    } finally {
      button.disabled = false;
    }
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void send(form);
  });
  cancel.addEventListener('submit', (e) => {
    e.preventDefault();
    void send(cancel);
  });
}
