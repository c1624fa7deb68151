// Officer sign-in: POST /api/auth/login with the chosen counter, then the console.
"use strict";

(function () {
  const form = document.getElementById("login-form");
  const error = document.getElementById("login-error");
  const counter = document.getElementById("counter");
  const button = document.getElementById("login-button");

  // The PC at a counter is usually the same counter every day.
  const remembered = localStorage.getItem("qk.counterId");
  if (remembered && [...counter.options].some((o) => o.value === remembered)) {
    counter.value = remembered;
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.hidden = true;
    if (!counter.value) {
      error.textContent = "Vui lòng chọn quầy làm việc.";
      error.hidden = false;
      return;
    }
    button.disabled = true;
    try {
      await QkApi.post(QkHub.routes.Login, {
        userName: document.getElementById("user-name").value.trim(),
        password: document.getElementById("password").value,
        counterId: counter.value,
      });
      localStorage.setItem("qk.counterId", counter.value);
      location.href = "/officer";
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
})();
