// Supervisor sign-in: POST /api/auth/login without a counter, then back to the page asked for.
"use strict";

(function () {
  const form = document.getElementById("login-form");
  // A password an admin set: the account chooses its own before its page opens.
  const askNewPassword = QkChangePassword(
    form,
    (route, body) => Qk.post(route, body),
    () => {
      location.href = target;
    },
  );
  const error = document.getElementById("login-error");
  const button = document.getElementById("login-button");
  const params = new URLSearchParams(location.search);
  const back = params.get("returnUrl");
  // Only our own pages (the province tier's dashboard is /province): never another site.
  const target = back && (back.startsWith("/supervisor") || back.startsWith("/province")) ? back : "/supervisor";

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.hidden = true;
    button.disabled = true;
    try {
      const me = await Qk.post(QkHub.routes.Login, {
        userName: document.getElementById("user-name").value.trim(),
        password: document.getElementById("password").value,
      });
      if (me.role === "Officer") {
        error.textContent = "Tài khoản cán bộ quầy không có quyền giám sát. / Officers cannot open the supervisor desk.";
        error.hidden = false;
        return;
      }
      if (me.mustChangePassword) {
        askNewPassword();
        return;
      }
      location.href = target;
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
})();
