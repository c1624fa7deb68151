// The officer console. All actions go through the REST API; the hub pushes what changed through
// the shared live feed (lib/live-feed.js): on every (re)connect, and whenever a sequence number
// shows a missed event, the whole state is fetched again from the snapshot. Names of routes,
// events and hub methods come from /hub-contract.js (QkHub).
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const api = window.QkApi;

  const model = {
    me: null,
    siteId: null,
    counterId: null,
    counters: new Map(),
    services: new Map(),
    waiting: new Map(),
    active: new Map(),
  };
  window.qkConsole = model;

  const { routes, events, methods, counterActions } = QkHub;
  let busy = false;

  const statusVi = {
    Waiting: "Đang chờ",
    Called: "Đã gọi",
    Serving: "Đang phục vụ",
    Served: "Đã xong",
    NoShow: "Vắng mặt",
    Transferred: "Đã chuyển",
    Cancelled: "Đã huỷ",
    Expired: "Hết hạn",
  };
  const priorityVi = {
    None: "",
    Elderly: "Người cao tuổi",
    Disabled: "Người khuyết tật",
    Pregnant: "Phụ nữ mang thai",
    RevolutionaryMerit: "Người có công",
  };
  const counterStateVi = { Open: "Đang mở", Paused: "Tạm dừng", Closed: "Đóng" };

  // ---- messages --------------------------------------------------------------------------
  let messageTimer = null;
  function say(text, kind) {
    const m = $("message");
    m.textContent = text;
    m.className = "message " + (kind || "info");
    m.hidden = false;
    clearTimeout(messageTimer);
    if (kind !== "error")
      messageTimer = setTimeout(() => {
        m.hidden = true;
      }, 6000);
  }

  // "Quầy 2 - Hộ tịch", never "Quầy 2 - Quầy 2 - Hộ tịch" when the name already says it.
  function counterLabel(c) {
    return c.name.startsWith("Quầy") ? c.name : `Quầy ${c.number} - ${c.name}`;
  }

  // One question before an action that cannot wait for the undo bar (calling next over a current
  // ticket, closing the counter). Resolves true only when the officer presses the named button;
  // "Quay lại" has the focus, so a second Space does not confirm by accident.
  function confirmStep(title, text, okLabel) {
    return new Promise((resolve) => {
      const dialog = $("confirm-dialog");
      $("confirm-title").textContent = title;
      $("confirm-text").textContent = text;
      $("confirm-ok").textContent = okLabel;
      let answer = false;
      const ok = (e) => {
        e.preventDefault();
        answer = true;
        dialog.close();
      };
      const back = () => dialog.close();
      $("confirm-form").addEventListener("submit", ok);
      $("confirm-cancel").addEventListener("click", back);
      dialog.addEventListener(
        "close",
        () => {
          $("confirm-form").removeEventListener("submit", ok);
          $("confirm-cancel").removeEventListener("click", back);
          resolve(answer);
        },
        { once: true },
      );
      dialog.showModal();
      $("confirm-cancel").focus();
    });
  }

  // ---- undo ------------------------------------------------------------------------------
  // Finish, no-show, cancel and transfer can be undone for 10 s (the hub's QueueEngine.UndoWindow):
  // the undo is a queue action on the hub (POST .../undo), recorded as an "Undone" event.
  const undoSeconds = 10;
  let undoTimer = null;
  let undoTicket = null;

  function offerUndo(ticket, text) {
    undoTicket = ticket;
    let left = undoSeconds;
    $("undo-text").textContent = text;
    $("undo-seconds").textContent = String(left);
    $("undo-bar").hidden = false;
    clearInterval(undoTimer);
    undoTimer = setInterval(() => {
      left--;
      $("undo-seconds").textContent = String(left);
      if (left <= 0) hideUndo();
    }, 1000);
  }

  function hideUndo() {
    clearInterval(undoTimer);
    undoTicket = null;
    $("undo-bar").hidden = true;
  }

  function undo() {
    const ticket = undoTicket;
    if (!ticket) return;
    hideUndo();
    act(
      () => counterPost(counterActions.Undo, { ticketId: ticket.id }),
      (r) => `Đã hoàn tác: số ${r.number} ${statusVi[r.status].toLowerCase()}.`,
    );
  }

  function toLogin() {
    location.href = "/officer/login";
  }

  // ---- state -----------------------------------------------------------------------------
  function applySnapshot(s) {
    model.counters = new Map(s.counters.map((c) => [c.id, c]));
    model.services = new Map(s.services.map((x) => [x.id, x]));
    model.waiting = new Map(s.waiting.map((t) => [t.id, t]));
    model.active = new Map(s.active.map((t) => [t.id, t]));
  }

  function upsertTicket(t) {
    model.waiting.delete(t.id);
    model.active.delete(t.id);
    if (t.status === "Waiting") model.waiting.set(t.id, t);
    else if (t.status === "Called" || t.status === "Serving") model.active.set(t.id, t);
  }

  // Counter actions on the hub currently send the counter without its services (the engine
  // locks the row without them); keep the services we know rather than empty the waiting list.
  function upsertCounter(c) {
    const known = model.counters.get(c.id);
    model.counters.set(c.id, known && c.services.length === 0 ? { ...c, services: known.services } : c);
  }

  // Another officer confirmed taking over this counter (issue 10 item 3): the hub ended this
  // session; say who took over before returning to the sign-in page.
  function noticeTakeOver(c) {
    if (c.id !== model.counterId || !c.officerName || !model.me || c.officerName === model.me.displayName) return;
    say(`Cán bộ ${c.officerName} đã tiếp quản quầy này. Phiên làm việc của bạn đã kết thúc.`, "error");
    document.body.dataset.takenOver = "true";
    setTimeout(toLogin, 8000);
  }

  function applyEvent(name, e) {
    switch (name) {
      case events.TicketIssued:
      case events.TicketCalled:
      case events.TicketRecalled:
      case events.TicketChanged:
        upsertTicket(e.ticket);
        break;
      case events.CounterChanged:
        upsertCounter(e.counter);
        noticeTakeOver(e.counter);
        break;
      case events.QueueStats:
        for (const x of e.services) model.services.set(x.id, x);
        break;
    }
    render();
  }

  const feed = QkLiveFeed.sequencer({
    siteId: () => model.siteId,
    fetchSnapshot: () => api.get(QkHub.path(routes.SiteSnapshotTemplate, { siteId: model.siteId })),
    onSnapshot: (snapshot) => {
      applySnapshot(snapshot);
      render();
    },
    onEvent: applyEvent,
    unsequenced: [events.QueueStats],
    onError: (err) => {
      if (err.status === 401) {
        toLogin();
        return false;
      }
      return true;
    },
  });

  // ---- hub -------------------------------------------------------------------------------
  function setLink(up, text) {
    const badge = $("link-state");
    badge.textContent = text;
    badge.className = "badge " + (up ? "online" : "offline");
    document.body.dataset.live = String(up);
  }

  const live = QkLiveFeed.hub({
    // Every queue event (QkHub.events holds Hub.Client's HubEvents and nothing else).
    events: Object.values(events),
    onEvent: (name, e) => feed.push(name, e),
    join: async (connection) => {
      feed.reset();
      await connection.invoke(methods.JoinSite, model.siteId);
      await feed.resync();
    },
    onLink: (up) => setLink(up, up ? "Trực tuyến" : "Mất kết nối - đang kết nối lại..."),
    onStartError: (err) => {
      if (err && String(err).includes("401")) {
        toLogin();
        return false;
      }
      return true;
    },
  });

  // ---- derived views ---------------------------------------------------------------------
  function myCounter() {
    return model.counters.get(model.counterId);
  }

  function currentTicket() {
    const mine = [...model.active.values()].filter((t) => t.counterId === model.counterId);
    mine.sort((a, b) => (b.calledAt || "").localeCompare(a.calledAt || ""));
    return mine[0] || null;
  }

  function myWaiting() {
    const c = myCounter();
    const serviceIds = new Set(c ? c.services.map((s) => s.serviceId) : []);
    return (
      [...model.waiting.values()]
        // A ticket transferred to one counter waits for that counter only.
        .filter((t) => t.targetCounterId === model.counterId || (!t.targetCounterId && serviceIds.has(t.serviceId)))
        .sort((a, b) => (a.priority === "None") - (b.priority === "None") || a.issuedAt.localeCompare(b.issuedAt))
    );
  }

  function minutesSince(iso) {
    return Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 60000));
  }

  function timeOf(iso) {
    return iso ? new Date(iso).toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" }) : "";
  }

  // ---- render ----------------------------------------------------------------------------
  function render() {
    const c = myCounter();
    const state = c ? c.state : "Closed";
    $("counter-title").textContent = c ? counterLabel(c) : "Quầy";
    const stateBadge = $("counter-state");
    stateBadge.textContent = counterStateVi[state] + (state === "Paused" && c.pauseReason ? `: ${c.pauseReason}` : "");
    stateBadge.className = "badge state-" + state.toLowerCase();
    stateBadge.dataset.state = state;
    $("btn-open").hidden = state !== "Closed";
    $("btn-pause").hidden = state !== "Open";
    $("btn-resume").hidden = state !== "Paused";
    $("btn-close").hidden = state === "Closed";

    const t = currentTicket();
    $("current-number").textContent = t ? t.number : "---";
    $("current-number").dataset.ticket = t ? t.number : "";
    $("current-status").textContent = t
      ? statusVi[t.status] + (t.recallCount > 0 ? ` (gọi lại ${t.recallCount} lần)` : "")
      : "Chưa gọi số nào";
    $("current-service").textContent = t ? `Dịch vụ: ${t.serviceName}` : "";
    $("current-procedure").textContent = t && t.procedureName ? `Thủ tục: ${t.procedureName}` : "";
    $("current-priority").textContent = t && t.priority !== "None" ? `Ưu tiên: ${priorityVi[t.priority]}` : "";
    $("current-times").textContent = t
      ? `Lấy số ${timeOf(t.issuedAt)} · gọi ${timeOf(t.calledAt)}${t.serviceStartedAt ? " · bắt đầu " + timeOf(t.serviceStartedAt) : ""}`
      : "";

    const can = !busy;
    $("btn-call-next").disabled = !can || state !== "Open";
    $("btn-recall").disabled = !can || !t;
    $("btn-start").disabled = !can || !t || t.status !== "Called";
    $("btn-finish").disabled = !can || !t;
    $("btn-no-show").disabled = !can || !t || t.status !== "Called";
    $("btn-transfer").disabled = !can || !t;
    $("btn-cancel-ticket").disabled = !can || !t || t.status !== "Called";
    $("btn-issue").disabled = !can;
    $("btn-requeue").disabled = !can || state === "Closed";

    const waiting = myWaiting();
    $("waiting-count").textContent = String(waiting.length);
    $("waiting-empty").hidden = waiting.length > 0;
    $("waiting-list").replaceChildren(
      ...waiting.map((w) => {
        const tr = document.createElement("tr");
        tr.dataset.ticket = w.number;
        if (w.priority !== "None") tr.className = "priority";
        const cells = [
          w.number,
          w.serviceName + (w.procedureName ? ` · ${w.procedureName}` : ""),
          priorityVi[w.priority],
          `${minutesSince(w.issuedAt)} phút`,
        ];
        for (const text of cells) {
          const td = document.createElement("td");
          td.textContent = text;
          tr.append(td);
        }
        const td = document.createElement("td");
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = "Gọi";
        b.className = "call-this";
        b.disabled = !can || state !== "Open";
        b.addEventListener("click", () =>
          act(
            () => counterPost(counterActions.Call, { ticketId: w.id }),
            (r) => `Đã gọi số ${r.number}.`,
          ),
        );
        const cancel = document.createElement("button");
        cancel.type = "button";
        cancel.textContent = "Huỷ";
        cancel.className = "cancel-this";
        cancel.disabled = !can;
        cancel.addEventListener("click", () => cancelTicket(w));
        td.append(b, " ", cancel);
        tr.append(td);
        return tr;
      }),
    );

    const serviceIds = new Set(c ? c.services.map((s) => s.serviceId) : []);
    $("service-summary").replaceChildren(
      ...[...model.services.values()]
        .filter((s) => serviceIds.has(s.id))
        .map((s) => {
          const span = document.createElement("span");
          span.className = "service-chip";
          span.textContent = `${s.prefix} ${s.name}: ${s.waitingCount} chờ · ~${s.estimatedWaitMinutes} phút`;
          return span;
        }),
    );
  }

  // ---- actions ---------------------------------------------------------------------------
  // One action on this officer's counter: POST /api/counters/{counterId}/{action}.
  function counterPost(action, body) {
    return api.post(`${QkHub.path(routes.Counter, { counterId: model.counterId })}/${action}`, body);
  }

  // Runs one action; with `undoable`, the undo bar offers to take it back for 10 s.
  async function act(call, describe, undoable) {
    if (busy) return;
    busy = true;
    render();
    try {
      const result = await call();
      if (result && result.number !== undefined && result.status !== undefined) upsertTicket(result);
      if (result && result.services !== undefined && result.state !== undefined) upsertCounter(result);
      say(describe(result), "info");
      if (undoable && result) offerUndo(result, describe(result));
    } catch (err) {
      if (err.status === 401) return toLogin();
      say(err.message, "error");
    } finally {
      busy = false;
      render();
    }
  }

  function cancelTicket(t) {
    act(
      () => api.post(QkHub.path(routes.TicketCancel, { ticketId: t.id })),
      (r) => `Đã huỷ số ${r.number}.`,
      true,
    );
  }

  function callNextNow() {
    act(
      () => counterPost(counterActions.CallNext),
      (r) => (r ? `Đã gọi số ${r.number}.` : "Không còn ai đang chờ."),
    );
  }

  const actions = {
    // Calling next while a ticket is called or being served finishes it on the hub: never silently
    // (issue 10 item 1). The officer finishes first, or confirms here, told what happens to it.
    callNext: async () => {
      if (busy) return;
      const t = currentTicket();
      if (!t) return callNextNow();
      const what = t.status === "Serving" ? "đang được phục vụ" : "đã được gọi";
      const yes = await confirmStep(
        "Gọi số tiếp theo?",
        `Số ${t.number} ${what} sẽ được ghi là Hoàn thành, rồi gọi số tiếp theo. Nếu người dân chưa đến, hãy chọn "Quay lại" rồi bấm "Vắng mặt".`,
        `Hoàn thành số ${t.number} và gọi tiếp`,
      );
      if (yes) callNextNow();
    },
    recall: () =>
      act(
        () => counterPost(counterActions.Recall),
        (r) => `Đã gọi lại số ${r.number}.`,
      ),
    start: () =>
      act(
        () => counterPost(counterActions.Start),
        (r) => `Bắt đầu phục vụ số ${r.number}.`,
      ),
    finish: () =>
      act(
        () => counterPost(counterActions.Finish),
        (r) => `Đã hoàn thành số ${r.number}.`,
        true,
      ),
    noShow: () =>
      act(
        () => counterPost(counterActions.NoShow),
        (r) => `Số ${r.number} vắng mặt.`,
        true,
      ),
    cancel: () => {
      const t = currentTicket();
      if (t && t.status === "Called") cancelTicket(t);
    },
    close: async () => {
      const t = currentTicket();
      const yes = await confirmStep(
        "Đóng quầy?",
        (t ? `Số ${t.number} vẫn đang ở quầy: hãy hoàn thành hoặc chuyển trước. ` : "") +
          "Quầy sẽ không gọi số nữa cho đến khi mở lại. Dùng khi kết thúc ngày làm việc; nghỉ ngắn thì chọn Tạm dừng.",
        "Đóng quầy",
      );
      if (yes)
        act(
          () => counterPost(counterActions.Close),
          () => "Quầy đã đóng.",
        );
    },
    issue: () => {
      const c = myCounter();
      const mine = new Set(c ? c.services.map((s) => s.serviceId) : []);
      const services = [...model.services.values()].filter((s) => s.active !== false);
      // The counter's own services first: a walk-in is usually for this desk.
      services.sort((a, b) => mine.has(b.id) - mine.has(a.id) || a.prefix.localeCompare(b.prefix));
      $("issue-service").replaceChildren(...services.map((s) => new Option(`${s.prefix} - ${s.name}`, s.id)));
      $("issue-priority").value = "None";
      $("issue-dialog").showModal();
    },
    requeue: () => {
      $("requeue-number").value = "";
      $("requeue-dialog").showModal();
    },
    open: () =>
      act(
        () => counterPost(counterActions.Open),
        () => "Quầy đã mở.",
      ),
    resume: () =>
      act(
        () => counterPost(counterActions.Resume),
        () => "Quầy tiếp tục phục vụ.",
      ),
    pause: () => {
      $("pause-reason").value = "";
      $("pause-dialog").showModal();
    },
    transfer: () => {
      const t = currentTicket();
      if (!t) return;
      $("transfer-number").textContent = t.number;
      const services = $("transfer-service");
      services.replaceChildren(
        new Option("-- Không --", ""),
        ...[...model.services.values()].filter((s) => s.active).map((s) => new Option(`${s.prefix} - ${s.name}`, s.id)),
      );
      const counters = $("transfer-counter");
      counters.replaceChildren(
        new Option("-- Không --", ""),
        ...[...model.counters.values()]
          .filter((c) => c.id !== model.counterId)
          .sort((a, b) => a.number - b.number)
          .map((c) => new Option(counterLabel(c), c.id)),
      );
      $("transfer-reason").value = "";
      $("transfer-dialog").showModal();
    },
  };

  $("pause-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const reason = $("pause-reason").value.trim();
    if (!reason) {
      say("Vui lòng nhập lý do tạm dừng.", "error");
      return;
    }
    $("pause-dialog").close();
    act(
      () => counterPost(counterActions.Pause, { reason }),
      () => `Quầy tạm dừng: ${reason}.`,
    );
  });
  $("pause-cancel").addEventListener("click", () => $("pause-dialog").close());

  $("transfer-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const serviceId = $("transfer-service").value || null;
    const counterId = $("transfer-counter").value || null;
    if (!serviceId && !counterId) {
      say("Cần chọn dịch vụ hoặc quầy để chuyển đến.", "error");
      return;
    }
    const reason = $("transfer-reason").value.trim() || null;
    $("transfer-dialog").close();
    act(
      () => counterPost(counterActions.Transfer, { serviceId, counterId, reason }),
      (r) => `Đã chuyển số ${r.number}.`,
      true,
    );
  });
  $("transfer-cancel").addEventListener("click", () => $("transfer-dialog").close());

  $("issue-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const serviceId = $("issue-service").value;
    const priority = $("issue-priority").value;
    $("issue-dialog").close();
    act(
      () => api.post(routes.Tickets, { serviceId, priority, channel: "Officer" }),
      (r) =>
        `Đã cấp số ${r.number} (${r.serviceName}${r.priority !== "None" ? ", ưu tiên " + priorityVi[r.priority] : ""}). Báo số này cho người dân.`,
    );
  });
  $("issue-cancel").addEventListener("click", () => $("issue-dialog").close());

  $("requeue-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const number = $("requeue-number").value.trim();
    if (!number) {
      say("Vui lòng nhập số thứ tự.", "error");
      return;
    }
    $("requeue-dialog").close();
    act(
      () => counterPost(counterActions.Requeue, { number }),
      (r) => `Số ${r.number} đã được xếp lại hàng chờ của quầy. Bấm "Gọi" để gọi lại.`,
    );
  });
  $("requeue-cancel").addEventListener("click", () => $("requeue-dialog").close());
  $("btn-undo").addEventListener("click", undo);

  $("btn-call-next").addEventListener("click", actions.callNext);
  $("btn-recall").addEventListener("click", actions.recall);
  $("btn-start").addEventListener("click", actions.start);
  $("btn-finish").addEventListener("click", actions.finish);
  $("btn-no-show").addEventListener("click", actions.noShow);
  $("btn-transfer").addEventListener("click", actions.transfer);
  $("btn-cancel-ticket").addEventListener("click", actions.cancel);
  $("btn-issue").addEventListener("click", actions.issue);
  $("btn-requeue").addEventListener("click", actions.requeue);
  $("btn-close").addEventListener("click", actions.close);
  $("btn-open").addEventListener("click", actions.open);
  $("btn-pause").addEventListener("click", actions.pause);
  $("btn-resume").addEventListener("click", actions.resume);
  $("btn-logout").addEventListener("click", async () => {
    try {
      await api.post(routes.Logout);
    } catch {
      /* signed out either way */
    }
    toLogin();
  });

  // Keyboard: officers keep one hand on the keys while talking to the citizen.
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    if (document.querySelector("dialog[open]")) return;
    const tag = (e.target && e.target.tagName) || "";
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const map = {
      F1: "callNext",
      " ": "callNext",
      r: "recall",
      s: "start",
      f: "finish",
      n: "noShow",
      t: "transfer",
      x: "cancel",
      i: "issue",
      l: "requeue",
      p: myCounter() && myCounter().state === "Paused" ? "resume" : "pause",
    };
    const action = map[key];
    if (!action) return;
    e.preventDefault();
    // Space on a focused button would click it as well: only the shortcut should act.
    if (document.activeElement && document.activeElement.tagName === "BUTTON") document.activeElement.blur();
    actions[action]();
  });

  // Waiting times move on even when nothing else happens.
  setInterval(render, 30000);

  // ---- start -----------------------------------------------------------------------------
  (async function start() {
    // The hub or its database may be briefly out of reach when the console opens (a restart, a
    // network blip): say so and keep trying, so nobody has to press F5.
    for (let attempt = 1; !model.me; attempt++) {
      try {
        model.me = await api.get(routes.Me);
      } catch (err) {
        if (err.status === 401 || err.status === 403) return toLogin();
        say(`${err.message} Đang thử kết nối lại…`, "error");
        await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 2000 * attempt)));
      }
    }
    $("message").hidden = true;
    if (!model.me.counterId) return toLogin();
    model.siteId = model.me.siteId;
    model.counterId = model.me.counterId;
    $("officer-name").textContent = model.me.displayName;
    render();
    live.start();
  })();
})();
