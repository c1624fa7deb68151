// One counter's own screen (/counter/{number}): its number and the ticket it is serving.
"use strict";

(function () {
  const { clockText } = window.QkPage;
  const $ = (id) => document.getElementById(id);
  const number = Number(location.pathname.split("/").filter(Boolean).pop());
  let hubConnected = true;
  let linkUp = false;

  $("counter-label").textContent = `Quầy ${number}`;

  function showOffline() {
    $("offline").hidden = hubConnected && linkUp;
    document.body.dataset.online = String(hubConnected && linkUp);
  }

  function render(state) {
    hubConnected = state.hubConnected;
    showOffline();
    const c = state.counters.find((x) => x.number === number);
    const ticket = c && c.ticketNumber;
    $("ticket").textContent = ticket || "---";
    $("ticket").dataset.ticket = ticket || "";
    $("state").textContent = !c
      ? ""
      : c.state === "Paused"
        ? `Tạm dừng${c.pauseReason ? ": " + c.pauseReason : ""}`
        : c.state === "Closed"
          ? "Quầy đóng"
          : "";
  }

  const tick = () => {
    $("clock").textContent = clockText(new Date()).time;
  };
  tick();
  setInterval(tick, 1000);
  QkLiveFeed.stream({
    on: { state: render },
    onLink: (up) => {
      linkUp = up;
      showOffline();
    },
  });
})();
