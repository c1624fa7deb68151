// Kiosk screens: plain JavaScript, no framework. Everything a citizen does is a tap on a large
// target; a barcode scanner "types" into the dossier page like a keyboard.
"use strict";

(function () {
  const text = window.kioskText || {};
  const body = document.body;
  const idleSeconds = Number(body.dataset.idleSeconds || 60);
  const idleWarningSeconds = Number(body.dataset.idleWarningSeconds || 10);
  const ticketSeconds = Number(body.dataset.ticketSeconds || 15);
  const lang = body.dataset.lang || "vi";
  const t = (key, arg) => (text[key] || key).replace("{0}", arg === undefined ? "" : arg);
  const $ = (id) => document.getElementById(id);

  // --- No selection, no context menu, no dragging: a kiosk is not a desktop. ---
  for (const type of ["contextmenu", "selectstart", "dragstart"]) {
    document.addEventListener(type, (e) => e.preventDefault());
  }

  // --- Idle reset: back to the welcome screen in Vietnamese after the site's idle time without a
  // touch. Its last seconds show a countdown with "Tiếp tục" over whatever is open (the priority
  // question too), so nobody loses their place without warning. Any touch or key counts. ---
  let lastActivity = Date.now();
  const idleWarning = $("idle-warning");
  // The warning hides on the next check after a touch, not on the touch itself: hiding it under
  // the finger would let the same tap land on the button beneath it.
  const touched = () => {
    lastActivity = Date.now();
  };
  for (const type of ["pointerdown", "keydown", "touchstart"]) {
    document.addEventListener(type, touched, { capture: true, passive: true });
  }
  $("idle-continue").addEventListener("click", () => {
    touched();
    idleWarning.hidden = true;
  });
  function resetToWelcome() {
    // A chip ID card held for this visit is dropped (cccd.js).
    document.dispatchEvent(new CustomEvent("kiosk:idle-reset"));
    document.cookie = "kiosk-lang=vi; path=/; max-age=0";
    window.location.href = "/";
  }
  let resetting = false;
  function checkIdle() {
    const atWelcome = window.location.pathname === "/" && lang === "vi";
    if (atWelcome || resetting) {
      lastActivity = Date.now();
      return;
    }
    const secondsLeft = Math.ceil(idleSeconds - (Date.now() - lastActivity) / 1000);
    if (secondsLeft <= 0) {
      resetting = true;
      resetToWelcome();
      return;
    }
    if (secondsLeft <= idleWarningSeconds) {
      $("idle-warning-text").textContent = t("idle.warning", secondsLeft);
      idleWarning.hidden = false;
    } else if (!idleWarning.hidden) {
      idleWarning.hidden = true;
    }
  }
  setInterval(checkIdle, 250);

  // --- Header: back and language. ---
  document.addEventListener("click", (e) => {
    const target = e.target.closest("[data-action]");
    if (!target) return;
    e.preventDefault();
    if (target.dataset.action === "back") goBack();
    if (target.dataset.action === "lang") {
      document.cookie = "kiosk-lang=" + (lang === "vi" ? "en" : "vi") + "; path=/; max-age=3600";
      window.location.reload();
    }
  });
  function goBack() {
    // Back to where the citizen came from on this kiosk (keeps a search), else one level up.
    const from = document.referrer;
    if (from.startsWith(window.location.origin + "/") && from !== window.location.href && window.history.length > 1) {
      window.history.back();
      return;
    }
    const path = window.location.pathname;
    if (window.location.search) window.location.href = path;
    else if (path.startsWith("/thu-tuc/")) window.location.href = "/thu-tuc";
    else window.location.href = "/";
  }

  // --- Clock and date in Vietnamese (or English). ---
  const locale = lang === "en" ? "en-GB" : "vi-VN";
  function tick() {
    const now = new Date();
    // The office's own zone, whatever the kiosk PC's clock zone is set to.
    const timeZone = body.dataset.zone || "Asia/Ho_Chi_Minh";
    const time = now.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", timeZone });
    const date = now.toLocaleDateString(locale, { weekday: "long", day: "2-digit", month: "2-digit", year: "numeric", timeZone });
    if ($("clock")) $("clock").textContent = date + " – " + time;
    if ($("welcome-date")) $("welcome-date").textContent = time + " · " + date;
  }
  tick();
  setInterval(tick, 1000);

  // --- Taking a number needs the hub (and opening hours): while it cannot work, every control that
  // starts or continues it is disabled and the notice says why in one sentence, before the
  // citizen starts (issue 10 item 6). The page comes rendered in the right state; the poll below
  // follows the kiosk host, which probes the hub every second. ---
  let canIssue = body.dataset.canIssue !== "false";
  function applyCanIssue() {
    body.classList.toggle("cannot-issue", !canIssue);
    for (const control of document.querySelectorAll("[data-needs-hub]")) {
      if (canIssue) control.removeAttribute("aria-disabled");
      else control.setAttribute("aria-disabled", "true");
      if (control.tagName === "BUTTON") control.disabled = !canIssue;
    }
  }
  applyCanIssue();
  document.addEventListener(
    "click",
    (e) => {
      if (canIssue || !e.target.closest("[data-needs-hub]")) return;
      e.preventDefault();
      e.stopPropagation();
    },
    { capture: true },
  );

  // --- The one-sentence notice (hub down, closed, paper out), refreshed twice a second. ---
  function noticeText(state) {
    switch (state.notice) {
      case "None":
        return null;
      case "Closed":
        return state.opensAt ? t("notice.ClosedOpens", state.opensAt) : t("notice.Closed");
      default:
        return t("notice." + state.notice);
    }
  }
  async function refreshState() {
    try {
      const response = await fetch("/kiosk-api/state", { cache: "no-store" });
      if (!response.ok) return;
      const state = await response.json();
      const message = noticeText(state);
      const notice = $("notice");
      notice.textContent = message || "";
      notice.hidden = !message;
      if (state.canIssue !== canIssue) {
        canIssue = state.canIssue;
        applyCanIssue();
      }
    } catch (_) {
      /* the kiosk host itself is local; ignore a blip */
    }
  }
  setInterval(refreshState, 500);

  // --- Search with the on-screen keyboard. ---
  const searchText = $("search-text");
  if (searchText) {
    const box = $("search-box");
    const results = $("search-results");
    const none = $("search-none");
    const browse = $("browse");
    const mode = browse ? browse.dataset.searchTarget : "procedure-page";
    let query = "";
    let timer = 0;
    let seq = 0;
    const render = () => {
      searchText.textContent = query;
      box.classList.toggle("empty", query.length === 0);
      if (query.length === 0) searchText.textContent = box.dataset.placeholder;
    };
    render();
    $("search-keyboard").addEventListener("click", (e) => {
      const key = e.target.closest("[data-key]");
      if (!key) return;
      const k = key.dataset.key;
      if (k === "back") query = query.slice(0, -1);
      else if (k === "clear") query = "";
      else if (k === " ") {
        if (query.length && !query.endsWith(" ")) query += " ";
      } else if (query.length < 60) query += k.toLowerCase();
      render();
      clearTimeout(timer);
      timer = setTimeout(search, 120);
    });
    async function search() {
      const mine = ++seq;
      const q = query.trim();
      if (!q) {
        results.innerHTML = "";
        none.hidden = true;
        if (browse) browse.hidden = false;
        return;
      }
      const response = await fetch("/kiosk-api/search?q=" + encodeURIComponent(q), { cache: "no-store" });
      const hits = response.ok ? await response.json() : [];
      if (mine !== seq) return;
      if (browse) browse.hidden = true;
      results.innerHTML = "";
      none.hidden = hits.length > 0;
      const shown = hits.slice(0, 12);
      // In English, names the catalogue has only in Vietnamese are set apart and the note says why.
      $("search-untranslated").hidden = !shown.some((hit) => hit.translated === false);
      for (const hit of shown) {
        const item = document.createElement(mode === "take" ? "button" : "a");
        item.className = "list-item procedure";
        if (mode === "take") {
          item.type = "button";
          item.dataset.needsHub = "";
          item.dataset.procedureId = hit.id;
          item.dataset.procedureName = hit.name;
        } else {
          item.href = "/thu-tuc/" + hit.id;
        }
        const name = document.createElement("span");
        name.className = hit.translated === false ? "name untranslated" : "name";
        if (hit.translated === false) name.lang = "vi";
        name.textContent = hit.name;
        const meta = document.createElement("span");
        meta.className = "meta";
        meta.textContent = hit.code + " · " + hit.fieldName;
        item.append(name, meta);
        results.append(item);
      }
      applyCanIssue();
    }
  }

  // --- Take a number: procedure -> priority question -> ticket on screen. ---
  const priorityPanel = $("priority-panel");
  if (priorityPanel) {
    // Either a procedure (its service follows from it) or a service alone (a dossier's result).
    let chosen = { procedureId: null, serviceId: null };
    const openPriority = (procedureId, name, serviceId) => {
      chosen = { procedureId: procedureId || null, serviceId: serviceId || null };
      $("priority-procedure").textContent = name;
      priorityPanel.hidden = false;
    };
    document.addEventListener("click", (e) => {
      const item = e.target.closest("[data-procedure-id]");
      if (item) openPriority(item.dataset.procedureId, item.dataset.procedureName);
    });
    $("priority-cancel").addEventListener("click", () => {
      priorityPanel.hidden = true;
    });
    priorityPanel.addEventListener("click", (e) => {
      const choice = e.target.closest("[data-priority]");
      if (choice) takeNumber(chosen, choice.dataset.priority);
    });
    if (priorityPanel.dataset.preselectId) {
      openPriority(priorityPanel.dataset.preselectId, priorityPanel.dataset.preselectName);
    } else if (priorityPanel.dataset.preselectServiceId) {
      openPriority(null, priorityPanel.dataset.preselectServiceName, priorityPanel.dataset.preselectServiceId);
    }

    const ticketPanel = $("ticket-panel");
    let closeTimer = 0;
    let busy = false;
    $("ticket-done").addEventListener("click", () => {
      window.location.href = "/";
    });

    async function takeNumber({ procedureId, serviceId }, priority) {
      if (busy) return; // a second tap while the first is on its way must not take two numbers
      busy = true;
      priorityPanel.hidden = true;
      ticketPanel.hidden = false;
      $("ticket-wait").hidden = false;
      $("ticket-body").hidden = true;
      $("ticket-error").hidden = true;
      $("ticket-done").hidden = true;
      let result;
      try {
        const response = await fetch("/kiosk-api/tickets", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ procedureId, serviceId, priority }),
        });
        result = response.ok ? await response.json() : { kind: "HubUnavailable" };
      } catch (_) {
        result = { kind: "HubUnavailable" };
      }
      busy = false;
      // cccd.js masks the name of a chip ID card that went with the request.
      document.dispatchEvent(new CustomEvent("kiosk:ticket", { detail: result }));
      $("ticket-wait").hidden = true;
      $("ticket-done").hidden = false;
      if (result.kind !== "Issued") {
        const error = $("ticket-error");
        error.textContent =
          result.kind === "Closed" && result.detail
            ? t("issue.ClosedOpens", result.detail)
            : result.kind === "Rejected"
              ? t("issue.Rejected", result.detail || "")
              : t("issue." + result.kind);
        error.hidden = false;
        return;
      }
      showTicket(result.ticket);
    }

    function showTicket(ticket) {
      $("ticket-number").textContent = ticket.number;
      // Worded by the kiosk host as the paper is (one source): service with priority, then the facts.
      $("ticket-service").textContent = ticket.serviceLine;
      $("ticket-procedure").textContent = ticket.procedureName || "";
      $("ticket-procedure").hidden = !ticket.procedureName;
      const facts = $("ticket-facts");
      facts.innerHTML = "";
      const factIds = {
        Counters: "ticket-counters",
        PeopleAhead: "ticket-ahead",
        EstimatedWait: "ticket-estimate",
        IssuedAt: "ticket-issued",
      };
      for (const fact of ticket.facts) {
        const dt = document.createElement("dt");
        dt.textContent = fact.label;
        const dd = document.createElement("dd");
        dd.id = factIds[fact.kind] || "";
        dd.textContent = fact.value;
        facts.append(dt, dd);
      }
      const print = $("ticket-print");
      print.textContent = ticket.printed
        ? t("ticket.printed")
        : ticket.printResult === "Pending"
          ? t("ticket.printPending")
          : t("ticket.printFailed");
      print.classList.toggle("failed", !ticket.printed);
      $("ticket-panel").dataset.printed = String(ticket.printed);
      $("ticket-body").hidden = false;
      // A printed ticket leaves the screen after a while; a failed one stays until touched or idle.
      if (ticket.printed) {
        clearTimeout(closeTimer);
        closeTimer = setTimeout(() => {
          window.location.href = "/";
        }, ticketSeconds * 1000);
      }
    }
  }

  // --- Dossier lookup: on-screen keyboard with the separators filled in, or a scanner. ---
  const codeBox = $("dossier-code");
  if (codeBox) {
    // V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX: d = digit, L = letter, anything else is a separator.
    const template = "ddd.dd.dd.Ldd-dddddd-dddd";
    let code = "";
    const renderCode = () => {
      codeBox.textContent = code || codeBox.dataset.placeholder;
      codeBox.classList.toggle("empty", code.length === 0);
    };
    renderCode();
    const typeChar = (c) => {
      c = c.toUpperCase();
      if (code.length >= 64) return;
      const slot = template[code.length];
      const isSeparator = (x) => x === "." || x === "-";
      if (slot && isSeparator(slot) && !isSeparator(c)) code += slot;
      code += c;
    };
    const press = (k) => {
      if (k === "back") code = code.slice(0, -1);
      else if (k === "clear") code = "";
      else if (k === "enter") {
        lookup();
        return;
      } else typeChar(k);
      renderCode();
    };
    $("dossier-keyboard").addEventListener("click", (e) => {
      const key = e.target.closest("[data-key]");
      if (key) press(key.dataset.key);
    });
    // A scanner sends the code as key presses ending with Enter; a QR code may hold a whole URL.
    document.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        press("enter");
      } else if (e.key === "Backspace") {
        e.preventDefault();
        press("back");
      } else if (e.key.length === 1 && /[0-9A-Za-z.-]/.test(e.key)) {
        e.preventDefault();
        code += e.key.toUpperCase();
        renderCode();
      }
    });

    // "14:05 ngày 03/12/2026" / "14:05 on 03/12/2026", in the kiosk's own time zone.
    function formatMoment(iso) {
      const at = new Date(iso);
      const pad = (n) => String(n).padStart(2, "0");
      const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
      const day = `${pad(at.getDate())}/${pad(at.getMonth() + 1)}/${at.getFullYear()}`;
      return lang === "en" ? `${time} on ${day}` : `${time} ngày ${day}`;
    }

    async function lookup() {
      const found = /\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}/.exec(code);
      const wanted = found ? found[0] : code;
      const answer = $("dossier-answer");
      if (!wanted) {
        show("empty", t("dossier.empty"));
        return;
      }
      let result;
      try {
        const response = await fetch("/kiosk-api/dossiers/" + encodeURIComponent(wanted), { cache: "no-store" });
        result = response.ok ? await response.json() : { kind: "HubUnavailable" };
      } catch (_) {
        result = { kind: "HubUnavailable" };
      }
      switch (result.kind) {
        case "Found":
          showDossier(result.dossier, result.status);
          break;
        case "NotFound":
          show("not-found", t("dossier.notFound"));
          break;
        case "Empty":
          show("empty", t("dossier.empty"));
          break;
        case "Malformed":
          show("malformed", t("dossier.malformed"));
          break;
        default:
          show("hub-unavailable", t("dossier.hubUnavailable"));
      }
      function show(kind, message) {
        answer.className = "answer " + kind;
        answer.dataset.kind = kind;
        answer.textContent = message;
        answer.hidden = false;
      }
      // The colour (tone) and the sentence come with the answer (Kiosk.Ui Dossiers/DossierStatusLook).
      function showDossier(d, status) {
        const tone = status ? "tone-" + status.tone : "";
        answer.className = "answer found " + tone;
        answer.dataset.kind = "found";
        answer.dataset.tone = status ? status.tone : "";
        answer.innerHTML = "";
        if (status) {
          const meaning = document.createElement("p");
          meaning.className = "meaning";
          meaning.id = "dossier-meaning";
          meaning.textContent = status.meaning;
          answer.append(meaning);
        }
        // The hub's upstream (the province) did not answer: this is its last known status (docs/province.md).
        if (d.mayBeOutdated) {
          const outdated = document.createElement("p");
          outdated.className = "outdated";
          outdated.id = "dossier-outdated";
          outdated.dataset.testid = "dossier-outdated";
          outdated.textContent = d.statusAsOf ? t("dossier.outdated", formatMoment(d.statusAsOf)) : t("dossier.outdatedUnknown");
          answer.append(outdated);
        }
        if (status && status.resultServiceId) {
          const take = document.createElement("a");
          take.className = "action primary";
          take.id = "dossier-take-result";
          take.href = "/lay-so?service=" + encodeURIComponent(status.resultServiceId);
          take.textContent = t("dossier.takeResult");
          answer.append(take);
        }
        const date = (s) => (s ? s.split("-").reverse().join("/") : "–");
        const rows = [
          ["dossier.code", d.code],
          ["dossier.state", d.stateText || d.state],
          ["dossier.procedure", d.procedureName],
          ["dossier.applicant", d.maskedApplicantName],
          ["dossier.received", date(d.receivedOn)],
          ["dossier.due", date(d.dueOn)],
        ];
        if (d.completedOn) rows.push(["dossier.completed", date(d.completedOn)]);
        if (d.note) rows.push(["dossier.note", d.note]);
        const list = document.createElement("dl");
        for (const [key, value] of rows) {
          const dt = document.createElement("dt");
          dt.textContent = t(key);
          const dd = document.createElement("dd");
          dd.textContent = value;
          if (key === "dossier.state") {
            dd.className = "state " + tone;
            dd.id = "dossier-state";
          }
          list.append(dt, dd);
        }
        answer.append(list);
        answer.hidden = false;
      }
    }
  }
})();
