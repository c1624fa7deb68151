// Province admin: register sites, rotate and revoke their keys (docs/province.md). A key is shown once.
"use strict";

(function () {
  const { routes } = window.QkHub;
  const { el } = Qk;
  const rows = document.getElementById("site-rows");
  const newKey = document.getElementById("new-key");

  function showKey(dto) {
    newKey.hidden = false;
    newKey.textContent = `Khoá của đơn vị ${dto.siteId} (chỉ hiện một lần, đặt vào Province:SiteKey của đơn vị): ${dto.key}`;
  }

  function keyPath(siteId) {
    return routes.ProvinceSiteKey.replace("{siteId:guid}", siteId);
  }

  async function load() {
    const sites = await Qk.get(routes.ProvinceSites);
    rows.replaceChildren(
      ...sites.map((s) =>
        el(
          "tr",
          { "data-site-id": s.siteId },
          el("td", {}, s.name, el("br"), el("small", {}, s.siteId)),
          el("td", {}, s.keyActive ? "Đang dùng" : "Đã thu hồi"),
          el("td", {}, s.lastReceivedAt ? Qk.dateTime(s.lastReceivedAt) : ""),
          el("td", {}, String(s.lastSequence)),
          el(
            "td",
            {},
            el("button", { type: "button", onclick: () => act(() => Qk.post(keyPath(s.siteId)), true) }, "Tạo khoá mới"),
            " ",
            el("button", { type: "button", onclick: () => act(() => Qk.del(keyPath(s.siteId)), false) }, "Thu hồi"),
          ),
        ),
      ),
    );
  }

  async function act(call, shows) {
    try {
      const result = await call();
      if (shows) showKey(result);
      Qk.message("Đã lưu.");
      await load();
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  document.getElementById("register").addEventListener("submit", (e) => {
    e.preventDefault();
    const body = {
      id: document.getElementById("site-id").value.trim(),
      name: document.getElementById("site-name").value,
      dashboardUrl: document.getElementById("site-dashboard").value.trim() || null,
    };
    act(() => Qk.post(routes.ProvinceSites, body), true);
  });

  load().catch((err) => Qk.message(err.message, true));
})();
