// Supervisors: one service's booking settings (days, slots, places, check-in window, remote tickets,
// serving rule), docs/appointments.md. Routes from /hub-contract.js.
"use strict";

(async function () {
  const { el } = Qk;
  const routes = QkHub.routes;
  const $ = (id) => document.getElementById(id);
  const dayNames = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

  $("booking-days").replaceChildren(
    ...dayNames.map((name, day) =>
      el("label", {}, el("input", { type: "checkbox", value: String(day), "data-testid": `booking-day-${day}` }), " " + name),
    ),
  );

  function settingsUrl() {
    return QkHub.path(routes.AdminServiceBooking, { serviceId: $("booking-service").value });
  }

  function show(s) {
    $("booking-enabled").checked = s.enabled;
    for (const box of $("booking-days").querySelectorAll("input")) box.checked = s.days.includes(Number(box.value));
    $("booking-slots").value = s.slotTimes.join(",");
    $("booking-slot-minutes").value = s.slotMinutes;
    $("booking-places").value = s.placesPerSlot;
    $("booking-before").value = s.checkInBeforeMinutes;
    $("booking-after").value = s.checkInAfterMinutes;
    $("booking-days-ahead").value = s.daysAhead;
    $("booking-rule").value = s.servingRule;
    $("booking-remote").checked = s.remoteTicketsAllowed;
    $("booking-remote-limit").value = s.remoteDailyLimitPerPhone;
  }

  async function load() {
    try {
      show(await Qk.call("GET", settingsUrl()));
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  async function save(event) {
    event.preventDefault();
    const number = (id) => Number($(id).value);
    const body = {
      serviceId: $("booking-service").value,
      enabled: $("booking-enabled").checked,
      days: [...$("booking-days").querySelectorAll("input:checked")].map((b) => Number(b.value)),
      slotTimes: $("booking-slots")
        .value.split(",")
        .map((t) => t.trim())
        .filter((t) => t),
      slotMinutes: number("booking-slot-minutes"),
      placesPerSlot: number("booking-places"),
      checkInBeforeMinutes: number("booking-before"),
      checkInAfterMinutes: number("booking-after"),
      daysAhead: number("booking-days-ahead"),
      remoteTicketsAllowed: $("booking-remote").checked,
      remoteDailyLimitPerPhone: number("booking-remote-limit"),
      servingRule: $("booking-rule").value,
    };
    try {
      show(await Qk.call("PUT", settingsUrl(), body));
      Qk.message("Đã lưu lịch hẹn của dịch vụ.");
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  try {
    const services = await Qk.call("GET", routes.AdminServices);
    $("booking-service").replaceChildren(
      ...services.filter((s) => s.active).map((s) => el("option", { value: s.id }, `${s.code} – ${s.name}`)),
    );
    $("booking-service").addEventListener("change", load);
    $("booking-form").addEventListener("submit", save);
    if (services.length > 0) await load();
  } catch (err) {
    Qk.message(err.message, true);
  }
})();
