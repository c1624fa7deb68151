// Admins: staff accounts (create, edit, reset password, lock, retire). API: Administration/Staff/StaffApi.cs.
"use strict";

(function () {
  const { el } = Qk;
  const routes = QkHub.routes;
  const roleNames = { Officer: "Cán bộ quầy", Supervisor: "Giám sát", Admin: "Quản trị" };
  const form = document.getElementById("staff-form");
  const error = document.getElementById("staff-error");
  const idField = document.getElementById("staff-id");
  const passwordLabel = document.getElementById("staff-password-label");
  const submit = document.getElementById("staff-submit");
  const cancel = document.getElementById("staff-cancel");
  const countersBox = document.getElementById("staff-counters");
  const resetPanel = document.getElementById("reset-panel");
  let counters = [];
  let resetting = null;

  const path = (template, officerId) => QkHub.path(template, { officerId });

  function showError(box, err) {
    box.textContent = err ? err.message : "";
    box.hidden = !err;
  }

  function counterLabel(id) {
    const c = counters.find((k) => k.id === id);
    return c ? String(c.number) : "?";
  }

  function renderCounterChoices(selected) {
    const chosen = new Set(selected || []);
    countersBox.querySelectorAll("label").forEach((l) => l.remove());
    for (const c of counters) {
      countersBox.append(
        el(
          "label",
          { class: "check" },
          el("input", { type: "checkbox", value: c.id, checked: chosen.has(c.id), "data-testid": `staff-counter-${c.number}` }),
          ` ${c.number} - ${c.name}`,
        ),
      );
    }
  }

  function chosenCounters() {
    return [...countersBox.querySelectorAll("input:checked")].map((i) => i.value);
  }

  function startCreate() {
    form.reset();
    idField.value = "";
    document.getElementById("staff-form-title").textContent = Qk.t("Tạo tài khoản", "Create account");
    submit.textContent = Qk.t("Tạo tài khoản", "Create account");
    passwordLabel.hidden = false;
    cancel.hidden = true;
    renderCounterChoices([]);
  }

  function startEdit(s) {
    idField.value = s.id;
    document.getElementById("staff-username").value = s.userName;
    document.getElementById("staff-displayname").value = s.displayName;
    document.getElementById("staff-role").value = s.role;
    document.getElementById("staff-form-title").textContent = `${Qk.t("Sửa tài khoản", "Edit account")} ${s.userName}`;
    submit.textContent = Qk.t("Lưu thay đổi", "Save changes");
    passwordLabel.hidden = true;
    cancel.hidden = false;
    renderCounterChoices(s.counterIds);
    document.getElementById("staff-username").focus();
  }

  async function act(template, s, done) {
    try {
      await Qk.post(path(template, s.id), {});
      Qk.message(done);
      await load();
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  function status(s) {
    const parts = [];
    if (!s.active) parts.push("Ngừng sử dụng");
    if (s.locked) parts.push("Đã khóa");
    if (s.mustChangePassword) parts.push("Chờ đổi mật khẩu");
    return parts.join(", ") || "Đang hoạt động";
  }

  function row(s) {
    const actions = el(
      "td",
      { class: "row-actions" },
      el("button", { type: "button", class: "edit", onclick: () => startEdit(s) }, "Sửa"),
      el(
        "button",
        {
          type: "button",
          class: "reset",
          onclick: () => {
            resetting = s;
            document.getElementById("reset-user").textContent = s.userName;
            resetPanel.hidden = false;
            document.getElementById("reset-password").focus();
          },
        },
        "Đặt lại mật khẩu",
      ),
      s.locked
        ? el(
            "button",
            { type: "button", class: "unlock", onclick: () => act(routes.AdminStaffUnlock, s, `Đã mở khóa ${s.userName}.`) },
            "Mở khóa",
          )
        : el("button", { type: "button", class: "lock", onclick: () => act(routes.AdminStaffLock, s, `Đã khóa ${s.userName}.`) }, "Khóa"),
      s.active
        ? el(
            "button",
            {
              type: "button",
              class: "retire",
              onclick: () => {
                if (confirm(`Ngừng sử dụng tài khoản ${s.userName}? Lịch sử của tài khoản vẫn được giữ.`)) {
                  act(routes.AdminStaffRetire, s, `Đã ngừng sử dụng ${s.userName}.`);
                }
              },
            },
            "Ngừng sử dụng",
          )
        : el(
            "button",
            { type: "button", class: "restore", onclick: () => act(routes.AdminStaffRestore, s, `Đã khôi phục ${s.userName}.`) },
            "Khôi phục",
          ),
    );
    return el(
      "tr",
      { "data-testid": `staff-row-${s.userName}`, class: s.active ? "" : "retired" },
      el("td", {}, s.userName),
      el("td", {}, s.displayName),
      el("td", {}, roleNames[s.role] || s.role),
      el("td", {}, s.counterIds.length ? s.counterIds.map(counterLabel).join(", ") : "Mọi quầy"),
      el("td", { class: "status" }, status(s)),
      actions,
    );
  }

  async function load() {
    const staff = await Qk.get(routes.AdminStaff);
    document.getElementById("staff-rows").replaceChildren(...staff.map(row));
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    showError(error, null);
    const body = {
      userName: document.getElementById("staff-username").value.trim(),
      displayName: document.getElementById("staff-displayname").value.trim(),
      role: document.getElementById("staff-role").value,
      counterIds: chosenCounters(),
    };
    submit.disabled = true;
    try {
      if (idField.value) {
        await Qk.put(path(routes.AdminStaffItem, idField.value), body);
        Qk.message(`Đã lưu tài khoản ${body.userName}.`);
      } else {
        await Qk.post(routes.AdminStaff, { ...body, password: document.getElementById("staff-password").value });
        Qk.message(`Đã tạo tài khoản ${body.userName}; lần đăng nhập đầu sẽ phải đổi mật khẩu.`);
      }
      startCreate();
      await load();
    } catch (err) {
      showError(error, err);
    } finally {
      submit.disabled = false;
    }
  });

  cancel.addEventListener("click", startCreate);

  document.getElementById("reset-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await Qk.post(path(routes.AdminStaffPassword, resetting.id), { password: document.getElementById("reset-password").value });
      Qk.message(`Đã đặt lại mật khẩu cho ${resetting.userName}; lần đăng nhập tới sẽ phải đổi.`);
      resetPanel.hidden = true;
      document.getElementById("reset-form").reset();
      await load();
    } catch (err) {
      Qk.message(err.message, true);
    }
  });

  document.getElementById("reset-cancel").addEventListener("click", () => {
    resetPanel.hidden = true;
  });

  (async function start() {
    try {
      const snapshot = await Qk.get(routes.OwnSnapshot);
      counters = [...snapshot.counters].sort((a, b) => a.number - b.number);
      startCreate();
      await load();
    } catch (err) {
      Qk.message(err.message, true);
    }
  })();
})();
