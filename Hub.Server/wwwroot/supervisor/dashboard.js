// Supervisor dashboard: loads the dashboard, then stays live over SignalR (supervisors group)
// through the shared live feed (lib/live-feed.js). The dashboard is the feed's snapshot: an event
// past its sequence triggers a reload (debounced), so nothing shown is older than the last event;
// a gap reloads at once; alerts are applied as they come. Names come from /hub-contract.js (QkHub).
"use strict";

(function () {
  const { el, duration, time, t } = Qk;
  const { routes, events, methods, supervisionEvents } = QkHub;
  // Every word of the page in the reader's language (Qk.t): one language at a time, never both.
  const stateNames = { Open: t("Đang mở", "Open"), Paused: t("Tạm dừng", "Paused"), Closed: t("Đóng", "Closed") };
  const ticketStates = { Called: t("Đã gọi", "Called"), Serving: t("Đang phục vụ", "Serving") };
  const kindNames = { Kiosk: "Kiosk", Display: t("Máy hiển thị", "Display"), Camera: "Camera" };
  const alertNames = {
    WaitAboveTarget: t("Chờ quá mục tiêu", "Wait above target"),
    PrinterPaperOut: t("Máy in hết giấy", "Printer out of paper"),
    PrinterOffline: t("Máy in không hoạt động", "Printer not working"),
    DeviceOffline: t("Thiết bị mất kết nối", "Device offline"),
    CounterPausedTooLong: t("Quầy tạm dừng quá lâu", "Counter paused too long"),
    CameraDown: t("Camera mất hình", "Camera without picture"),
    CounterUnattended: t("Quầy mở nhưng không có người", "Open counter, nobody there"),
    CounterOccupiedWhileClosed: t("Quầy đóng nhưng có người làm việc", "Closed counter, someone working"),
    CalledNotStarted: t("Đã gọi nhưng chưa phục vụ", "Called, not started"),
    CounterOpenWithoutOfficer: t("Quầy mở không có cán bộ", "Open counter, no officer signed in"),
    LowRating: t("Người dân không hài lòng", "Citizen not satisfied"),
    SignInAttack: t("Tài khoản bị thử mật khẩu nhiều lần", "Account under password guessing"),
  };
  // Camera states (Kiosk.Devices CameraState) and printer states (the kiosk's PrinterCondition).
  const cameraStates = {
    Starting: t("Đang khởi động", "Starting"),
    Running: t("Đang chạy", "Running"),
    Restarting: t("Đang khởi động lại", "Restarting"),
    Failed: t("Không khởi động được", "Failed"),
    Stopped: t("Đã dừng", "Stopped"),
  };
  const printerStates = {
    Ready: t("Sẵn sàng", "Ready"),
    Offline: t("Mất kết nối", "Offline"),
    Error: t("Báo lỗi", "Error"),
    CoverOpen: t("Nắp đang mở", "Cover open"),
    Unknown: t("Chưa rõ", "Unknown"),
  };
  // Camera analytics: null means the camera gives no recent figures (hardware-docs/cameras.md).
  const presenceText = (present) =>
    present === null || present === undefined ? "–" : present ? t("Có người", "Someone there") : t("Trống", "Empty");
  const minutes = (n) => t(`${n} phút`, `${n} min`);

  let dashboard = null;
  let loadedAt = Date.now();
  let alerts = new Map();
  let reloadTimer = null;
  let loading = false;
  let again = false;
  const cameraImages = new Map();

  async function load() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    try {
      dashboard = await Qk.get(routes.Supervision + "/dashboard");
      loadedAt = Date.now();
      alerts = new Map(dashboard.alerts.map((a) => [a.id, a]));
      render();
      Qk.message("");
    } catch (err) {
      Qk.message(err.message, true);
    } finally {
      loading = false;
      if (again) {
        again = false;
        scheduleReload();
      }
    }
  }

  function scheduleReload() {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(load, 250);
  }

  const elapsed = () => (Date.now() - loadedAt) / 1000;

  function render() {
    renderServices();
    renderCounters();
    renderDevices();
    renderCameras();
    renderAlerts();
  }

  function renderServices() {
    document.getElementById("waiting-total").textContent = dashboard.services.reduce((sum, s) => sum + s.waiting, 0);
    const hall = dashboard.hallPeople;
    document.getElementById("hall-people").textContent = hall === null || hall === undefined ? "–" : t(`${hall} người`, `${hall} people`);
    const body = document.getElementById("services");
    body.replaceChildren(
      ...dashboard.services.map((s) => {
        const longest = s.waiting > 0 ? s.longestWaitSeconds + elapsed() : null;
        const over = longest !== null && longest > s.waitTargetMinutes * 60;
        return el(
          "tr",
          { "data-service": s.code, class: over ? "over" : "" },
          el("td", {}, `${s.code} - ${s.name}`),
          el("td", { class: "num waiting" }, s.waiting),
          el("td", { class: "num" }, longest === null ? "–" : duration(longest)),
          el("td", { class: "num" }, duration(s.averageWaitTodaySeconds)),
          el("td", { class: "num" }, s.waiting > 0 ? minutes(s.estimatedWaitMinutes) : "–"),
          el("td", { class: "num" }, minutes(s.waitTargetMinutes)),
        );
      }),
    );
  }

  function renderCounters() {
    const body = document.getElementById("counters");
    body.replaceChildren(
      ...dashboard.counters.map((c) => {
        const serving = c.servingSeconds === null ? null : c.servingSeconds + elapsed();
        const paused = c.state === "Paused" ? (Date.now() - new Date(c.stateSince).getTime()) / 1000 : null;
        return el(
          "tr",
          { "data-counter": c.number, class: "state-" + c.state.toLowerCase() },
          el("td", {}, c.name),
          el("td", { class: "state" }, stateNames[c.state] || c.state),
          el("td", {}, c.officerName || "–"),
          el(
            "td",
            { class: "ticket" },
            c.currentTicketNumber ? `${c.currentTicketNumber} (${ticketStates[c.currentTicketStatus] || c.currentTicketStatus})` : "–",
          ),
          el(
            "td",
            { class: "num" },
            serving !== null ? duration(serving) : paused !== null ? t("dừng ", "paused ") + duration(paused) : "–",
          ),
          el("td", {}, c.pauseReason || ""),
          el("td", { class: "presence", "data-present": String(c.someonePresent ?? "unknown") }, presenceText(c.someonePresent)),
          el("td", { class: "num presence-today" }, duration(c.presentSecondsToday)),
        );
      }),
    );
  }

  function renderDevices() {
    const body = document.getElementById("devices");
    body.replaceChildren(
      ...dashboard.devices.map((d) => {
        // The device's own texts (status, detail) are in whatever language the device speaks: the
        // row words what the hub knows itself and keeps those only as a hover hint.
        return el(
          "tr",
          { "data-device": d.id, class: d.online && !d.paperOut ? "ok" : "bad", title: [d.status, d.detail].filter(Boolean).join(" · ") },
          el("td", {}, kindNames[d.kind] || d.kind),
          el("td", {}, d.name),
          el("td", { class: "condition" }, deviceCondition(d)),
          el("td", { class: "printer" }, printerText(d)),
          el("td", {}, d.lastSeenAt ? time(d.lastSeenAt) : "–"),
        );
      }),
    );
  }

  function deviceCondition(d) {
    if (!d.lastSeenAt) return t("Chưa kết nối", "Never reported");
    if (!d.online) return t("Mất kết nối", "Offline");
    if (d.kind === "Camera") return cameraStates[d.status] || d.status;
    return t("Đang hoạt động", "Working");
  }

  function printerText(d) {
    if (!d.printerState || d.printerState === "NotConfigured") return "–";
    if (d.paperOut) return t("HẾT GIẤY", "OUT OF PAPER");
    if (d.paperLow) return t("Sắp hết giấy", "Paper low");
    return printerStates[d.printerState] || d.printerState;
  }

  function renderCameras() {
    const grid = document.getElementById("cameras");
    document.getElementById("cameras-empty").hidden = dashboard.cameras.length > 0;
    for (const cam of dashboard.cameras) {
      let tile = cameraImages.get(cam.cameraId);
      if (!tile) {
        // The <img> is created once: re-creating it would reopen the MJPEG stream on every update.
        const img = el("img", { class: "camera", "data-camera": cam.cameraId, alt: cam.name, src: cam.liveUrl });
        img.addEventListener("error", () =>
          setTimeout(() => {
            img.src = cam.liveUrl + "?t=" + Date.now();
          }, 3000),
        );
        const caption = el("figcaption", {});
        tile = { figure: el("figure", { class: "camera-tile" }, img, caption), caption };
        cameraImages.set(cam.cameraId, tile);
        grid.append(tile.figure);
      }
      const counters = cam.counterNumbers.length ? t(" · quầy ", " · counter ") + cam.counterNumbers.join(", ") : "";
      const state = cam.state === "Running" ? t(`${cam.fps} khung hình/giây`, `${cam.fps} fps`) : cameraStates[cam.state] || cam.state;
      tile.caption.textContent = `${cam.name}${counters} · ${state}${cam.lastError ? " · " + cam.lastError : ""}`;
      tile.figure.classList.toggle("down", cam.state !== "Running");
    }
  }

  function renderAlerts() {
    const list = document.getElementById("alerts");
    const items = [...alerts.values()]
      .filter((a) => a.clearedAt === null || a.acknowledgedAt === null)
      .sort((a, b) => (a.raisedAt < b.raisedAt ? 1 : -1));
    document.getElementById("alert-count").textContent = items.filter((a) => a.acknowledgedAt === null).length;
    document.getElementById("alerts-empty").hidden = items.length > 0;
    list.replaceChildren(
      ...items.map((a) =>
        el(
          "li",
          {
            "data-kind": a.kind,
            "data-alert": a.id,
            class: [a.clearedAt ? "cleared" : "open", a.acknowledgedAt ? "acknowledged" : "new"].join(" "),
          },
          el("strong", {}, alertNames[a.kind] || a.kind),
          " · ",
          a.subject,
          el("div", { class: "alert-message" }, alertMessage(a)),
          el(
            "small",
            {},
            t("Lúc ", "At ") + time(a.raisedAt),
            a.clearedAt ? t(" · đã hết lúc ", " · cleared at ") + time(a.clearedAt) : "",
            a.acknowledgedAt ? t(` · ${a.acknowledgedBy} đã xác nhận`, ` · acknowledged by ${a.acknowledgedBy}`) : "",
          ),
          a.acknowledgedAt ? null : el("button", { type: "button", class: "ack", onclick: () => acknowledge(a.id) }, t("Đã biết", "Seen")),
        ),
      ),
    );
  }

  // Both texts come from the hub (AlertDto.messageVi, messageEn); an alert stored before there were two has only message.
  function alertMessage(a) {
    return t(a.messageVi, a.messageEn) || a.message;
  }

  async function acknowledge(id) {
    try {
      const updated = await Qk.post(`${routes.Supervision}/alerts/${id}/acknowledge`);
      alerts.set(updated.id, updated);
      renderAlerts();
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  function onAlert(e) {
    alerts.set(e.alert.id, e.alert);
    renderAlerts();
  }

  const link = document.getElementById("link-state");
  function setLink(online) {
    link.textContent = online ? t("Trực tuyến", "Online") : t("Mất kết nối, đang thử lại...", "Connection lost, retrying...");
    link.className = "badge " + (online ? "online" : "offline");
  }

  // Several servers share their events through Redis (docs/province.md, "Scale-out"). While that
  // link is down this server still sends its own events, but not the others': the page says so and
  // reloads its figures by snapshot every few seconds until the link is back.
  const realtimeStatus = document.getElementById("realtime-status");
  let snapshotPolling = null;
  function onRealtimeStatus(e) {
    realtimeStatus.hidden = e.scaleOutUp;
    realtimeStatus.textContent = e.scaleOutUp ? "" : t(e.messageVi, e.messageEn);
    if (!e.scaleOutUp && snapshotPolling === null) {
      snapshotPolling = setInterval(() => feed.resync(), 5000);
    } else if (e.scaleOutUp && snapshotPolling !== null) {
      clearInterval(snapshotPolling);
      snapshotPolling = null;
    }
    feed.resync();
  }

  // Queue events carry the site's sequence: those past the loaded dashboard reload it.
  const feed = QkLiveFeed.sequencer({
    siteId: () => dashboard && dashboard.siteId,
    fetchSnapshot: async () => {
      await load();
      return { lastSequence: dashboard.lastSequence };
    },
    onSnapshot: () => {},
    onEvent: scheduleReload,
    unsequenced: [events.QueueStats],
  });
  // Every queue event (QkHub.events holds Hub.Client's HubEvents and nothing else).
  const queueEvents = Object.values(events);

  const live = QkLiveFeed.hub({
    events: [
      ...queueEvents,
      supervisionEvents.DeviceHealthChanged,
      supervisionEvents.AlertRaised,
      supervisionEvents.AlertUpdated,
      supervisionEvents.RealtimeStatus,
    ],
    retryDelays: [500, 1000, 1500, 2000, 5000, 10000],
    onEvent: (name, e) => {
      if (name === supervisionEvents.RealtimeStatus) onRealtimeStatus(e);
      else if (name === supervisionEvents.AlertRaised || name === supervisionEvents.AlertUpdated) onAlert(e);
      else if (name === supervisionEvents.DeviceHealthChanged) scheduleReload();
      else feed.push(name, e);
    },
    join: async (connection) => {
      // A (re)connect starts linked; the server says at once if its Redis link is still down.
      if (snapshotPolling !== null) onRealtimeStatus({ scaleOutUp: true });
      feed.reset();
      if (!dashboard) await load();
      if (dashboard) await connection.invoke(methods.JoinSupervisors, dashboard.siteId);
      // Events between the last load and joining the group are caught by loading again.
      await feed.resync();
    },
    onLink: setLink,
  });

  (async function start() {
    await load();
    await live.start();
    // Waiting and serving times tick every second; a full reload every 30 s is a safety net.
    setInterval(() => {
      if (dashboard) {
        renderServices();
        renderCounters();
      }
    }, 1000);
    setInterval(load, 30000);
  })();
})();
