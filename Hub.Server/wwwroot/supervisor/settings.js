// Admins: the site's settings, its weekly hours and the year's calendar (docs/administration-holidays.md).
"use strict";

(function () {
  const { el } = Qk;
  const routes = QkHub.routes;
  const $ = (id) => document.getElementById(id);
  // Monday first, as the office reads its week; values are .NET's DayOfWeek (0 = Sunday).
  const days = [
    [1, "Thứ Hai"],
    [2, "Thứ Ba"],
    [3, "Thứ Tư"],
    [4, "Thứ Năm"],
    [5, "Thứ Sáu"],
    [6, "Thứ Bảy"],
    [0, "Chủ nhật"],
  ];
  const dayName = Object.fromEntries(days);
  const kindNames = { 0: "Ngày nghỉ thêm", 1: "Vẫn làm việc", 2: "Làm việc bù" };

  function timeInput(id, value) {
    return el("input", { id, type: "time", value: value || "", "data-testid": id });
  }

  function drawWeek(week) {
    $("week-rows").replaceChildren(
      ...days.map(([day, name]) => {
        const row = week.find((d) => d.day === day) || {};
        return el(
          "tr",
          { "data-day": String(day) },
          el("td", {}, name),
          el("td", {}, timeInput(`week-${day}-morning-from`, row.morning && row.morning.from)),
          el("td", {}, timeInput(`week-${day}-morning-to`, row.morning && row.morning.to)),
          el("td", {}, timeInput(`week-${day}-afternoon-from`, row.afternoon && row.afternoon.from)),
          el("td", {}, timeInput(`week-${day}-afternoon-to`, row.afternoon && row.afternoon.to)),
        );
      }),
    );
  }

  function session(day, part) {
    const from = $(`week-${day}-${part}-from`).value;
    const to = $(`week-${day}-${part}-to`).value;
    return from || to ? { from, to } : null;
  }

  function drawSite(site) {
    $("site-name").value = site.name;
    $("site-address").value = site.address;
    $("site-time-zone").value = site.timeZone;
    $("site-ticket-header").value = site.ticketHeader;
    $("site-ticket-footer").value = site.ticketFooter;
    $("site-ticket-thank-you").value = site.ticketThankYou;
    $("site-kiosk-idle").value = site.kioskIdleSeconds;
    $("site-rating-timeout").value = site.ratingTimeoutSeconds;
    $("site-rating-indices").checked = site.ratingIndicesEnabled;
    drawWeek(site.week);
    $("logo-none").hidden = Boolean(site.logoUrl);
    $("logo-preview").hidden = !site.logoUrl;
    if (site.logoUrl) $("logo-preview").src = site.logoUrl + "?t=" + Date.now();
  }

  async function saveSite(event) {
    event.preventDefault();
    try {
      const site = await Qk.put(routes.AdminSite, {
        name: $("site-name").value,
        address: $("site-address").value,
        timeZone: $("site-time-zone").value,
        ticketHeader: $("site-ticket-header").value,
        ticketFooter: $("site-ticket-footer").value,
        ticketThankYou: $("site-ticket-thank-you").value,
        kioskIdleSeconds: Number($("site-kiosk-idle").value),
        ratingTimeoutSeconds: Number($("site-rating-timeout").value),
        ratingIndicesEnabled: $("site-rating-indices").checked,
        week: days.map(([day]) => ({ day, morning: session(day, "morning"), afternoon: session(day, "afternoon") })),
      });
      drawSite(site);
      Qk.message("Đã lưu thông tin đơn vị và giờ làm việc.");
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  async function uploadLogo() {
    const file = $("logo-file").files[0];
    if (!file) {
      Qk.message("Chọn một tệp ảnh PNG hoặc JPEG trước.", true);
      return;
    }
    // The body is the image itself; the server checks its first bytes and its size.
    const response = await fetch(routes.AdminSiteLogo, {
      method: "PUT",
      credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": "application/octet-stream" },
      body: file,
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      Qk.message(problem.detail || `Lỗi ${response.status}`, true);
      return;
    }
    drawSite(await response.json());
    Qk.message("Đã tải logo lên.");
  }

  async function removeLogo() {
    try {
      drawSite(await Qk.del(routes.AdminSiteLogo));
      Qk.message("Đã bỏ logo.");
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  function showDate(iso) {
    const [y, m, d] = iso.split("-");
    return `${d}/${m}/${y}`;
  }

  function weekday(iso) {
    return dayName[new Date(iso + "T00:00:00Z").getUTCDay()];
  }

  async function removeEntry(id) {
    try {
      await Qk.del(`${routes.AdminCalendarEntries}/${id}`);
      Qk.message("Đã xóa ngày đã nhập.");
      await loadCalendar();
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  function removeButton(id) {
    return el("button", { type: "button", "data-entry": id, "data-testid": `entry-remove-${id}`, onclick: () => removeEntry(id) }, "Xóa");
  }

  async function loadCalendar() {
    const year = Number($("calendar-year").value);
    try {
      const calendar = await Qk.get(`${routes.AdminCalendar}?year=${year}`);
      $("calendar-days").replaceChildren(
        ...calendar.days.map((d) =>
          el(
            "tr",
            { "data-date": d.date, "data-kind": d.kind },
            el("td", {}, showDate(d.date)),
            el("td", {}, weekday(d.date)),
            el("td", {}, d.kind === "holiday" ? "Nghỉ" : "Làm bù"),
            el("td", {}, d.nameVi),
            el("td", {}, d.source === "computed" ? "Theo luật" : "Đơn vị nhập"),
            el("td", {}, d.entryId ? removeButton(d.entryId) : ""),
          ),
        ),
      );
      $("calendar-removed").replaceChildren(
        ...calendar.entries
          .filter((e) => e.kind === 1)
          .map((e) => el("li", { "data-date": e.date }, `${showDate(e.date)} ${e.name ? "– " + e.name : ""} `, removeButton(e.id))),
      );
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  async function addEntry(event) {
    event.preventDefault();
    const kind = Number($("entry-kind").value);
    try {
      await Qk.post(routes.AdminCalendarEntries, {
        year: Number($("calendar-year").value),
        date: $("entry-date").value,
        kind,
        name: $("entry-name").value || null,
      });
      Qk.message(`Đã thêm: ${kindNames[kind]} ${showDate($("entry-date").value)}.`);
      $("entry-name").value = "";
      await loadCalendar();
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  $("site-form").addEventListener("submit", saveSite);
  $("logo-upload").addEventListener("click", uploadLogo);
  $("logo-remove").addEventListener("click", removeLogo);
  $("calendar-load").addEventListener("click", loadCalendar);
  $("entry-form").addEventListener("submit", addEntry);
  $("calendar-year").value = Qk.today().slice(0, 4);

  (async function () {
    try {
      drawSite(await Qk.get(routes.AdminSite));
    } catch (err) {
      Qk.message(err.message, true);
    }
    await loadCalendar();
  })();
})();
