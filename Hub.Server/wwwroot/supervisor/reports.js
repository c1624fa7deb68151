// Reports for a date range: tables by service, procedure, counter, officer and hour, two charts
// (chart.js), Excel and CSV downloads and a print layout (supervisor.css @media print).
"use strict";

(function () {
  const { el } = Qk;
  // The page's own words in the reader's language (Qk.t; "t" names the totals below).
  const tr = Qk.t;
  // The hub labels its total row in both languages for the bilingual CSV and Excel files; the page shows one.
  const rowLabel = (r) => (r.key === "total" ? tr("Tổng cộng", "Total") : r.label);
  const fromInput = document.getElementById("from");
  const toInput = document.getElementById("to");
  const csv = document.getElementById("csv");
  const csvSemicolon = document.getElementById("csv-semicolon");
  const xlsx = document.getElementById("xlsx");
  const params = new URLSearchParams(location.search);
  fromInput.value = params.get("from") || Qk.today();
  toInput.value = params.get("to") || fromInput.value;
  const charts = {};

  document.getElementById("report-form").addEventListener("submit", (e) => {
    e.preventDefault();
    load();
  });
  document.getElementById("print").addEventListener("click", () => window.print());

  const minutes = (s) => (s === null || s === undefined ? "–" : (s / 60).toLocaleString("vi-VN", { maximumFractionDigits: 1 }));
  const percent = (x) => (x === null || x === undefined ? "–" : Math.round(x * 100) + " %");

  const latest = Qk.latestOnly();
  async function load() {
    const query = new URLSearchParams({ from: fromInput.value, to: toInput.value });
    history.replaceState(null, "", "?" + query);
    csv.href = QkHub.routes.Reports + "/csv?" + query;
    csvSemicolon.href = QkHub.routes.Reports + "/csv?" + query + "&separator=semicolon";
    xlsx.href = QkHub.routes.Reports + "/xlsx?" + query;
    try {
      const report = await latest(Qk.get(QkHub.routes.Reports + "?" + query));
      render(report);
      Qk.message("");
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  function table(title, rows, id) {
    return el(
      "section",
      { class: "report-section" },
      el("h2", {}, title),
      el(
        "table",
        { class: "grid report", id },
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            [
              tr("Mục", "Item"),
              tr("Số phát", "Issued"),
              tr("Phục vụ", "Served"),
              tr("Vắng", "No-show"),
              tr("Chuyển", "Transferred"),
              tr("Hủy", "Cancelled"),
              tr("Hết hạn", "Expired"),
              tr("Chờ TB", "Mean wait"),
              tr("Chờ trung vị", "Median wait"),
              tr("Chờ P90", "Wait P90"),
              tr("Phục vụ TB", "Mean service"),
              tr("Phục vụ trung vị", "Median service"),
              tr("Phục vụ P90", "Service P90"),
              tr("Trong mục tiêu", "Within target"),
            ].map((h) => el("th", {}, h)),
          ),
        ),
        el(
          "tbody",
          {},
          rows.map((r) =>
            el(
              "tr",
              { "data-key": r.key },
              el("td", {}, rowLabel(r)),
              el("td", { class: "num" }, r.issued),
              el("td", { class: "num" }, r.served),
              el("td", { class: "num" }, r.noShow),
              el("td", { class: "num" }, r.transferred),
              el("td", { class: "num" }, r.cancelled),
              el("td", { class: "num" }, r.expired),
              el("td", { class: "num" }, minutes(r.wait.meanSeconds)),
              el("td", { class: "num" }, minutes(r.wait.medianSeconds)),
              el("td", { class: "num" }, minutes(r.wait.p90Seconds)),
              el("td", { class: "num" }, minutes(r.service.meanSeconds)),
              el("td", { class: "num" }, minutes(r.service.medianSeconds)),
              el("td", { class: "num" }, minutes(r.service.p90Seconds)),
              el("td", { class: "num" }, percent(r.withinTargetShare)),
            ),
          ),
        ),
      ),
      el("p", { class: "small" }, tr("Thời gian tính bằng phút.", "Times in minutes.")),
    );
  }

  // Camera analytics (hardware-docs/cameras.md): presence time per counter per day, figures only.
  function presenceTable(rows) {
    return el(
      "section",
      { class: "report-section", "data-testid": "by-presence" },
      el("h2", {}, tr("Có mặt tại quầy (camera)", "Presence at counters (camera)")),
      rows.length === 0
        ? el("p", { class: "empty" }, tr("Không có số liệu camera cho những ngày này.", "No camera figures for these days."))
        : el(
            "table",
            { class: "grid report", id: "by-presence" },
            el(
              "thead",
              {},
              el(
                "tr",
                {},
                [tr("Ngày", "Date"), tr("Quầy", "Counter"), tr("Có mặt", "Present"), tr("Camera theo dõi", "Camera watching")].map((h) =>
                  el("th", {}, h),
                ),
              ),
            ),
            el(
              "tbody",
              {},
              rows.map((p) =>
                el(
                  "tr",
                  { "data-counter": p.counterNumber, "data-day": p.day },
                  el("td", {}, p.day),
                  el("td", {}, p.counterName),
                  el("td", { class: "num" }, Qk.duration(p.presentSeconds)),
                  el("td", { class: "num" }, Qk.duration(p.observedSeconds)),
                ),
              ),
            ),
          ),
    );
  }

  // Citizens' ratings (docs/ratings.md): count and share per level, "not rated", and the Circular 01
  // grade where the tablet asked the indices.
  const bandNames = {
    Full: tr("Đạt 100 %", "100 %"),
    From70To100: tr("Từ 70 % đến dưới 100 %", "From 70 % to under 100 %"),
    Under70: tr("Dưới 70 %", "Under 70 %"),
  };
  function share(row, count) {
    const rated = row.verySatisfied + row.satisfied + row.neutral + row.unhappy;
    return rated === 0 ? "–" : `${count} (${Math.round((100 * count) / rated)} %)`;
  }
  function ratingTable(title, rows, id) {
    const head = [
      tr("Mục", "Item"),
      tr("Rất hài lòng", "Very satisfied"),
      tr("Hài lòng", "Satisfied"),
      tr("Bình thường", "Neutral"),
      tr("Không hài lòng", "Unhappy"),
      tr("Không đánh giá", "Not rated"),
      tr("Điểm TT01", "TT01 score"),
      tr("Xếp loại TT01", "TT01 grade"),
    ];
    return el(
      "section",
      { class: "report-section", "data-testid": id },
      el("h2", {}, title),
      rows.length === 0
        ? el("p", { class: "empty" }, tr("Chưa có đánh giá.", "No rating yet."))
        : el(
            "table",
            { class: "grid report", id },
            el(
              "thead",
              {},
              el(
                "tr",
                {},
                head.map((h) => el("th", {}, h)),
              ),
            ),
            el(
              "tbody",
              {},
              rows.map((r) =>
                el(
                  "tr",
                  { "data-key": r.key },
                  el("td", {}, rowLabel(r)),
                  el("td", { class: "num very-satisfied" }, share(r, r.verySatisfied)),
                  el("td", { class: "num satisfied" }, share(r, r.satisfied)),
                  el("td", { class: "num neutral" }, share(r, r.neutral)),
                  el("td", { class: "num unhappy" }, share(r, r.unhappy)),
                  el("td", { class: "num not-rated" }, String(r.notRated)),
                  el("td", { class: "num points" }, r.meanPoints === null ? "–" : r.meanPoints.toFixed(2)),
                  el("td", { class: "grade" }, r.band ? `${bandNames[r.band]} (${Math.round(r.gradePercent)} %)` : "–"),
                ),
              ),
            ),
          ),
    );
  }
  function ratingSections(ratings) {
    if (!ratings) return [];
    return [
      ratingTable(tr("Đánh giá của người dân: tổng", "Citizens' ratings: total"), [ratings.total], "rating-total"),
      ratingTable(tr("Đánh giá theo cán bộ", "Ratings by officer"), ratings.byOfficer, "rating-by-officer"),
      ratingTable(tr("Đánh giá theo quầy", "Ratings by counter"), ratings.byCounter, "rating-by-counter"),
      ratingTable(tr("Đánh giá theo dịch vụ", "Ratings by service"), ratings.byService, "rating-by-service"),
      ratingTable(tr("Đánh giá theo ngày", "Ratings by day"), ratings.byDay, "rating-by-day"),
    ];
  }

  function chart(id, config) {
    if (typeof Chart === "undefined") return;
    charts[id]?.destroy();
    charts[id] = new Chart(document.getElementById(id), config);
  }

  function render(r) {
    document.getElementById("report").hidden = false;
    const period = r.from === r.to ? r.from : `${r.from} ${tr("đến", "to")} ${r.to}`;
    document.getElementById("report-title").textContent = `${tr("Báo cáo", "Report")} ${r.siteName} · ${period}`;
    const t = r.total;
    document.getElementById("report-summary").textContent = tr(
      `Số phát: ${t.issued} · Đã phục vụ: ${t.served} · Vắng mặt: ${t.noShow} · Chuyển: ${t.transferred} · ` +
        `Chờ trung bình ${minutes(t.wait.meanSeconds)} phút (trung vị ${minutes(t.wait.medianSeconds)}, P90 ${minutes(t.wait.p90Seconds)}) · ` +
        `Phục vụ trung bình ${minutes(t.service.meanSeconds)} phút · Trong mục tiêu: ${percent(t.withinTargetShare)}`,
      `Issued: ${t.issued} · Served: ${t.served} · No-show: ${t.noShow} · Transferred: ${t.transferred} · ` +
        `Mean wait ${minutes(t.wait.meanSeconds)} min (median ${minutes(t.wait.medianSeconds)}, P90 ${minutes(t.wait.p90Seconds)}) · ` +
        `Mean service ${minutes(t.service.meanSeconds)} min · Within target: ${percent(t.withinTargetShare)}`,
    );
    document
      .getElementById("report-tables")
      .replaceChildren(
        table(tr("Theo dịch vụ", "By service"), r.byService, "by-service"),
        table(tr("Theo thủ tục", "By procedure"), r.byProcedure, "by-procedure"),
        table(tr("Theo quầy", "By counter"), r.byCounter, "by-counter"),
        table(tr("Theo cán bộ", "By officer"), r.byOfficer, "by-officer"),
        table(tr("Theo giờ", "By hour"), r.byHour, "by-hour"),
        presenceTable(r.presenceByCounterDay || []),
        ...ratingSections(r.ratings),
      );
    chart("chart-hour", {
      type: "bar",
      data: {
        labels: r.byHour.map((h) => h.key + "h"),
        datasets: [{ label: tr("Số phát", "Issued"), data: r.byHour.map((h) => h.issued), backgroundColor: "#2f6fb0" }],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false },
    });
    chart("chart-wait", {
      type: "bar",
      data: {
        labels: r.byService.map((s) => s.key),
        datasets: [
          { label: tr("Chờ TB", "Mean wait"), data: r.byService.map((s) => (s.wait.meanSeconds ?? 0) / 60), backgroundColor: "#2f6fb0" },
          { label: tr("Chờ P90", "Wait P90"), data: r.byService.map((s) => (s.wait.p90Seconds ?? 0) / 60), backgroundColor: "#d08a1e" },
        ],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false },
    });
  }

  load();
})();
