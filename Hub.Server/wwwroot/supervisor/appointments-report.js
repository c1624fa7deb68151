// Supervisors: the appointments report (docs/appointments.md) for the days chosen in the report form.
"use strict";

(function () {
  const { el } = Qk;
  const routes = QkHub.routes;
  const $ = (id) => document.getElementById(id);

  function query(extra) {
    const from = $("from").value || Qk.today();
    const to = $("to").value || from;
    return `${routes.AppointmentReport}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${extra}`;
  }

  function percent(rate) {
    return rate === null || rate === undefined ? "–" : `${(rate * 100).toFixed(1)}%`;
  }

  function minutes(value) {
    return value === null || value === undefined ? "–" : `${value.toFixed(1)} phút`;
  }

  async function show() {
    try {
      const report = await Qk.call("GET", query(""));
      $("appointments-summary").textContent =
        `Lượt đặt: ${report.bookings}; đã xác nhận: ${report.checkedIn} (${percent(report.checkInRate)}); ` +
        `vắng mặt: ${report.noShows} (${percent(report.noShowRate)}); đã hủy: ${report.cancelled}. ` +
        `Chờ trung bình: số theo lịch hẹn ${minutes(report.appointmentAverageWaitMinutes)}, ` +
        `số thông thường ${minutes(report.walkInAverageWaitMinutes)}. ` +
        `Lấy số từ xa: ${report.remoteTickets}, vắng mặt ${report.remoteNoShows}.`;
      $("appointments-rows").replaceChildren(
        ...report.slots.map((r) =>
          el(
            "tr",
            {},
            el("td", {}, r.day),
            el("td", {}, r.slot),
            el("td", {}, r.serviceCode),
            el("td", {}, r.booked),
            el("td", {}, r.checkedIn),
            el("td", {}, r.late),
            el("td", {}, r.noShow),
            el("td", {}, r.cancelled),
          ),
        ),
      );
      $("appointments-table").hidden = report.slots.length === 0;
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  $("appointments-show").addEventListener("click", show);
  $("appointments-csv").addEventListener("click", (event) => {
    event.preventDefault();
    location.href = query("&format=csv");
  });
})();
