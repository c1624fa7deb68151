// The hall page for phones: the same calls and waiting counts as the hall TV, over server-sent events.
"use strict";

(function () {
  const root = document.getElementById("qk-hall");
  if (!root || !root.dataset.events) return;

  function row(cells) {
    const tr = document.createElement("tr");
    for (const text of cells) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.appendChild(td);
    }
    return tr;
  }

  function render(hall) {
    document.getElementById("qk-site").textContent = hall.siteName || "Sảnh chờ";
    const calls = document.getElementById("qk-calls");
    calls.replaceChildren(
      ...(hall.calls.length === 0
        ? [row(["Chưa có số nào đang được gọi."])]
        : hall.calls.map((c) => row([c.number, `Quầy ${c.counterNumber}`, c.status === "Serving" ? "đang phục vụ" : "đang gọi"]))),
    );
    const waiting = document.getElementById("qk-waiting");
    waiting.replaceChildren(...hall.waiting.map((w) => row([w.serviceName, `${w.waiting} người`])));
  }

  const live = document.getElementById("qk-live");
  const events = new EventSource(root.dataset.events);
  events.onopen = () => {
    live.textContent = "Đang cập nhật trực tiếp.";
  };
  events.onmessage = (e) => render(JSON.parse(e.data));
  events.onerror = () => {
    live.textContent = "Mất kết nối, đang thử lại…";
  };
})();
