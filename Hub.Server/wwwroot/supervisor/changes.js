// Admins: administrative changes (who, when, what, before and after), newest first, a page at a time. API: Administration/Audit/AdminChangesApi.cs.
"use strict";

(function () {
  const { el, dateTime } = Qk;
  const pageSize = 50;
  const actionNames = {
    create: "Tạo",
    update: "Sửa",
    retire: "Ngừng sử dụng",
    restore: "Khôi phục",
    import: "Nhập",
    password: "Đặt mật khẩu",
    lock: "Khóa",
    unlock: "Mở khóa",
    "rotate-key": "Đổi khóa",
    revoke: "Thu hồi",
  };
  const entity = document.getElementById("changes-entity");
  const prev = document.getElementById("changes-prev");
  const next = document.getElementById("changes-next");
  let page = 1;

  // A record's JSON as "name: value" lines, so before and after read side by side.
  function record(json) {
    if (!json) return "";
    try {
      const value = JSON.parse(json);
      return Object.entries(value)
        .map(([k, v]) => `${k}: ${typeof v === "object" && v !== null ? JSON.stringify(v) : v}`)
        .join("\n");
    } catch {
      return json;
    }
  }

  const latest = Qk.latestOnly();
  async function load() {
    const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
    if (entity.value) query.set("entity", entity.value);
    try {
      const result = await latest(Qk.get(`${QkHub.routes.AdminChanges}?${query}`));
      document
        .getElementById("changes-rows")
        .replaceChildren(
          ...result.items.map((c) =>
            el(
              "tr",
              { "data-testid": "change-row" },
              el("td", {}, dateTime(c.at)),
              el("td", {}, c.actorName),
              el("td", {}, actionNames[c.action] || c.action),
              el("td", {}, `${c.entity} ${c.entityId}`),
              el("td", {}, el("pre", { class: "record" }, record(c.before))),
              el("td", {}, el("pre", { class: "record" }, record(c.after))),
            ),
          ),
        );
      document.getElementById("changes-empty").hidden = result.total > 0;
      const pages = Math.max(1, Math.ceil(result.total / pageSize));
      document.getElementById("changes-page").textContent = `Trang ${page}/${pages}`;
      prev.disabled = page <= 1;
      next.disabled = page >= pages;
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  entity.addEventListener("change", () => {
    page = 1;
    load();
  });
  prev.addEventListener("click", () => {
    page--;
    load();
  });
  next.addEventListener("click", () => {
    page++;
    load();
  });
  load();
})();
