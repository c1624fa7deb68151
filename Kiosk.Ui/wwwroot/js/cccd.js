// The chip ID card (CCCD) at the kiosk (issue 12 item 4; hardware-docs/kiosk.md, "Chip ID card").
// The QR scanner types like a keyboard and ends with Enter. On the welcome screen a hidden input
// keeps the focus and takes its keys; a burst counts as a scan only if no two keys are further
// apart than the scanner ever is (Kiosk:ScannerKeyGapMilliseconds), so a person at a keyboard is
// not taken for a card. The kiosk host reads the text and holds the card in its memory; this page
// only ever gets the name, never keeps the number, and writes nothing to any browser storage.
"use strict";

(function () {
  const root = document.getElementById("cccd");
  if (!root) return;
  const text = window.kioskText || {};
  const t = (key, arg) => (text[key] || key).replace("{0}", arg === undefined ? "" : arg);
  const $ = (id) => document.getElementById(id);
  const holdSeconds = Number(root.dataset.holdSeconds || 30);
  const keyGapMs = Number(root.dataset.keyGapMs || 80);
  const ticketSeconds = Number(document.body.dataset.ticketSeconds || 15);
  const scans = root.dataset.scan === "true";
  // Shorter than any card's QR (12 digits, 6 separators, a name, two dates): stray keys, not a scan.
  const minimumScanLength = 12;

  let present = false;
  let maskedName = null;
  let lastTouch = Date.now();
  let lastKeepAlive = 0;
  let hideTimer = 0;

  async function call(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      keepalive: method === "DELETE",
    });
    if (!response.ok) throw new Error("kiosk-api answered " + response.status);
    return response.json();
  }

  // --- What the screen shows: the greeting while the card is held, the masked name after. ---
  function showPresent(answer) {
    present = true;
    maskedName = answer.maskedName;
    clearTimeout(hideTimer);
    $("cccd-greeting").textContent = t("cccd.hello", answer.name);
    root.dataset.state = "present";
    const elderly = answer.elderlyChoice ? t("cccd.elderly", answer.elderlyChoice) : null;
    $("cccd-elderly").textContent = elderly || "";
    $("cccd-elderly").hidden = !elderly;
    const offer = $("cccd-priority-offer");
    if (offer) {
      offer.textContent = elderly || "";
      offer.hidden = !elderly;
    }
    const elderlyButton = document.querySelector("#priority-panel [data-priority='Elderly']");
    if (elderlyButton) elderlyButton.classList.toggle("suggested", Boolean(elderly));
    if ($("cccd-actions")) $("cccd-actions").hidden = false;
    $("cccd-card").hidden = false;
  }

  function showMasked(masked) {
    present = false;
    clearTimeout(hideTimer);
    root.dataset.state = "masked";
    for (const id of ["cccd-elderly", "cccd-priority-offer", "cccd-actions", "cccd-dossiers"]) {
      if ($(id)) $(id).hidden = true;
    }
    const elderlyButton = document.querySelector("#priority-panel [data-priority='Elderly']");
    if (elderlyButton) elderlyButton.classList.remove("suggested");
    if (!masked) {
      $("cccd-card").hidden = true;
      return;
    }
    $("cccd-greeting").textContent = t("cccd.hello", masked);
    // The masked name stays a while so the citizen sees the card was let go, then the box goes.
    hideTimer = setTimeout(() => {
      $("cccd-card").hidden = true;
      root.dataset.state = "none";
    }, ticketSeconds * 1000);
  }

  async function forget() {
    if (!present) return;
    const fallback = maskedName;
    showMasked(fallback);
    try {
      const answer = await call("DELETE", "/kiosk-api/citizen");
      if (answer.maskedName) showMasked(answer.maskedName);
    } catch (_) {
      /* the host drops the card on its own after the same time */
    }
  }

  // --- Held only while used: the host's timer and this page's agree on "so many seconds without a touch". ---
  const touched = () => {
    lastTouch = Date.now();
    // Keep the host's hold alive while the citizen is busy here (at most every 5 s).
    if (present && lastTouch - lastKeepAlive > 5000) {
      lastKeepAlive = lastTouch;
      call("GET", "/kiosk-api/citizen")
        .then((answer) => {
          if (answer.kind !== "Present") showMasked(maskedName);
        })
        .catch(() => {});
    }
  };
  for (const type of ["pointerdown", "keydown", "touchstart"]) {
    document.addEventListener(type, touched, { capture: true, passive: true });
  }
  setInterval(() => {
    if (present && Date.now() - lastTouch >= holdSeconds * 1000) forget();
  }, 500);
  document.addEventListener("kiosk:idle-reset", () => {
    if (present) fetch("/kiosk-api/citizen", { method: "DELETE", keepalive: true }).catch(() => {});
  });

  // --- A ticket taken with the card (the take-a-number screen): the host has dropped it; mask the name. ---
  document.addEventListener("kiosk:ticket", (e) => {
    const result = e.detail || {};
    const masked = result.citizenMaskedName || (present && result.kind === "Issued" ? maskedName : null);
    if (!masked) return;
    showMasked(masked);
    const onTicket = $("cccd-ticket-name");
    if (onTicket) {
      onTicket.textContent = t("cccd.hello", masked);
      onTicket.hidden = false;
    }
  });

  // --- The citizen's dossiers and the check-in (welcome screen). ---
  async function loadDossiers() {
    const box = $("cccd-dossiers");
    if (!box) return;
    const note = $("cccd-dossiers-note");
    const list = $("cccd-dossier-list");
    list.innerHTML = "";
    let answer;
    try {
      answer = await call("POST", "/kiosk-api/citizen/dossiers", {});
    } catch (_) {
      answer = { kind: "Unavailable", dossiers: [], message: t("cccd.dossiers.unavailable") };
    }
    if (!present || answer.kind === "NoCard") return;
    box.hidden = false;
    note.dataset.kind = answer.kind;
    note.textContent =
      answer.kind === "None"
        ? t("cccd.dossiers.none")
        : answer.kind === "Unavailable"
          ? answer.message || t("cccd.dossiers.unavailable")
          : "";
    note.hidden = answer.kind === "Found";
    const date = (s) => (s ? s.split("-").reverse().join("/") : "–");
    for (const item of answer.dossiers) {
      const d = item.dossier;
      const card = document.createElement("div");
      card.className = "answer found" + (item.status ? " tone-" + item.status.tone : "");
      card.dataset.code = d.code;
      if (item.status) {
        const meaning = document.createElement("p");
        meaning.className = "meaning";
        meaning.textContent = item.status.meaning;
        card.append(meaning);
      }
      const rows = [
        ["dossier.code", d.code],
        ["dossier.state", d.stateText || d.state],
        ["dossier.procedure", d.procedureName],
        ["dossier.due", date(d.dueOn)],
      ];
      const dl = document.createElement("dl");
      for (const [key, value] of rows) {
        const dt = document.createElement("dt");
        dt.textContent = t(key);
        const dd = document.createElement("dd");
        dd.textContent = value;
        dl.append(dt, dd);
      }
      card.append(dl);
      list.append(card);
    }
  }

  async function checkIn() {
    const box = $("cccd-check-in-answer");
    box.hidden = false;
    box.dataset.kind = "wait";
    box.textContent = t("ticket.wait");
    let answer;
    try {
      answer = await call("POST", "/kiosk-api/citizen/check-in", {});
    } catch (_) {
      answer = { kind: "Unavailable", message: t("cccd.checkIn.unavailable") };
    }
    box.dataset.kind = answer.kind;
    box.textContent = "";
    if (answer.kind === "NoCard") {
      box.textContent = t("cccd.expired");
      showMasked(maskedName);
      return;
    }
    // A refusal (no booking for this card, already checked in) is the hub's own sentence, as written.
    const message = document.createElement("p");
    message.id = "cccd-check-in-message";
    message.textContent = answer.message || "";
    if (answer.kind !== "CheckedIn" || !answer.ticket || !answer.ticket.ticket) {
      box.append(message);
      return;
    }
    const ticket = answer.ticket.ticket;
    const label = document.createElement("p");
    label.textContent = t("ticket.yourNumber");
    const number = document.createElement("p");
    number.className = "ticket-number";
    number.id = "cccd-ticket-number";
    number.textContent = ticket.number;
    const service = document.createElement("p");
    service.textContent = ticket.serviceLine;
    const print = document.createElement("p");
    print.textContent = ticket.printed ? t("ticket.printed") : t("ticket.printFailed");
    box.append(label, number, service, message, print);
    showMasked(answer.ticket.citizenMaskedName || maskedName);
    $("cccd-card").hidden = false;
    $("cccd-check-in-answer").hidden = false;
  }

  // --- The scanner (welcome screen only). ---
  if (scans) {
    const input = $("cccd-input");
    const problem = $("cccd-problem");
    let lastKeyAt = 0;
    let burst = "";
    const keepFocus = () => {
      if (document.activeElement !== input) input.focus({ preventScroll: true });
    };
    // A tap elsewhere takes the focus; the scanner's next key must still land here.
    input.addEventListener("blur", () => setTimeout(keepFocus, 0));
    keepFocus();
    // The characters are taken from the input events themselves and the field is kept empty, so
    // neither the caret nor a character the OS composes (a Vietnamese letter) can reorder them.
    input.addEventListener("beforeinput", (e) => {
      e.preventDefault();
      // A paste (an installer testing with a typed string, hardware-docs/kiosk.md) arrives as one event.
      const data = e.data || (e.dataTransfer ? e.dataTransfer.getData("text/plain") : "");
      if (!data) return;
      const now = performance.now();
      // A key slower than the scanner ever is: what came before was not part of this scan.
      if (now - lastKeyAt > keyGapMs) burst = "";
      lastKeyAt = now;
      burst = (burst + data).slice(-2000);
    });
    input.addEventListener("input", () => {
      input.value = "";
    });
    input.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      e.preventDefault();
      const inBurst = performance.now() - lastKeyAt <= keyGapMs;
      const scanned = burst;
      burst = "";
      lastKeyAt = 0;
      if (inBurst && scanned.length >= minimumScanLength) read(scanned);
    });

    async function read(scanned) {
      problem.hidden = true;
      let answer;
      try {
        answer = await call("POST", "/kiosk-api/citizen/scan", { text: scanned });
      } catch (_) {
        answer = { kind: "Malformed", message: t("cccd.problem.Empty") };
      }
      if (answer.kind !== "Present") {
        // Not a card: one sentence; nothing is kept and whatever was on screen stays as it was.
        problem.textContent = answer.message || t("cccd.problem.Empty");
        problem.dataset.problem = answer.problem || "";
        problem.hidden = false;
        return;
      }
      lastTouch = Date.now();
      $("cccd-check-in-answer").hidden = true;
      showPresent(answer);
      loadDossiers();
    }

    $("cccd-done").addEventListener("click", forget);
    $("cccd-check-in").addEventListener("click", checkIn);
  }

  // A card scanned on the welcome screen greets the citizen on the next screens too.
  call("GET", "/kiosk-api/citizen")
    .then((answer) => {
      if (answer.kind !== "Present") return;
      showPresent(answer);
      loadDossiers();
    })
    .catch(() => {});
})();
