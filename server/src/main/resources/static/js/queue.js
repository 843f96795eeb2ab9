/*
 * The waiting room: follows the fan's place over SSE (the page's cookie signs the stream in), or
 * polls when the stream fails, and opens the seat map once the fan is admitted. Numbers come from
 * the server only; this file formats them.
 */
(() => {
  'use strict';

  const card = document.querySelector('[data-queue]');
  if (!card) {
    return;
  }
  const number = new Intl.NumberFormat(document.documentElement.lang || 'ko');
  const fill = (template, value) => template.replace('{0}', value);
  const $ = (id) => document.getElementById(id);
  let start = Number(card.dataset.start) || 0;
  let source = null;
  let pollTimer = 0;
  let done = false;

  const stop = () => {
    done = true;
    if (source) {
      source.close();
    }
    window.clearTimeout(pollTimer);
  };

  const eta = (seconds) => {
    if (seconds === null || seconds === undefined) {
      return '—';
    }
    return seconds < 60 ? card.dataset.etaSoon : fill(card.dataset.etaMinutes, number.format(Math.ceil(seconds / 60)));
  };

  const showState = (status, reason) => {
    card.dataset.status = status;
    card.querySelectorAll('.queue-state').forEach((el) => { el.hidden = el.dataset.when !== status; });
    const shown = status === 'CLOSED' ? (reason === 'sold-out' ? 'sold-out' : 'sale-over')
      : (reason === 'admission-used' ? 'admission-used' : 'no-show');
    card.querySelectorAll(`.queue-state[data-when="${status}"] [data-reason]`).forEach((el) => {
      el.hidden = el.dataset.reason !== shown;
    });
  };

  const show = (place) => {
    if (done || !place || !place.status) {
      return;
    }
    showState(place.status, place.reason);
    if (place.status === 'ADMITTED') {
      stop();
      window.location.assign(card.dataset.enter);
      return;
    }
    if (place.status === 'EXPIRED' || (place.status === 'CLOSED' && place.reason !== 'sold-out')) {
      stop(); // final: the fan decides whether to join again
      return;
    }
    if (place.status === 'CLOSED') {
      return; // sold out for now: seats that come back (unpaid holds) reopen admission, so keep following
    }
    const position = place.position ?? null;
    $('queue-position').textContent = position === null ? '—' : number.format(position);
    $('queue-ahead').textContent = place.ahead === null || place.ahead === undefined ? '—' : fill(card.dataset.people, number.format(place.ahead));
    $('queue-eta').textContent = eta(place.etaSeconds);
    $('queue-seats').textContent = place.seatsLeft === null || place.seatsLeft === undefined ? '—' : fill(card.dataset.seats, number.format(place.seatsLeft));
    card.querySelectorAll('[data-flag]').forEach((el) => { el.hidden = !place[el.dataset.flag]; });
    if (position !== null) {
      start = Math.max(start, position);
      const percent = start > 1 ? Math.round(((start - position) / (start - 1)) * 100) : 0;
      $('queue-progress').style.width = `${percent}%`;
      $('queue-progress').parentElement.setAttribute('aria-valuenow', String(percent));
    }
  };

  const poll = () => {
    if (done) {
      return;
    }
    fetch(card.dataset.poll, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => {
        const after = Number(response.headers.get('Retry-After')) || 3;
        if (response.ok) {
          return response.json().then((place) => { show(place); return after; });
        }
        return Math.max(after, 5);
      })
      .catch(() => 5)
      .then((after) => {
        if (!done) {
          pollTimer = window.setTimeout(poll, after * 1000);
        }
      });
  };

  const listen = () => {
    if (!('EventSource' in window)) {
      poll();
      return;
    }
    source = new EventSource(card.dataset.stream, { withCredentials: true });
    source.onmessage = (event) => {
      try {
        show(JSON.parse(event.data));
      } catch (ignored) {
        // a message this page does not understand: the next one will do
      }
    };
    source.onerror = () => {
      // The stream failed (refused, server full, connection lost): poll instead, the place is kept.
      if (source) {
        source.close();
        source = null;
      }
      if (!done) {
        poll();
      }
    };
  };

  if (card.dataset.status === 'WAITING' || card.dataset.status === 'CLOSED') {
    listen();
  }
})();
