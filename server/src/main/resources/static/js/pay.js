/*
 * The sandbox payment widget: the card number goes from the browser to the payment gateway's
 * checkout (never to Ticketrush), which answers with a payment key; the page then posts only
 * that key to Ticketrush, which confirms the payment with the gateway.
 */
(() => {
  'use strict';
  const form = document.getElementById('card-form');
  const confirmForm = document.getElementById('confirm-form');
  if (!form || !confirmForm) {
    return;
  }
  const input = document.getElementById('card-number');
  const error = document.getElementById('card-error');
  const working = document.getElementById('pay-working');
  const button = document.getElementById('pay-button');

  const format = (value) => value.replace(/\D/g, '').slice(0, 16).replace(/(\d{4})(?=\d)/g, '$1-');

  input.addEventListener('input', () => {
    input.value = format(input.value);
    input.removeAttribute('aria-invalid');
    error.textContent = '';
  });

  form.querySelectorAll('.test-card').forEach((card) => card.addEventListener('click', () => {
    input.value = card.dataset.card;
    input.focus();
    error.textContent = '';
  }));

  const fail = (message) => {
    error.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    working.textContent = '';
    button.disabled = false;
    form.classList.remove('busy');
    input.focus();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (input.value.replace(/\D/g, '').length !== 16) {
      fail(form.dataset.msgFailed);
      return;
    }
    button.disabled = true;
    form.classList.add('busy');
    working.textContent = form.dataset.msgWorking;
    try {
      const response = await fetch(form.dataset.checkout, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        credentials: 'omit',
        body: JSON.stringify({ orderId: form.dataset.order, amount: Number(form.dataset.amount), cardNumber: input.value }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok || !body.paymentKey) {
        fail(body.detail ? `${form.dataset.msgFailed} (${body.detail})` : form.dataset.msgFailed);
        return;
      }
      document.getElementById('payment-key').value = body.paymentKey;
      confirmForm.submit();
    } catch (e) {
      fail(form.dataset.msgFailed);
    }
  });
})();
