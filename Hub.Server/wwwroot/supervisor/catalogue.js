// Admins: the procedure catalogue. Fields (lĩnh vực) and procedures (thủ tục) listed with the retired
// ones, created, edited, retired and restored; the catalogue file previewed row by row, then written.
"use strict";

(function () {
  const { el } = Qk;
  const routes = QkHub.routes;
  // The form names of the import (Hub.Client CatalogueImportForm).
  const form = { file: "file", retireMissing: "retireMissing", createFields: "createFields", preview: "preview" };
  const actions = { create: "Thêm mới", update: "Cập nhật", unchanged: "Không đổi", error: "Có lỗi" };
  const $ = (id) => document.getElementById(id);

  let fields = [];
  let procedures = [];
  let services = [];

  // PUT and multipart bodies, which Qk.get/post do not send; errors read as Qk does (ProblemDetails in Vietnamese).
  async function send(method, url, body) {
    const init = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url, init);
    if (response.status === 401) {
      location.href = "/supervisor/login?returnUrl=" + encodeURIComponent(location.pathname);
      throw new Error("Phiên đăng nhập đã hết, vui lòng đăng nhập lại.");
    }
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error(problemText(data, response.status));
      error.problem = data;
      throw error;
    }
    return data;
  }

  function problemText(problem, status) {
    if (!problem) return `Lỗi ${status}`;
    return [problem.detail || problem.title || `Lỗi ${status}`, problem.reason].filter(Boolean).join(" ");
  }

  async function guarded(work) {
    try {
      Qk.message("");
      await work();
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  // ------------------------------------------------------------------ fields

  async function loadFields() {
    fields = await Qk.get(routes.AdminFields);
    $("fields-empty").hidden = fields.length > 0;
    $("fields").replaceChildren(
      ...fields.map((f) =>
        el(
          "tr",
          { "data-field-code": f.code, class: f.active ? "" : "retired" },
          el("td", {}, f.code),
          el("td", {}, f.name),
          el("td", {}, f.nameEn || ""),
          el("td", { class: "num" }, f.sortOrder),
          el("td", { class: "num" }, f.procedureCount),
          el("td", {}, f.active ? "Đang dùng" : "Đã ngừng"),
          el(
            "td",
            {},
            el("button", { type: "button", "data-action": "edit", onclick: () => editField(f) }, "Sửa"),
            f.active
              ? el("button", { type: "button", "data-action": "retire", onclick: () => setFieldActive(f, false) }, "Ngừng")
              : el("button", { type: "button", "data-action": "restore", onclick: () => setFieldActive(f, true) }, "Khôi phục"),
          ),
        ),
      ),
    );
    const options = (selected, withAll) => [
      ...(withAll ? [el("option", { value: "" }, "Tất cả")] : []),
      ...fields.filter((f) => f.active || f.id === selected).map((f) => el("option", { value: f.id, selected: f.id === selected }, f.name)),
    ];
    const filter = $("procedure-field-filter").value;
    $("procedure-field-filter").replaceChildren(...options(filter, true));
    const chosen = $("procedure-field").value;
    $("procedure-field").replaceChildren(...options(chosen, false));
  }

  function editField(f) {
    $("field-id").value = f.id;
    $("field-code").value = f.code;
    $("field-name").value = f.name;
    $("field-name-en").value = f.nameEn || "";
    $("field-order").value = f.sortOrder;
    $("field-save").textContent = "Lưu lĩnh vực";
    $("field-cancel").hidden = false;
    $("field-code").focus();
  }

  function resetFieldForm() {
    $("field-form").reset();
    $("field-id").value = "";
    $("field-save").textContent = "Thêm lĩnh vực";
    $("field-cancel").hidden = true;
  }

  async function saveField(event) {
    event.preventDefault();
    await guarded(async () => {
      const id = $("field-id").value;
      const body = {
        code: $("field-code").value,
        name: $("field-name").value,
        nameEn: $("field-name-en").value || null,
        sortOrder: Number($("field-order").value) || 0,
      };
      if (id) await send("PUT", `${routes.AdminFields}/${id}`, body);
      else await send("POST", routes.AdminFields, body);
      Qk.message(id ? "Đã lưu lĩnh vực." : "Đã thêm lĩnh vực.");
      resetFieldForm();
      await loadFields();
    });
  }

  async function setFieldActive(f, active) {
    if (!active && !confirm(`Ngừng lĩnh vực "${f.name}"? Các thủ tục của lĩnh vực sẽ không còn trên kiosk; lịch sử vẫn được giữ.`)) return;
    await guarded(async () => {
      await send("POST", `${routes.AdminFields}/${f.id}/${active ? "restore" : "retire"}`);
      await loadFields();
      await loadProcedures();
    });
  }

  // ------------------------------------------------------------------ procedures

  async function loadServices() {
    services = (await Qk.get(routes.Services)).filter((s) => s.active !== false);
    $("procedure-service").replaceChildren(
      el("option", { value: "" }, "Chưa gán"),
      ...services.map((s) => el("option", { value: s.id }, `${s.prefix || s.code} – ${s.name}`)),
    );
  }

  async function loadProcedures() {
    const query = new URLSearchParams();
    const q = $("procedure-search").value.trim();
    if (q) query.set("q", q);
    if ($("procedure-field-filter").value) query.set("fieldId", $("procedure-field-filter").value);
    const all = await Qk.get(`${routes.AdminProcedures}?${query}`);
    procedures = $("procedure-show-retired").checked ? all : all.filter((p) => p.active);
    $("procedures-empty").hidden = procedures.length > 0;
    $("procedures").replaceChildren(
      ...procedures.map((p) =>
        el(
          "tr",
          { "data-procedure-code": p.code, class: p.active ? "" : "retired" },
          el("td", {}, p.code),
          el("td", {}, p.name, p.nameEn ? el("div", { class: "small", lang: "en" }, p.nameEn) : null),
          el("td", {}, p.fieldName),
          el("td", {}, p.serviceName || "Chưa gán"),
          el("td", {}, p.fees),
          el("td", {}, p.active ? "Đang dùng" : "Đã ngừng"),
          el(
            "td",
            {},
            el("button", { type: "button", "data-action": "edit", onclick: () => editProcedure(p) }, "Sửa"),
            p.active
              ? el("button", { type: "button", "data-action": "retire", onclick: () => setProcedureActive(p, false) }, "Ngừng")
              : el("button", { type: "button", "data-action": "restore", onclick: () => setProcedureActive(p, true) }, "Khôi phục"),
          ),
        ),
      ),
    );
  }

  // One document a line: "Tờ khai (bản chính: 1, bản sao: 0)"; without counts one original, no copy.
  function documentsToText(documents) {
    return documents.map((d) => `${d.name} (bản chính: ${d.originals}, bản sao: ${d.copies})`).join("\n");
  }

  function textToDocuments(text) {
    return text
      .split("\n")
      .map((line) => line.trim().replace(/^[-+*•]\s*/, ""))
      .filter((line) => line.length > 0)
      .map((line) => {
        const counts = /\(\s*bản chính\s*:?\s*(\d+)\s*,\s*bản sao\s*:?\s*(\d+)\s*\)\s*$/i.exec(line);
        return counts
          ? { name: line.slice(0, counts.index).trim(), originals: Number(counts[1]), copies: Number(counts[2]), note: null }
          : { name: line, originals: 1, copies: 0, note: null };
      });
  }

  function editProcedure(p) {
    if (!fields.some((f) => f.id === p.fieldId && f.active)) {
      // A procedure of a retired field: its field is offered so the form can still show it.
      $("procedure-field").append(el("option", { value: p.fieldId }, `${p.fieldName} (đã ngừng)`));
    }
    $("procedure-id").value = p.id;
    $("procedure-code").value = p.code;
    $("procedure-name").value = p.name;
    $("procedure-name-en").value = p.nameEn || "";
    $("procedure-field").value = p.fieldId;
    $("procedure-service").value = p.serviceId || "";
    $("procedure-level").value = p.level;
    $("procedure-agency").value = p.agency;
    $("procedure-time").value = p.processingTime;
    $("procedure-fees").value = p.fees;
    $("procedure-order").value = p.sortOrder;
    $("procedure-documents").value = documentsToText(p.documents);
    $("procedure-legal").value = p.legalBasis;
    $("procedure-form-title").textContent = `${Qk.t("Sửa thủ tục", "Edit procedure")} ${p.code}`;
    $("procedure-save").textContent = Qk.t("Lưu thủ tục", "Save procedure");
    $("procedure-cancel").hidden = false;
    $("procedure-code").focus();
  }

  function resetProcedureForm() {
    $("procedure-form").reset();
    $("procedure-id").value = "";
    $("procedure-form-title").textContent = Qk.t("Thêm thủ tục", "Add procedure");
    $("procedure-save").textContent = Qk.t("Thêm thủ tục", "Add procedure");
    $("procedure-cancel").hidden = true;
  }

  async function saveProcedure(event) {
    event.preventDefault();
    await guarded(async () => {
      const id = $("procedure-id").value;
      const body = {
        code: $("procedure-code").value,
        name: $("procedure-name").value,
        nameEn: $("procedure-name-en").value || null,
        fieldId: $("procedure-field").value,
        serviceId: $("procedure-service").value || null,
        level: $("procedure-level").value,
        agency: $("procedure-agency").value,
        processingTime: $("procedure-time").value,
        fees: $("procedure-fees").value,
        documents: textToDocuments($("procedure-documents").value),
        legalBasis: $("procedure-legal").value,
        sortOrder: Number($("procedure-order").value) || 0,
      };
      if (id) await send("PUT", `${routes.AdminProcedures}/${id}`, body);
      else await send("POST", routes.AdminProcedures, body);
      Qk.message(id ? "Đã lưu thủ tục." : "Đã thêm thủ tục.");
      resetProcedureForm();
      await Promise.all([loadProcedures(), loadFields()]);
    });
  }

  async function setProcedureActive(p, active) {
    if (!active && !confirm(`Ngừng thủ tục "${p.name}"? Thủ tục sẽ không còn trên kiosk; các số đã cấp và báo cáo vẫn được giữ.`)) return;
    await guarded(async () => {
      await send("POST", `${routes.AdminProcedures}/${p.id}/${active ? "restore" : "retire"}`);
      await Promise.all([loadProcedures(), loadFields()]);
    });
  }

  // ------------------------------------------------------------------ import

  function importForm() {
    const data = new FormData();
    data.append(form.file, $("import-file").files[0]);
    data.append(form.createFields, $("import-create-fields").checked ? "true" : "false");
    data.append(form.retireMissing, $("import-retire-missing").checked ? "true" : "false");
    return data;
  }

  function problemItem(p) {
    const where = [p.row ? `Dòng ${p.row}` : null, p.column ? `cột "${p.column}"` : null].filter(Boolean).join(", ");
    return el("li", { class: p.severity === "error" ? "error" : "" }, where ? `${where}: ${p.message}` : p.message);
  }

  function showPreview(result) {
    const summary = [
      `Tệp ${result.fileName}: ${result.rowCount} thủ tục.`,
      `Thêm mới ${result.created}, cập nhật ${result.updated}, không đổi ${result.unchanged}, ngừng ${result.retired}.`,
      result.fieldsCreated.length ? `Lĩnh vực sẽ tạo: ${result.fieldsCreated.join(", ")}.` : "",
      result.errorCount ? `${result.errorCount} lỗi: sửa tệp rồi nạp lại, chưa ghi gì.` : "Không có lỗi.",
      result.warningCount ? `${result.warningCount} cảnh báo.` : "",
    ];
    $("import-summary").textContent = summary.filter(Boolean).join(" ");
    $("import-summary").hidden = false;
    $("import-file-problems").replaceChildren(...result.fileProblems.map(problemItem));
    $("import-rows").replaceChildren(
      ...result.rows.map((r) =>
        el(
          "tr",
          { "data-row": r.row, class: r.action === "error" ? "bad" : "" },
          el("td", { class: "num" }, r.row),
          el("td", {}, r.code),
          el("td", {}, r.name),
          el("td", {}, r.field),
          el("td", {}, r.fees || ""),
          el("td", { class: "num" }, r.documentCount),
          el("td", {}, actions[r.action] || r.action),
          el("td", {}, el("ul", {}, r.problems.map(problemItem))),
        ),
      ),
    );
    $("import-preview").hidden = false;
    $("import-commit").disabled = result.errorCount > 0;
  }

  function clearPreview() {
    $("import-summary").hidden = true;
    $("import-file-problems").replaceChildren();
    $("import-rows").replaceChildren();
    $("import-preview").hidden = true;
    $("import-commit").disabled = true;
    $("import-result").hidden = true;
  }

  async function previewImport(event) {
    event.preventDefault();
    clearPreview();
    await guarded(async () => {
      try {
        showPreview(await send("POST", `${routes.AdminCatalogueImport}?${form.preview}=true`, importForm()));
      } catch (err) {
        // A file refused whole (not .xlsx/.csv, no header row...): its problems under the form.
        if (err.problem && err.problem.problems) $("import-file-problems").replaceChildren(...err.problem.problems.map(problemItem));
        throw err;
      }
    });
  }

  async function commitImport() {
    $("import-commit").disabled = true;
    await guarded(async () => {
      try {
        const result = await send("POST", `${routes.AdminCatalogueImport}?${form.preview}=false`, importForm());
        $("import-result").textContent =
          `Đã ghi danh mục: thêm mới ${result.created}, cập nhật ${result.updated}, không đổi ${result.unchanged}, ngừng ${result.retired}` +
          (result.fieldsCreated.length ? `; lĩnh vực mới: ${result.fieldsCreated.join(", ")}.` : ".");
        $("import-result").className = "message";
        $("import-result").hidden = false;
        await Promise.all([loadFields(), loadProcedures()]);
      } catch (err) {
        if (err.problem && err.problem.result) showPreview(err.problem.result);
        throw err;
      }
    });
  }

  // ------------------------------------------------------------------ wiring

  let searchTimer = null;
  $("field-form").addEventListener("submit", saveField);
  $("field-cancel").addEventListener("click", resetFieldForm);
  $("procedure-form").addEventListener("submit", saveProcedure);
  $("procedure-cancel").addEventListener("click", resetProcedureForm);
  $("procedure-filter").addEventListener("submit", (e) => e.preventDefault());
  $("procedure-search").addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => guarded(loadProcedures), 250);
  });
  $("procedure-field-filter").addEventListener("change", () => guarded(loadProcedures));
  $("procedure-show-retired").addEventListener("change", () => guarded(loadProcedures));
  $("import-form").addEventListener("submit", previewImport);
  // A preview is of one file with one choice of options: changing any of them asks for a new one.
  for (const id of ["import-file", "import-create-fields", "import-retire-missing"]) $(id).addEventListener("change", clearPreview);
  $("import-commit").addEventListener("click", commitImport);

  guarded(async () => {
    await Promise.all([loadFields(), loadServices()]);
    await loadProcedures();
  });
})();
