// The province dashboard (docs/province.md): every site the user may see, pushed live by the
// province hub after each ingested batch; a (re)connect reloads the whole list (the snapshot).
"use strict";

(function () {
  const { routes, methods, events } = window.QkHub;
  const { el, t } = Qk;
  const sitesNode = document.getElementById("sites");
  const sites = new Map();

  const today = Qk.today();
  document.getElementById("report-csv").href = `${routes.ProvinceReports}?from=${today}&to=${today}&format=csv`;
  document.getElementById("report-xlsx").href = `${routes.ProvinceReports}?from=${today}&to=${today}&format=xlsx`;

  function statusText(status) {
    const words = {
      Called: ["Đang gọi", "Called"],
      Serving: ["Đang phục vụ", "Serving"],
    };
    const w = words[status];
    return w ? t(w[0], w[1]) : status;
  }

  function siteCard(s) {
    const counters = s.counters.map((c) =>
      el(
        "tr",
        { "data-testid": "province-counter" },
        el("td", {}, c.counter),
        el("td", { class: "number", "data-testid": "province-counter-number" }, c.number),
        el("td", {}, statusText(c.status)),
        el("td", {}, c.officer || ""),
      ),
    );
    const devices = s.devices.map((d) => el("li", {}, `${d.name}: ${d.status || "?"}`));
    const alerts = s.alerts.map((a) => el("li", { class: "alert" }, `${a.subject}: ${a.message}`));
    return el(
      "article",
      { class: "panel province-site", "data-testid": "province-site", "data-site-id": s.siteId },
      el(
        "h3",
        {},
        s.name,
        " ",
        s.dashboardUrl
          ? el(
              "a",
              { href: s.dashboardUrl, target: "_blank", rel: "noopener", "data-testid": "province-drilldown" },
              t("Xem tại đơn vị", "Open the site's dashboard"),
            )
          : null,
      ),
      el(
        "p",
        {},
        t("Đang chờ: ", "Waiting: "),
        el("strong", { "data-testid": "province-waiting" }, String(s.waiting)),
        t(" · Đang gọi: ", " · Called: "),
        el("strong", { "data-testid": "province-called" }, String(s.called)),
        t(" · Đang phục vụ: ", " · Serving: "),
        el("strong", {}, String(s.serving)),
        t(" · Đã phục vụ hôm nay: ", " · Served today: "),
        el("strong", { "data-testid": "province-served" }, String(s.servedToday)),
      ),
      el(
        "p",
        { class: "hint" },
        t("Nhận dữ liệu lần cuối: ", "Last data: "),
        s.lastReceivedAt ? Qk.dateTime(s.lastReceivedAt) : t("chưa có", "none yet"),
        s.keyActive ? "" : t(" · khoá đã thu hồi", " · key revoked"),
      ),
      el("table", { class: "grid" }, el("tbody", {}, counters)),
      devices.length ? el("ul", { class: "devices" }, devices) : null,
      alerts.length ? el("ul", { class: "alerts", "data-testid": "province-alerts" }, alerts) : null,
    );
  }

  function render() {
    sitesNode.replaceChildren(...[...sites.values()].map(siteCard));
    document.getElementById("site-count").textContent = String(sites.size);
    document.getElementById("sites-empty").hidden = sites.size > 0;
  }

  async function load() {
    try {
      const list = await Qk.get(routes.ProvinceSites);
      sites.clear();
      for (const s of list) sites.set(s.siteId, s);
      render();
      Qk.message("");
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  const link = document.getElementById("link-state");
  function setLink(online) {
    link.textContent = online ? t("Trực tuyến", "Online") : t("Mất kết nối, đang thử lại...", "Connection lost, retrying...");
    link.className = "badge " + (online ? "online" : "offline");
  }

  const live = QkLiveFeed.hub({
    url: routes.ProvinceHub,
    events: [events.ProvinceSiteChanged],
    retryDelays: [500, 1000, 2000, 5000, 10000],
    onEvent: (name, s) => {
      sites.set(s.siteId, s);
      render();
    },
    join: async (connection) => {
      await connection.invoke(methods.JoinProvince);
      // Whatever changed before joining is in the snapshot.
      await load();
    },
    onLink: setLink,
  });

  live.start();
  // A safety net for a push lost between nodes: the whole list every 60 s.
  setInterval(load, 60000);
})();
