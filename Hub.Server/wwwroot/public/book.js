// The public booking page (docs/appointments.md): choose a service, a day and a slot, book with a
// name and a mobile number, get the code and its QR; cancel with the code; or take a number for
// today from home where the service allows it. Routes come from the page's data attributes.
"use strict";

(function () {
  const root = document.getElementById("qk-book");
  if (!root) return;
  const routes = root.dataset;
  const el = (id) => document.getElementById(id);
  let services = [];
  let days = [];
  let chosenSlot = null;

  async function request(method, url, body) {
    const response = await fetch(url, {
      method,
      headers: body ? { "Content-Type": "application/json", "Accept-Language": "vi" } : { "Accept-Language": "vi" },
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      throw new Error((data && (data.detail || data.title)) || "Đã có lỗi xảy ra. Vui lòng thử lại.");
    }
    return data;
  }

  function showError(message) {
    const box = el("qk-error");
    box.textContent = message;
    box.hidden = !message;
  }

  function option(value, text) {
    const o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    return o;
  }

  function dayText(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    const names = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
    const weekday = names[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
    return `${weekday}, ${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
  }

  function current() {
    return services.find((s) => s.id === el("qk-service").value);
  }

  function renderSlots() {
    const box = el("qk-slots");
    box.replaceChildren();
    chosenSlot = null;
    const day = days.find((d) => d.day === el("qk-day").value);
    if (!day) {
      box.textContent = "Không còn ngày nào nhận đặt lịch.";
      return;
    }
    for (const slot of day.slots) {
      const b = document.createElement("button");
      b.type = "button";
      b.dataset.testid = `slot-${slot.time}`;
      b.textContent = `${slot.time} (${slot.placesLeft})`;
      b.disabled = slot.placesLeft === 0;
      b.style.margin = "4px";
      b.addEventListener("click", () => {
        chosenSlot = slot.time;
        for (const other of box.children) other.style.fontWeight = "normal";
        b.style.fontWeight = "bold";
        b.setAttribute("aria-pressed", "true");
      });
      box.appendChild(b);
    }
  }

  async function loadService() {
    showError("");
    const service = current();
    if (!service) return;
    el("qk-remote-box").hidden = !service.remoteTicketsAllowed;
    el("qk-booking-form").hidden = !service.bookable;
    const procedures = el("qk-procedure");
    procedures.replaceChildren(option("", "(chọn sau tại quầy)"));
    for (const p of service.procedures) procedures.appendChild(option(p.id, p.name));
    days = [];
    if (service.bookable) {
      days = await request("GET", `${routes.slots}?serviceId=${encodeURIComponent(service.id)}`);
    }
    const daySelect = el("qk-day");
    daySelect.replaceChildren(...days.map((d) => option(d.day, dayText(d.day))));
    renderSlots();
  }

  async function book() {
    showError("");
    const service = current();
    if (!chosenSlot) {
      showError("Xin chọn một khung giờ.");
      return;
    }
    try {
      const cccd = el("qk-cccd").value.trim();
      const result = await request("POST", routes.bookings, {
        serviceId: service.id,
        procedureId: el("qk-procedure").value || null,
        day: el("qk-day").value,
        slot: chosenSlot,
        name: el("qk-name").value,
        phone: el("qk-phone").value,
        citizenIdNumber: cccd || null,
      });
      el("qk-code").textContent = result.code;
      el("qk-when").textContent =
        `${result.serviceName}: ${result.slot} ngày ${dayText(result.day)}. ` +
        `Xin xác nhận tại kiosk từ ${result.checkInFrom} đến ${result.checkInUntil}.`;
      el("qk-qr").src = result.qrDataUrl;
      el("qk-result").hidden = false;
      await loadService();
    } catch (error) {
      showError(error.message);
    }
  }

  async function cancel() {
    const code = el("qk-cancel-code").value.trim();
    const out = el("qk-cancel-result");
    try {
      const result = await request("POST", routes.cancel.replace("{code}", encodeURIComponent(code)));
      out.textContent = result.messageVi;
      await loadService();
    } catch (error) {
      out.textContent = error.message;
    }
  }

  async function remote() {
    const out = el("qk-remote-result");
    out.replaceChildren();
    try {
      const result = await request("POST", routes.remote, { serviceId: current().id, phone: el("qk-remote-phone").value });
      const p = document.createElement("p");
      p.className = "big";
      p.textContent = `Số của quý khách: ${result.number}`;
      const a = document.createElement("a");
      a.href = result.trackPath;
      a.dataset.testid = "remote-track-link";
      a.textContent = "Theo dõi số thứ tự";
      const note = document.createElement("p");
      note.className = "muted";
      note.textContent = "Khi được gọi, xin đến quầy ngay: số gọi hai lần mà quý khách không có mặt sẽ bị tính vắng mặt.";
      out.append(p, a, note);
    } catch (error) {
      out.textContent = error.message;
    }
  }

  async function start() {
    try {
      services = await request("GET", routes.services);
      el("qk-service").replaceChildren(...services.map((s) => option(s.id, s.name)));
      if (services.length === 0) showError("Hiện chưa có dịch vụ nào nhận đặt lịch.");
      await loadService();
    } catch (error) {
      showError(error.message);
    }
  }

  el("qk-service").addEventListener("change", loadService);
  el("qk-day").addEventListener("change", renderSlots);
  el("qk-submit").addEventListener("click", book);
  el("qk-cancel").addEventListener("click", cancel);
  el("qk-remote-open").addEventListener("click", () => {
    el("qk-remote-form").hidden = false;
  });
  el("qk-remote").addEventListener("click", remote);
  start();
})();
