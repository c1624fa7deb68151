// Connects a page to Counter.Display's server-sent events. EventSource reconnects by itself;
// every "state" message holds the whole view, so the first message after a reconnect is enough.
// A watchdog marks the page offline when nothing (not even the 10 s ping) arrived for 25 s.
"use strict";

window.QkLive = (function () {
  function connect(handlers) {
    let lastSeen = Date.now();
    let online = false;
    const setOnline = (value) => {
      if (online !== value) {
        online = value;
        handlers.onLink && handlers.onLink(value);
      }
    };
    const source = new EventSource("/live/events");
    source.addEventListener("open", () => { lastSeen = Date.now(); setOnline(true); });
    source.addEventListener("error", () => setOnline(false));
    source.addEventListener("message", () => { lastSeen = Date.now(); });
    source.addEventListener("state", (e) => {
      lastSeen = Date.now();
      setOnline(true);
      handlers.onState && handlers.onState(JSON.parse(e.data));
    });
    source.addEventListener("announce", (e) => {
      lastSeen = Date.now();
      handlers.onAnnounce && handlers.onAnnounce(JSON.parse(e.data));
    });
    setInterval(() => {
      if (Date.now() - lastSeen > 25000) {
        setOnline(false);
      }
    }, 5000);
    return source;
  }

  function two(n) { return String(n).padStart(2, "0"); }

  // The site's wall clock (Asia/Ho_Chi_Minh), whatever zone the display PC is set to.
  function clockText(now) {
    const parts = new Intl.DateTimeFormat("vi-VN", {
      timeZone: "Asia/Ho_Chi_Minh", weekday: "long", day: "2-digit", month: "2-digit", year: "numeric",
      hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
    }).formatToParts(now);
    const get = (t) => (parts.find((p) => p.type === t) || {}).value || "";
    return {
      time: `${get("hour")}:${get("minute")}:${get("second")}`,
      date: `${get("weekday")}, ${get("day")}/${get("month")}/${get("year")}`,
    };
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  return { connect, clockText, two, el };
})();
