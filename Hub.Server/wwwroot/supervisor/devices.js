// Admins: kiosk, display and rating tablet keys (a rating tablet is bound to one counter) (create with the key and QR shown once, rotate, revoke). API: Administration/Devices/DevicesApi.cs.
"use strict";

(function () {
  const { el, dateTime } = Qk;
  const routes = QkHub.routes;
  const kindNames = { Kiosk: "Kiosk lấy số", Display: "Máy hiển thị", RatingTablet: "Máy đánh giá" };
  const kind = document.getElementById("device-kind");
  const counter = document.getElementById("device-counter");
  let counterNames = {};
  const form = document.getElementById("device-form");
  const error = document.getElementById("device-error");
  const once = document.getElementById("device-once");

  // The key exists only in this answer: shown here once, never fetched again.
  function showOnce(created) {
    document.getElementById("device-once-name").textContent = created.name;
    document.getElementById("device-key").textContent = created.key;
    document.getElementById("device-pairing").textContent = created.pairing;
    document.getElementById("device-qr").src = created.pairingQrPng;
    once.hidden = false;
    once.scrollIntoView();
  }

  function hideOnce() {
    document.getElementById("device-key").textContent = "";
    document.getElementById("device-pairing").textContent = "";
    document.getElementById("device-qr").removeAttribute("src");
    once.hidden = true;
  }

  async function rotate(d) {
    if (!confirm(`Đổi khóa của ${d.name}? Khóa cũ ngừng hoạt động ngay; máy phải được cấu hình khóa mới.`)) return;
    try {
      showOnce(await Qk.post(QkHub.path(routes.AdminDeviceRotateKey, { deviceId: d.id }), {}));
      await load();
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  async function revoke(d) {
    if (!confirm(`Thu hồi khóa của ${d.name}? Máy ngừng kết nối được ngay.`)) return;
    try {
      await Qk.post(QkHub.path(routes.AdminDeviceRevoke, { deviceId: d.id }), {});
      Qk.message(`Đã thu hồi khóa của ${d.name}.`);
      await load();
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  function row(d) {
    return el(
      "tr",
      { "data-testid": `device-row-${d.name}`, class: d.active ? "" : "retired" },
      el("td", {}, kindNames[d.kind] || d.kind),
      el("td", {}, d.counterId ? `${d.name} (${counterNames[d.counterId] || "quầy ?"})` : d.name),
      el("td", {}, d.lastSeenAt ? dateTime(d.lastSeenAt) : "Chưa liên lạc"),
      el("td", {}, d.status || ""),
      el("td", {}, d.active ? "Đang dùng" : "Đã thu hồi"),
      el(
        "td",
        { class: "row-actions" },
        d.active ? el("button", { type: "button", class: "rotate", onclick: () => rotate(d) }, "Đổi khóa") : null,
        d.active ? el("button", { type: "button", class: "revoke", onclick: () => revoke(d) }, "Thu hồi") : null,
      ),
    );
  }

  // Only a rating tablet faces a counter: the choice shows for it alone.
  function showCounter() {
    document.getElementById("device-counter-label").hidden = kind.value !== "RatingTablet";
  }

  async function loadCounters() {
    const counters = await Qk.get(routes.AdminCounters);
    counterNames = Object.fromEntries(counters.map((c) => [c.id, `Quầy ${c.number}`]));
    counter.replaceChildren(...counters.map((c) => el("option", { value: c.id }, `Quầy ${c.number} - ${c.name}`)));
  }

  async function load() {
    const devices = await Qk.get(routes.AdminDevices);
    document.getElementById("device-rows").replaceChildren(...devices.map(row));
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.hidden = true;
    try {
      const created = await Qk.post(routes.AdminDevices, {
        kind: document.getElementById("device-kind").value,
        name: document.getElementById("device-name").value.trim(),
        counterId: kind.value === "RatingTablet" ? counter.value || null : null,
      });
      form.reset();
      showCounter();
      showOnce(created);
      await load();
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    }
  });

  document.getElementById("device-once-close").addEventListener("click", hideOnce);

  kind.addEventListener("change", showCounter);
  loadCounters()
    .then(load)
    .catch((err) => Qk.message(err.message, true));
})();
