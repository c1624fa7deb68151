// Admins: the site's settings, its weekly hours and the year's calendar (docs/administration-holidays.md).
"use strict";

(function () {
  const { el, t } = Qk;
  const routes = QkHub.routes;
  const $ = (id) => document.getElementById(id);
  // Monday first, as the office reads its week; values are .NET's DayOfWeek (0 = Sunday).
  const days = [
    [1, t("Thứ Hai", "Monday")],
    [2, t("Thứ Ba", "Tuesday")],
    [3, t("Thứ Tư", "Wednesday")],
    [4, t("Thứ Năm", "Thursday")],
    [5, t("Thứ Sáu", "Friday")],
    [6, t("Thứ Bảy", "Saturday")],
    [0, t("Chủ nhật", "Sunday")],
  ];
  const dayName = Object.fromEntries(days);
  const kindNames = {
    0: t("Ngày nghỉ thêm", "Extra day off"),
    1: t("Vẫn làm việc", "Still a working day"),
    2: t("Làm việc bù", "Make-up working day"),
  };
  const partNames = {
    "morning-from": t("sáng từ", "morning from"),
    "morning-to": t("sáng đến", "morning to"),
    "afternoon-from": t("chiều từ", "afternoon from"),
    "afternoon-to": t("chiều đến", "afternoon to"),
  };

  // Times are typed in 24-hour form, HH:mm: a browser's time input shows AM/PM in some locales,
  // while the office (and the hint) write 07:30 and 17:00.
  const timePattern = "([01][0-9]|2[0-3]):[0-5][0-9]";
  const timeRegex = new RegExp(`^${timePattern}$`);

  function timeInput(id, value, label) {
    return el("input", {
      id,
      type: "text",
      class: "time",
      inputMode: "numeric",
      maxLength: 5,
      pattern: timePattern,
      placeholder: "07:30",
      title: t("Giờ dạng 24 giờ, ví dụ 07:30 hoặc 17:00", "24-hour time, e.g. 07:30 or 17:00"),
      ariaLabel: label,
      value: value || "",
      "data-testid": id,
    });
  }

  /** The first time box that is not HH:mm (24 h), with a sentence naming it; null when all are. */
  function badTime() {
    for (const [day, name] of days) {
      for (const part of Object.keys(partNames)) {
        const input = $(`week-${day}-${part}`);
        const value = input.value.trim();
        if (value && !timeRegex.test(value)) {
          return {
            input,
            text: t(
              `Giờ "${value}" (${name}, ${partNames[part]}) không hợp lệ: nhập dạng 24 giờ, giờ:phút, ví dụ 07:30 hoặc 17:00.`,
              `"${value}" (${name}, ${partNames[part]}) is not a valid time: type it in 24-hour form, hours:minutes, e.g. 07:30 or 17:00.`,
            ),
          };
        }
      }
    }
    return null;
  }

  function drawWeek(week) {
    $("week-rows").replaceChildren(
      ...days.map(([day, name]) => {
        const row = week.find((d) => d.day === day) || {};
        return el(
          "tr",
          { "data-day": String(day) },
          el("td", {}, name),
          el("td", {}, timeInput(`week-${day}-morning-from`, row.morning && row.morning.from, `${name}, ${partNames["morning-from"]}`)),
          el("td", {}, timeInput(`week-${day}-morning-to`, row.morning && row.morning.to, `${name}, ${partNames["morning-to"]}`)),
          el(
            "td",
            {},
            timeInput(`week-${day}-afternoon-from`, row.afternoon && row.afternoon.from, `${name}, ${partNames["afternoon-from"]}`),
          ),
          el("td", {}, timeInput(`week-${day}-afternoon-to`, row.afternoon && row.afternoon.to, `${name}, ${partNames["afternoon-to"]}`)),
        );
      }),
    );
  }

  function session(day, part) {
    const from = $(`week-${day}-${part}-from`).value.trim();
    const to = $(`week-${day}-${part}-to`).value.trim();
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
    const bad = badTime();
    if (bad) {
      Qk.message(bad.text, true);
      bad.input.focus();
      return;
    }
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
      Qk.message(t("Đã lưu thông tin đơn vị và giờ làm việc.", "Site information and working hours saved."));
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  async function uploadLogo() {
    const file = $("logo-file").files[0];
    if (!file) {
      Qk.message(t("Chọn một tệp ảnh PNG hoặc JPEG trước.", "Choose a PNG or JPEG image file first."), true);
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
      Qk.message(problem.detail || `${t("Lỗi", "Error")} ${response.status}`, true);
      return;
    }
    drawSite(await response.json());
    Qk.message(t("Đã tải logo lên.", "Logo uploaded."));
  }

  async function removeLogo() {
    try {
      drawSite(await Qk.del(routes.AdminSiteLogo));
      Qk.message(t("Đã bỏ logo.", "Logo removed."));
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
      Qk.message(t("Đã xóa ngày đã nhập.", "Day removed."));
      await loadCalendar();
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  function removeButton(id) {
    return el(
      "button",
      { type: "button", "data-entry": id, "data-testid": `entry-remove-${id}`, onclick: () => removeEntry(id) },
      t("Xóa", "Remove"),
    );
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
            el("td", {}, d.kind === "holiday" ? t("Nghỉ", "Day off") : t("Làm bù", "Make-up day")),
            el("td", {}, t(d.nameVi, d.nameEn)),
            el("td", {}, d.source === "computed" ? t("Theo luật", "By law") : t("Đơn vị nhập", "Entered by the office")),
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
      Qk.message(`${t("Đã thêm", "Added")}: ${kindNames[kind]} ${showDate($("entry-date").value)}.`);
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
