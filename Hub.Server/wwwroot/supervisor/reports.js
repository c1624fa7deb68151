// Reports for a date range: tables by service, procedure, counter, officer and hour, two charts
// (chart.js), Excel and CSV downloads and a print layout (supervisor.css @media print).
"use strict";

(function () {
  const { el } = Qk;
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

  async function load() {
    const query = new URLSearchParams({ from: fromInput.value, to: toInput.value });
    history.replaceState(null, "", "?" + query);
    csv.href = QkHub.routes.Reports + "/csv?" + query;
    csvSemicolon.href = QkHub.routes.Reports + "/csv?" + query + "&separator=semicolon";
    xlsx.href = QkHub.routes.Reports + "/xlsx?" + query;
    try {
      const report = await Qk.get(QkHub.routes.Reports + "?" + query);
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
              "Mục",
              "Số phát",
              "Phục vụ",
              "Vắng",
              "Chuyển",
              "Hủy",
              "Hết hạn",
              "Chờ TB",
              "Chờ trung vị",
              "Chờ P90",
              "Phục vụ TB",
              "Phục vụ trung vị",
              "Phục vụ P90",
              "Trong mục tiêu",
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
              el("td", {}, r.label),
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
      el("p", { class: "small" }, "Thời gian tính bằng phút."),
    );
  }

  // Camera analytics (hardware-docs/cameras.md): presence time per counter per day, figures only.
  function presenceTable(rows) {
    return el(
      "section",
      { class: "report-section", "data-testid": "by-presence" },
      el("h2", {}, "Có mặt tại quầy (camera)"),
      rows.length === 0
        ? el("p", { class: "empty" }, "Không có số liệu camera cho những ngày này.")
        : el(
            "table",
            { class: "grid report", id: "by-presence" },
            el(
              "thead",
              {},
              el(
                "tr",
                {},
                ["Ngày", "Quầy", "Có mặt", "Camera theo dõi"].map((h) => el("th", {}, h)),
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
  const bandNames = { Full: "Đạt 100 %", From70To100: "Từ 70 % đến dưới 100 %", Under70: "Dưới 70 %" };
  function share(row, count) {
    const rated = row.verySatisfied + row.satisfied + row.neutral + row.unhappy;
    return rated === 0 ? "–" : `${count} (${Math.round((100 * count) / rated)} %)`;
  }
  function ratingTable(title, rows, id) {
    const head = ["Mục", "Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Không đánh giá", "Điểm TT01", "Xếp loại TT01"];
    return el(
      "section",
      { class: "report-section", "data-testid": id },
      el("h2", {}, title),
      rows.length === 0
        ? el("p", { class: "empty" }, "Chưa có đánh giá.")
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
                  el("td", {}, r.label),
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
      ratingTable("Đánh giá của người dân: tổng", [ratings.total], "rating-total"),
      ratingTable("Đánh giá theo cán bộ", ratings.byOfficer, "rating-by-officer"),
      ratingTable("Đánh giá theo quầy", ratings.byCounter, "rating-by-counter"),
      ratingTable("Đánh giá theo dịch vụ", ratings.byService, "rating-by-service"),
      ratingTable("Đánh giá theo ngày", ratings.byDay, "rating-by-day"),
    ];
  }

  function chart(id, config) {
    if (typeof Chart === "undefined") return;
    charts[id]?.destroy();
    charts[id] = new Chart(document.getElementById(id), config);
  }

  function render(r) {
    document.getElementById("report").hidden = false;
    document.getElementById("report-title").textContent = `Báo cáo ${r.siteName} · ${r.from === r.to ? r.from : r.from + " đến " + r.to}`;
    const t = r.total;
    document.getElementById("report-summary").textContent =
      `Số phát: ${t.issued} · Đã phục vụ: ${t.served} · Vắng mặt: ${t.noShow} · Chuyển: ${t.transferred} · ` +
      `Chờ trung bình ${minutes(t.wait.meanSeconds)} phút (trung vị ${minutes(t.wait.medianSeconds)}, P90 ${minutes(t.wait.p90Seconds)}) · ` +
      `Phục vụ trung bình ${minutes(t.service.meanSeconds)} phút · Trong mục tiêu: ${percent(t.withinTargetShare)}`;
    document
      .getElementById("report-tables")
      .replaceChildren(
        table("Theo dịch vụ", r.byService, "by-service"),
        table("Theo thủ tục", r.byProcedure, "by-procedure"),
        table("Theo quầy", r.byCounter, "by-counter"),
        table("Theo cán bộ", r.byOfficer, "by-officer"),
        table("Theo giờ", r.byHour, "by-hour"),
        presenceTable(r.presenceByCounterDay || []),
        ...ratingSections(r.ratings),
      );
    chart("chart-hour", {
      type: "bar",
      data: {
        labels: r.byHour.map((h) => h.key + "h"),
        datasets: [{ label: "Số phát", data: r.byHour.map((h) => h.issued), backgroundColor: "#2f6fb0" }],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false },
    });
    chart("chart-wait", {
      type: "bar",
      data: {
        labels: r.byService.map((s) => s.key),
        datasets: [
          { label: "Chờ TB", data: r.byService.map((s) => (s.wait.meanSeconds ?? 0) / 60), backgroundColor: "#2f6fb0" },
          { label: "Chờ P90", data: r.byService.map((s) => (s.wait.p90Seconds ?? 0) / 60), backgroundColor: "#d08a1e" },
        ],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false },
    });
  }

  load();
})();
