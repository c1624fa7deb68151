// Officer sign-in: POST /api/auth/login with the chosen counter, then the console.
"use strict";

(function () {
  const form = document.getElementById("login-form");
  // A password an admin set: the account chooses its own before its page opens.
  const askNewPassword = QkChangePassword(
    form,
    (route, body) => QkApi.post(route, body),
    () => {
      location.href = "/officer";
    },
  );
  const error = document.getElementById("login-error");
  const counter = document.getElementById("counter");
  const button = document.getElementById("login-button");

  // The PC at a counter is usually the same counter every day.
  const remembered = localStorage.getItem("qk.counterId");
  if (remembered && [...counter.options].some((o) => o.value === remembered)) {
    counter.value = remembered;
  }

  // A select does not submit its form on Enter by itself: the officer picks the counter with the
  // arrow keys and presses Enter, as in the other fields.
  counter.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      form.requestSubmit();
    }
  });

  // Someone else is signed in at the counter: the hub named them; taking over is a second,
  // deliberate press (their console is told and signed out).
  const takeOver = document.getElementById("takeover-button");
  let confirmTakeOver = false;
  takeOver.addEventListener("click", () => {
    confirmTakeOver = true;
    form.requestSubmit();
  });
  counter.addEventListener("change", () => {
    takeOver.hidden = true;
  });

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.hidden = true;
    const takingOver = confirmTakeOver;
    confirmTakeOver = false;
    takeOver.hidden = true;
    if (!counter.value) {
      error.textContent = "Vui lòng chọn quầy làm việc.";
      error.hidden = false;
      return;
    }
    button.disabled = true;
    try {
      const me = await QkApi.post(QkHub.routes.Login, {
        userName: document.getElementById("user-name").value.trim(),
        password: document.getElementById("password").value,
        counterId: counter.value,
        takeOver: takingOver,
      });
      localStorage.setItem("qk.counterId", counter.value);
      if (me && me.mustChangePassword) {
        askNewPassword();
        return;
      }
      location.href = "/officer";
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
      takeOver.hidden = err.code !== "auth.counter_occupied";
    } finally {
      button.disabled = false;
    }
  });
})();
