// Supervisor sign-in: POST /api/auth/login without a counter, then back to the page asked for.
"use strict";

(function () {
  const form = document.getElementById("login-form");
  const error = document.getElementById("login-error");
  const button = document.getElementById("login-button");
  const params = new URLSearchParams(location.search);
  const back = params.get("returnUrl");
  const target = back && back.startsWith("/supervisor") ? back : "/supervisor";

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

  // A password an admin set: the supervisor chooses their own before the desk opens.
  const passwordForm = document.getElementById("password-form");
  const passwordError = document.getElementById("password-error");

  function askNewPassword() {
    form.hidden = true;
    passwordForm.hidden = false;
    document.getElementById("new-password").focus();
  }

  passwordForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    passwordError.hidden = true;
    const newPassword = document.getElementById("new-password").value;
    if (newPassword !== document.getElementById("new-password-again").value) {
      passwordError.textContent = "Hai lần nhập mật khẩu mới không giống nhau.";
      passwordError.hidden = false;
      return;
    }
    try {
      await Qk.post(QkHub.routes.OwnPassword, {
        currentPassword: document.getElementById("password").value,
        newPassword,
      });
      location.href = target;
    } catch (err) {
      passwordError.textContent = err.message;
      passwordError.hidden = false;
    }
  });
})();
