// The form of Pages/Shared/_ChangePassword.cshtml, one script for the officer's and the supervisor's
// sign-in: an account whose password an admin set chooses its own before its page opens.
// post(route, body) is the page's JSON poster (errors carry the API's Vietnamese message);
// goOn() opens the page the account signed in for. Answers the function that shows the form.
"use strict";

window.QkChangePassword = function (loginForm, post, goOn) {
  const passwordForm = document.getElementById("password-form");
  const passwordError = document.getElementById("password-error");

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
      await post(QkHub.routes.OwnPassword, {
        currentPassword: document.getElementById("password").value,
        newPassword,
      });
      goOn();
    } catch (err) {
      passwordError.textContent = err.message;
      passwordError.hidden = false;
    }
  });

  return function askNewPassword() {
    loginForm.hidden = true;
    passwordForm.hidden = false;
    document.getElementById("new-password").focus();
  };
};
