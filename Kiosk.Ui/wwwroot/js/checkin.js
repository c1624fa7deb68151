// "Tôi đã đặt lịch hẹn" (docs/appointments.md): the booking code from the on-screen keyboard, or
// from a QR scanner that types the code like a keyboard and ends with Enter. The kiosk's own API
// checks in with the hub and prints the ticket; the hub's sentence is shown as it is.
"use strict";

(function () {
  const box = document.getElementById("checkin-code");
  if (!box) return;
  const text = window.kioskText || {};
  const answer = document.getElementById("checkin-answer");
  const ticketBox = document.getElementById("checkin-ticket");
  const maxLength = 64;
  let code = "";
  let busy = false;

  function render() {
    box.textContent = code || box.dataset.placeholder;
    box.classList.toggle("empty", code.length === 0);
  }

  function show(kind, message) {
    answer.className = "answer " + kind;
    answer.dataset.kind = kind;
    answer.textContent = message;
    answer.hidden = false;
  }

  async function submit() {
    if (busy) return;
    busy = true;
    ticketBox.hidden = true;
    try {
      const response = await fetch("/kiosk-api/check-in", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ code }),
        cache: "no-store",
      });
      const result = response.ok ? await response.json() : { kind: "HubUnavailable", message: text["checkin.hubUnavailable"] };
      show(result.kind === "CheckedIn" ? (result.late ? "late" : "found") : "refused", result.message);
      if (result.ticket) {
        document.getElementById("checkin-number").textContent = result.ticket.number;
        document.getElementById("checkin-service").textContent = result.ticket.serviceLine;
        ticketBox.hidden = false;
        code = "";
        render();
      }
    } catch (_) {
      show("refused", text["checkin.hubUnavailable"]);
    } finally {
      busy = false;
    }
  }

  function press(key) {
    if (key === "enter") {
      submit();
      return;
    }
    if (key === "back") code = code.slice(0, -1);
    else if (key === "clear") code = "";
    else if (code.length < maxLength) code += key.toUpperCase();
    render();
  }

  document.getElementById("checkin-keyboard").addEventListener("click", (e) => {
    const key = e.target.closest("[data-key]");
    if (key) press(key.dataset.key);
  });
  // The scanner: key presses ending with Enter.
  document.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      press("enter");
    } else if (e.key === "Backspace") {
      e.preventDefault();
      press("back");
    } else if (e.key.length === 1 && /[0-9A-Za-z]/.test(e.key)) {
      e.preventDefault();
      press(e.key);
    }
  });
  render();
})();
