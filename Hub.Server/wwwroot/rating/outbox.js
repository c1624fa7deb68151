// The rating tablet's outbox (docs/ratings.md): every rating is first written to the tablet's
// storage, then sent; what cannot reach the hub (network down, hub restarting) stays and is sent
// again when the network is back, so a rating reaches the hub once even after an outage. The hub
// takes one rating per ticket: "already rated" means an earlier try got through, and the entry goes.
"use strict";

window.QkRatingOutbox = (function () {
  const storageKey = "qk-rating-outbox";
  let sending = false;

  function load() {
    try {
      return JSON.parse(localStorage.getItem(storageKey) || "[]");
    } catch {
      return [];
    }
  }

  function save(items) {
    localStorage.setItem(storageKey, JSON.stringify(items));
  }

  // One entry per ticket: a second rating of the same ticket on this tablet is never queued.
  function add(ticketId, body) {
    const items = load();
    if (items.some((x) => x.ticketId === ticketId)) return false;
    items.push({ ticketId, body });
    save(items);
    return true;
  }

  // Delivered, or refused for good (a 4xx: the hub will never take it), the entry is done;
  // a network failure or a 5xx keeps it for the next try.
  async function flush(deviceKey, onChange) {
    if (sending) return;
    sending = true;
    try {
      for (const item of load()) {
        let response;
        try {
          response = await fetch(QkHub.path(QkHub.routes.TicketRating, { ticketId: item.ticketId }), {
            method: "POST",
            headers: { "Content-Type": "application/json", "Accept-Language": "vi", [QkHub.routes.DeviceKeyHeader]: deviceKey },
            body: JSON.stringify(item.body),
          });
        } catch {
          break;
        }
        if (response.status >= 500 || response.status === 429) break;
        save(load().filter((x) => x.ticketId !== item.ticketId));
      }
    } finally {
      sending = false;
      if (onChange) onChange(load().length);
    }
  }

  return { add, flush, pending: () => load().length };
})();
