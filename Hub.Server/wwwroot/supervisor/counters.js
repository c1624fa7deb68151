// Supervisors: the counters (number, name, services with order or weights, LED board, camera).
"use strict";

(async function () {
  const { el } = Qk;
  const routes = QkHub.routes;
  const $ = (id) => document.getElementById(id);
  let services = [];
  let counters = [];

  function servicesText(counter) {
    return counter.services
      .map((s) => (counter.weighted ? `${s.serviceCode} (trọng số ${s.weight})` : `${s.order}. ${s.serviceCode}`))
      .join(", ");
  }

  function renderCounters() {
    $("counters-empty").hidden = counters.length > 0;
    $("counters").replaceChildren(
      ...counters.map((c) =>
        el(
          "tr",
          { class: c.active ? "" : "retired", "data-counter-number": c.number },
          el("td", { class: "num" }, c.number),
          el("td", {}, c.name),
          el("td", {}, servicesText(c)),
          el("td", { class: "num" }, c.ledAddress ?? "–"),
          el("td", {}, c.cameraId || "–"),
          el("td", {}, c.active ? "Đang hoạt động" : "Đã ngừng"),
          el(
            "td",
            { class: "actions" },
            el("button", { type: "button", "data-testid": `counter-edit-${c.number}`, onclick: () => edit(c) }, "Sửa"),
            " ",
            el(
              "button",
              {
                type: "button",
                "data-testid": `counter-${c.active ? "retire" : "restore"}-${c.number}`,
                onclick: () => setActive(c, !c.active),
              },
              c.active ? "Ngừng hoạt động" : "Khôi phục",
            ),
          ),
        ),
      ),
    );
  }

  function renderServiceRows(counter) {
    const assigned = new Map((counter ? counter.services : []).map((s) => [s.serviceId, s]));
    const weighted = $("counter-weighted").checked;
    $("counter-rank-header").textContent = weighted ? Qk.t("Trọng số (1-10)", "Weight (1-10)") : Qk.t("Thứ tự", "Order");
    // Retired services cannot be given to a counter; one already assigned stays listed so it can be removed.
    const listed = services.filter((s) => s.active || assigned.has(s.id));
    $("counter-services").replaceChildren(
      ...listed.map((s, i) => {
        const row = assigned.get(s.id);
        const rank = row ? (weighted ? row.weight : row.order) : weighted ? 1 : i + 1;
        return el(
          "tr",
          { "data-service-id": s.id },
          el("td", {}, el("input", { type: "checkbox", checked: Boolean(row), id: `counter-service-${s.code}` })),
          el("td", {}, `${s.code} – ${s.name}${s.active ? "" : " (đã ngừng)"}`),
          el("td", {}, el("input", { type: "number", min: 1, max: weighted ? 10 : 99, value: rank, id: `counter-rank-${s.code}` })),
        );
      }),
    );
  }

  function fill(counter) {
    const c = counter || {};
    $("counter-form-title").textContent = counter ? `${Qk.t("Sửa quầy", "Edit counter")} ${c.number}` : Qk.t("Thêm quầy", "Add a counter");
    $("counter-id").value = c.id || "";
    $("counter-number").value = c.number ?? "";
    $("counter-name").value = c.name || "";
    $("counter-led").value = c.ledAddress ?? "";
    $("counter-camera").value = c.cameraId || "";
    $("counter-weighted").checked = Boolean(c.weighted);
    renderServiceRows(counter);
  }

  function edit(counter) {
    fill(counter);
    $("counter-form").scrollIntoView();
  }

  function body() {
    const weighted = $("counter-weighted").checked;
    const chosen = [...$("counter-services").querySelectorAll("tr")]
      .filter((tr) => tr.querySelector("input[type=checkbox]").checked)
      .map((tr) => ({ id: tr.dataset.serviceId, rank: Number(tr.querySelector("input[type=number]").value) }));
    if (!weighted) chosen.sort((a, b) => a.rank - b.rank);
    const led = $("counter-led").value;
    return {
      number: Number($("counter-number").value),
      name: $("counter-name").value.trim(),
      serviceIds: chosen.map((c) => c.id),
      weights: weighted ? chosen.map((c) => c.rank) : null,
      ledAddress: led === "" ? null : Number(led),
      cameraId: $("counter-camera").value.trim() || null,
    };
  }

  async function save(event) {
    event.preventDefault();
    const id = $("counter-id").value;
    try {
      const saved = id ? await Qk.put(`${routes.AdminCounters}/${id}`, body()) : await Qk.post(routes.AdminCounters, body());
      Qk.message(`Đã lưu quầy ${saved.number}.`);
      await loadCounters();
      fill(null);
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  async function setActive(counter, active) {
    if (
      !active &&
      !confirm(`Ngừng hoạt động quầy ${counter.number}? Cán bộ không đăng nhập được tại quầy này; các số đã phục vụ vẫn còn trong báo cáo.`)
    ) {
      return;
    }
    try {
      await Qk.post(`${routes.AdminCounters}/${counter.id}/${active ? "restore" : "retire"}`);
      Qk.message(active ? `Đã khôi phục quầy ${counter.number}.` : `Đã ngừng hoạt động quầy ${counter.number}.`);
      await loadCounters();
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  async function loadCounters() {
    counters = await Qk.get(routes.AdminCounters);
    renderCounters();
  }

  $("counter-form").addEventListener("submit", save);
  $("counter-new").addEventListener("click", () => fill(null));
  $("counter-weighted").addEventListener("change", () => {
    const id = $("counter-id").value;
    renderServiceRows(counters.find((c) => c.id === id));
  });

  try {
    services = await Qk.get(routes.AdminServices);
    await loadCounters();
    fill(null);
  } catch (err) {
    Qk.message(err.message, true);
  }
})();
