/*
 * The seat map: tap/click or keyboard (arrows to move, Space/Enter to pick) up to the per-person
 * limit; the picked seats go into the hold form. Seat states are refreshed from the public seat
 * map API every few seconds, so seats others take grey out while the fan looks.
 */
(() => {
  'use strict';
  const svg = document.getElementById('seatmap');
  const form = document.getElementById('pick');
  if (!svg || !form) {
    return;
  }
  const limit = Number(form.dataset.limit);
  const open = svg.dataset.open === 'true';
  const english = form.dataset.locale === 'en';
  const money = (won) => (english ? `₩${won.toLocaleString('en-US')}` : `${won.toLocaleString('ko-KR')}원`);
  const seats = Array.from(svg.querySelectorAll('.seat'));
  const byId = new Map(seats.map((s) => [s.dataset.seat, s]));
  const chosen = new Map();
  const list = document.getElementById('pick-list');
  const emptyItem = list.querySelector('[data-empty]');
  const inputs = document.getElementById('pick-inputs');
  const count = document.getElementById('pick-count');
  const total = document.getElementById('pick-total');
  const button = document.getElementById('hold-button');
  const status = document.getElementById('pick-status');

  const say = (text) => {
    status.textContent = '';
    window.setTimeout(() => { status.textContent = text; }, 30);
  };
  const taken = (seat) => seat.getAttribute('aria-disabled') === 'true';

  let focused = seats.find((s) => !taken(s)) || seats[0];
  if (focused) {
    focused.tabIndex = 0;
  }

  const render = () => {
    list.querySelectorAll('li:not([data-empty])').forEach((li) => li.remove());
    inputs.replaceChildren();
    let sum = 0;
    chosen.forEach((seat, id) => {
      sum += Number(seat.dataset.price);
      const li = document.createElement('li');
      li.className = `pick t${seat.dataset.tone}`;
      const label = document.createElement('span');
      label.textContent = seat.getAttribute('aria-label');
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'icon-button small';
      remove.textContent = '×';
      remove.setAttribute('aria-label', `${seat.getAttribute('aria-label')} ✕`);
      remove.addEventListener('click', () => toggle(seat));
      li.append(label, remove);
      list.append(li);
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'seatIds';
      input.value = id;
      inputs.append(input);
    });
    emptyItem.hidden = chosen.size > 0;
    count.textContent = String(chosen.size);
    total.textContent = money(sum);
    button.disabled = chosen.size === 0 || !open;
  };

  const toggle = (seat) => {
    if (!open || taken(seat)) {
      return;
    }
    const id = seat.dataset.seat;
    if (chosen.has(id)) {
      chosen.delete(id);
      seat.setAttribute('aria-checked', 'false');
      seat.classList.remove('chosen');
    } else {
      if (chosen.size >= limit) {
        say(form.dataset.msgLimit);
        form.classList.remove('shake');
        void form.offsetWidth;
        form.classList.add('shake');
        return;
      }
      chosen.set(id, seat);
      seat.setAttribute('aria-checked', 'true');
      seat.classList.add('chosen');
    }
    say(`${seat.getAttribute('aria-label')} · ${chosen.size}/${limit}`);
    render();
  };

  const moveTo = (seat) => {
    if (!seat) {
      return;
    }
    focused.tabIndex = -1;
    focused = seat;
    seat.tabIndex = 0;
    seat.focus();
  };

  const pos = (seat) => ({ x: Number(seat.getAttribute('x')), y: Number(seat.getAttribute('y')) });

  /** The nearest seat in the row above (dir -1) or below (dir 1). */
  const vertical = (from, dir) => {
    const p = pos(from);
    let best = null;
    let bestDy = Infinity;
    let bestDx = Infinity;
    for (const seat of seats) {
      const q = pos(seat);
      const dy = (q.y - p.y) * dir;
      if (dy <= 0) {
        continue;
      }
      const dx = Math.abs(q.x - p.x);
      if (dy < bestDy || (dy === bestDy && dx < bestDx)) {
        best = seat;
        bestDy = dy;
        bestDx = dx;
      }
    }
    return best;
  };

  svg.addEventListener('click', (event) => {
    const seat = event.target.closest('.seat');
    if (seat) {
      moveTo(seat);
      toggle(seat);
    }
  });

  svg.addEventListener('keydown', (event) => {
    const seat = event.target.closest('.seat');
    if (!seat) {
      return;
    }
    const index = seats.indexOf(seat);
    switch (event.key) {
      case 'ArrowRight': moveTo(seats[index + 1]); break;
      case 'ArrowLeft': moveTo(seats[index - 1]); break;
      case 'ArrowDown': moveTo(vertical(seat, 1)); break;
      case 'ArrowUp': moveTo(vertical(seat, -1)); break;
      case 'Home': moveTo(seats[0]); break;
      case 'End': moveTo(seats[seats.length - 1]); break;
      case ' ':
      case 'Enter': toggle(seat); break;
      default: return;
    }
    event.preventDefault();
  });

  let zoom = 1;
  document.querySelectorAll('[data-zoom]').forEach((b) => b.addEventListener('click', () => {
    const box = svg.parentElement;
    const cx = (box.scrollLeft + box.clientWidth / 2) / box.scrollWidth;
    const cy = (box.scrollTop + box.clientHeight / 2) / box.scrollHeight;
    zoom = b.dataset.zoom === 'in' ? Math.min(4, zoom * 1.5) : Math.max(1, zoom / 1.5);
    svg.style.width = `${Math.round(zoom * 100)}%`;
    svg.style.maxWidth = zoom > 1 ? 'none' : '';
    box.style.maxHeight = zoom > 1 ? '70vh' : '';
    box.scrollLeft = cx * box.scrollWidth - box.clientWidth / 2;
    box.scrollTop = cy * box.scrollHeight - box.clientHeight / 2;
  }));

  form.addEventListener('submit', () => {
    window.setTimeout(() => { button.disabled = true; }, 0);
  });

  // Live seat states.
  const source = `/api/v1/performances/${svg.dataset.performance}/seats`;
  let etag = null;
  const refresh = async () => {
    if (document.hidden) {
      return;
    }
    try {
      const response = await fetch(source, { cache: 'no-cache', credentials: 'omit' });
      if (!response.ok) {
        return;
      }
      const tag = response.headers.get('ETag');
      if (tag && tag === etag) {
        return;
      }
      etag = tag;
      const map = await response.json();
      const left = {};
      let lost = false;
      for (const s of map.seats) {
        const seat = byId.get(s.seatId);
        if (!seat) {
          continue;
        }
        const free = s.status === 'AVAILABLE';
        left[s.gradeCode] = (left[s.gradeCode] || 0) + (free ? 1 : 0);
        if (free === !taken(seat)) {
          continue;
        }
        seat.setAttribute('aria-disabled', String(!free));
        seat.classList.toggle('taken', !free);
        seat.classList.toggle(`t${seat.dataset.tone}`, free);
        if (!free && chosen.has(s.seatId)) {
          chosen.delete(s.seatId);
          seat.classList.remove('chosen');
          seat.setAttribute('aria-checked', 'false');
          lost = true;
        }
      }
      document.querySelectorAll('[data-grade-left]').forEach((el) => {
        if (el.dataset.gradeLeft in left) {
          el.textContent = el.dataset.format.replace('{0}', left[el.dataset.gradeLeft].toLocaleString('ko-KR'));
        }
      });
      if (lost) {
        say(form.dataset.msgGone);
        render();
      }
    } catch (e) {
      // offline for a moment: the next round tries again
    }
  };
  window.setInterval(refresh, 4000);
  render();
})();
