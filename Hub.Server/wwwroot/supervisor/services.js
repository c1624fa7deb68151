// Supervisors: the services (prefix, range, waits, priority groups, procedures mapped) and the site's priority groups.
"use strict";

(async function () {
  const { el } = Qk;
  const routes = QkHub.routes;
  const $ = (id) => document.getElementById(id);
  const categoryNames = {
    Elderly: "Người cao tuổi",
    Disabled: "Người khuyết tật",
    Pregnant: "Phụ nữ mang thai",
    RevolutionaryMerit: "Người có công với cách mạng",
  };
  let groups = [];
  let fields = [];
  let procedures = [];
  let services = [];
  // The mapping is sent only when the supervisor changed it, so procedures this page cannot list are left as they are.
  let mappingChanged = false;

  function groupName(category) {
    const group = groups.find((g) => g.category === category);
    return group ? group.name : categoryNames[category] || category;
  }

  function numberingText(s) {
    const first = s.prefix + String(s.rangeStart).padStart(s.digits, "0");
    const last = s.prefix + String(s.rangeEnd).padStart(s.digits, "0");
    return `${first} – ${last}`;
  }

  function renderServices() {
    $("services-empty").hidden = services.length > 0;
    $("services").replaceChildren(
      ...services.map((s) =>
        el(
          "tr",
          { class: s.active ? "" : "retired", "data-service-code": s.code },
          el("td", {}, s.code),
          el("td", {}, s.name, s.nameEn ? el("div", { class: "small" }, s.nameEn) : null),
          el("td", {}, numberingText(s)),
          el("td", { class: "num" }, `${s.waitTargetMinutes} phút`),
          el("td", { class: "num" }, s.maxWaitMinutes > 0 ? `${s.maxWaitMinutes} phút` : "–"),
          el("td", { class: "num" }, `${s.defaultServiceSeconds} giây`),
          el("td", {}, s.acceptedPriorities.map(groupName).join(", ") || "Không"),
          el("td", { class: "num" }, s.procedureIds.length),
          el("td", {}, s.active ? "Đang phục vụ" : "Đã ngừng"),
          el(
            "td",
            { class: "actions" },
            el("button", { type: "button", "data-testid": `service-edit-${s.code}`, onclick: () => edit(s) }, "Sửa"),
            " ",
            el(
              "button",
              {
                type: "button",
                "data-testid": `service-${s.active ? "retire" : "restore"}-${s.code}`,
                onclick: () => setActive(s, !s.active),
              },
              s.active ? "Ngừng phục vụ" : "Khôi phục",
            ),
          ),
        ),
      ),
    );
  }

  function checkbox(name, value, text, checked, onchange) {
    return el("label", {}, el("input", { type: "checkbox", name, value, checked, onchange }), " ", text);
  }

  function renderChoices(service) {
    const accepted = service ? service.acceptedPriorities : groups.map((g) => g.category);
    $("service-priorities").replaceChildren(...groups.map((g) => checkbox("priority", g.category, g.name, accepted.includes(g.category))));
    const mapped = new Set(service ? service.procedureIds : []);
    const onMappingChange = () => {
      mappingChanged = true;
    };
    $("service-fields").replaceChildren(
      ...fields.map((f) => {
        const own = procedures.filter((p) => p.fieldId === f.id);
        const whole = own.length > 0 && own.every((p) => mapped.has(p.id));
        return checkbox("field", f.id, `${f.code} – ${f.name}`, whole, onMappingChange);
      }),
    );
    $("service-procedures").replaceChildren(
      ...procedures.map((p) => checkbox("procedure", p.id, `${p.code} – ${p.name}`, mapped.has(p.id), onMappingChange)),
    );
    mappingChanged = false;
  }

  function fill(service) {
    const s = service || {};
    $("service-form-title").textContent = service
      ? `${Qk.t("Sửa dịch vụ", "Edit service")} ${s.code}`
      : Qk.t("Thêm dịch vụ", "Add a service");
    $("service-id").value = s.id || "";
    $("service-code").value = s.code || "";
    $("service-name").value = s.name || "";
    $("service-name-en").value = s.nameEn || "";
    $("service-prefix").value = s.prefix || "";
    $("service-digits").value = s.digits ?? 3;
    $("service-range-start").value = s.rangeStart ?? 1;
    $("service-range-end").value = s.rangeEnd ?? 999;
    $("service-wait-target").value = s.waitTargetMinutes ?? 15;
    $("service-max-wait").value = s.maxWaitMinutes ?? 0;
    $("service-duration").value = s.defaultServiceSeconds ?? 300;
    $("service-sort").value = s.sortOrder ?? 100;
    renderChoices(service);
  }

  function edit(service) {
    fill(service);
    $("service-form").scrollIntoView();
  }

  function checkedValues(container) {
    return [...$(container).querySelectorAll("input:checked")].map((i) => i.value);
  }

  function body() {
    const request = {
      code: $("service-code").value.trim(),
      name: $("service-name").value.trim(),
      nameEn: $("service-name-en").value.trim() || null,
      prefix: $("service-prefix").value.trim(),
      digits: Number($("service-digits").value),
      rangeStart: Number($("service-range-start").value),
      rangeEnd: Number($("service-range-end").value),
      waitTargetMinutes: Number($("service-wait-target").value),
      maxWaitMinutes: Number($("service-max-wait").value),
      defaultServiceSeconds: Number($("service-duration").value),
      sortOrder: Number($("service-sort").value),
      acceptedPriorities: checkedValues("service-priorities"),
    };
    if (mappingChanged || !$("service-id").value) {
      request.fieldIds = checkedValues("service-fields");
      request.procedureIds = checkedValues("service-procedures");
    }
    return request;
  }

  async function save(event) {
    event.preventDefault();
    const id = $("service-id").value;
    try {
      const saved = id ? await Qk.put(`${routes.AdminServices}/${id}`, body()) : await Qk.post(routes.AdminServices, body());
      Qk.message(`Đã lưu dịch vụ ${saved.code}.`);
      await loadServices();
      fill(null);
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  async function setActive(service, active) {
    if (
      !active &&
      !confirm(`Ngừng phục vụ dịch vụ ${service.code}? Kiosk sẽ không cấp số cho dịch vụ này; các số đã cấp vẫn còn trong báo cáo.`)
    ) {
      return;
    }
    try {
      await Qk.post(`${routes.AdminServices}/${service.id}/${active ? "restore" : "retire"}`);
      Qk.message(active ? `Đã khôi phục dịch vụ ${service.code}.` : `Đã ngừng phục vụ dịch vụ ${service.code}.`);
      await loadServices();
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  function renderGroups() {
    $("priority-groups").replaceChildren(
      ...groups.map((g) => {
        const name = el("input", { value: g.name, maxLength: 200, id: `priority-name-${g.category}` });
        const nameEn = el("input", { value: g.nameEn || "", maxLength: 200, id: `priority-name-en-${g.category}` });
        const sort = el("input", { type: "number", min: 0, value: g.sortOrder, id: `priority-sort-${g.category}` });
        const ask = el("input", { type: "checkbox", checked: g.askAtKiosk, id: `priority-ask-${g.category}` });
        const active = el("input", { type: "checkbox", checked: g.active, id: `priority-active-${g.category}` });
        const saveGroup = async () => {
          try {
            await Qk.put(`${routes.AdminPriorityGroups}/${g.id}`, {
              name: name.value.trim(),
              nameEn: nameEn.value.trim() || null,
              sortOrder: Number(sort.value),
              askAtKiosk: ask.checked,
              active: active.checked,
            });
            Qk.message(`Đã lưu nhóm ưu tiên "${name.value.trim()}".`);
            await loadGroups();
            renderServices();
          } catch (err) {
            Qk.message(err.message, true);
          }
        };
        return el(
          "tr",
          { "data-category": g.category },
          el("td", {}, categoryNames[g.category] || g.category),
          el("td", {}, name),
          el("td", {}, nameEn),
          el("td", {}, sort),
          el("td", {}, ask),
          el("td", {}, active),
          el("td", {}, el("button", { type: "button", "data-testid": `priority-save-${g.category}`, onclick: saveGroup }, "Lưu")),
        );
      }),
    );
  }

  async function loadGroups() {
    groups = await Qk.get(routes.AdminPriorityGroups);
    renderGroups();
  }

  async function loadServices() {
    services = await Qk.get(routes.AdminServices);
    renderServices();
  }

  $("service-form").addEventListener("submit", save);
  $("service-new").addEventListener("click", () => fill(null));

  try {
    const me = await Qk.get(routes.Me);
    [fields, procedures] = await Promise.all([
      Qk.get(`${routes.Fields}?siteId=${me.siteId}`),
      Qk.get(`${routes.Procedures}?siteId=${me.siteId}`),
    ]);
    await loadGroups();
    await loadServices();
    fill(null);
  } catch (err) {
    Qk.message(err.message, true);
  }
})();
