// What the hall and counter screens share besides the live feed (lib/live-feed.js): the site's
// clock and a small element builder.
"use strict";

window.QkPage = (function () {
  function two(n) {
    return String(n).padStart(2, "0");
  }

  // The site's wall clock (Asia/Ho_Chi_Minh), whatever zone the display PC is set to.
  function clockText(now) {
    const parts = new Intl.DateTimeFormat("vi-VN", {
      timeZone: "Asia/Ho_Chi_Minh",
      weekday: "long",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hour12: false,
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

  return { clockText, two, el };
})();
