/* Ticketrush pages: CSRF header for htmx, confirmations, countdowns (sale opening, hold timer). */
(() => {
  'use strict';

  const csrf = document.querySelector('meta[name="csrf-token"]');
  document.addEventListener('htmx:configRequest', (event) => {
    if (csrf) {
      event.detail.headers['X-XSRF-TOKEN'] = csrf.content;
    }
  });

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // A page whose only purpose is a POST (joining the waiting room) sends it by itself: GET never changes state.
  document.querySelectorAll('form[data-auto-submit]').forEach((form) => form.requestSubmit());

  const pad = (n) => String(n).padStart(2, '0');

  const clock = (ms) => {
    const s = Math.ceil(ms / 1000);
    return `${Math.floor(s / 60)}:${pad(s % 60)}`;
  };

  const opening = (ms) => {
    const s = Math.ceil(ms / 1000);
    const days = Math.floor(s / 86400);
    const hms = `${pad(Math.floor((s % 86400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
    return days > 0 ? `D-${days} ${hms}` : hms;
  };

  const expire = () => {
    document.querySelectorAll('[data-show-when-expired]').forEach((el) => { el.hidden = false; });
    document.querySelectorAll('[data-needs-time]').forEach((el) => { el.disabled = true; });
  };

  document.querySelectorAll('[data-countdown-to]').forEach((el) => {
    const end = Date.parse(el.dataset.countdownTo);
    const skew = el.dataset.now ? Date.parse(el.dataset.now) - Date.now() : 0;
    const isOpening = el.dataset.countdownStyle === 'opening';
    const timer = el.closest('.hold-timer');
    let id = 0;
    const tick = () => {
      const left = Math.max(0, end - (Date.now() + skew));
      el.textContent = isOpening ? opening(left) : clock(left);
      if (timer) {
        timer.classList.toggle('urgent', left < 60000);
      }
      if (left <= 0) {
        window.clearInterval(id);
        if (isOpening && el.dataset.reloadAtZero) {
          window.setTimeout(() => window.location.reload(), 800);
        } else if (!isOpening) {
          timer?.classList.add('expired');
          expire();
        }
      }
    };
    tick();
    id = window.setInterval(tick, 250);
  });
})();
