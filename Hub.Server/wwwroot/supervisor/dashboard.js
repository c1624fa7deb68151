// Supervisor dashboard: loads the dashboard, then stays live over SignalR (supervisors group)
// through the shared live feed (lib/live-feed.js). The dashboard is the feed's snapshot: an event
// past its sequence triggers a reload (debounced), so nothing shown is older than the last event;
// a gap reloads at once; alerts are applied as they come. Names come from /hub-contract.js (QkHub).
"use strict";

(function () {
  const { el, duration, time } = Qk;
  const { routes, events, methods, supervisionEvents } = QkHub;
  const stateNames = { Open: "Đang mở", Paused: "Tạm dừng", Closed: "Đóng" };
  const ticketStates = { Called: "Đã gọi", Serving: "Đang phục vụ" };
  const kindNames = { Kiosk: "Kiosk", Display: "Máy hiển thị", Camera: "Camera" };
  const alertNames = {
    WaitAboveTarget: "Chờ quá mục tiêu",
    PrinterPaperOut: "Máy in hết giấy",
    PrinterOffline: "Máy in không hoạt động",
    DeviceOffline: "Thiết bị mất kết nối",
    CounterPausedTooLong: "Quầy tạm dừng quá lâu",
    CameraDown: "Camera mất hình",
    CounterUnattended: "Quầy mở nhưng không có người",
    CounterOccupiedWhileClosed: "Quầy đóng nhưng có người làm việc",
    CalledNotStarted: "Đã gọi nhưng chưa phục vụ",
    CounterOpenWithoutOfficer: "Quầy mở không có cán bộ",
    LowRating: "Người dân không hài lòng",
  };
  // Camera analytics: null means the camera gives no recent figures (hardware-docs/cameras.md).
  const presenceText = (present) => (present === null || present === undefined ? "–" : present ? "Có người" : "Trống");

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
    document.getElementById("hall-people").textContent = hall === null || hall === undefined ? "–" : `${hall} người`;
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
          el("td", { class: "num" }, s.waiting > 0 ? `${s.estimatedWaitMinutes} phút` : "–"),
          el("td", { class: "num" }, `${s.waitTargetMinutes} phút`),
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
          el("td", { class: "num" }, serving !== null ? duration(serving) : paused !== null ? "dừng " + duration(paused) : "–"),
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
        let printer = "–";
        if (d.printerState && d.printerState !== "NotConfigured") {
          printer = d.paperOut ? "HẾT GIẤY" : d.paperLow ? "Sắp hết giấy" : d.printerState === "Ready" ? "Sẵn sàng" : d.printerState;
        }
        return el(
          "tr",
          { "data-device": d.id, class: d.online && !d.paperOut ? "ok" : "bad" },
          el("td", {}, kindNames[d.kind] || d.kind),
          el("td", {}, d.name),
          el("td", {}, d.status, d.detail ? el("small", {}, " · " + d.detail) : null),
          el("td", { class: "printer" }, printer),
          el("td", {}, d.lastSeenAt ? time(d.lastSeenAt) : "–"),
        );
      }),
    );
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
      const counters = cam.counterNumbers.length ? " · quầy " + cam.counterNumbers.join(", ") : "";
      tile.caption.textContent = `${cam.name}${counters} · ${cam.state === "Running" ? cam.fps + " khung/giây" : cam.state}${cam.lastError ? " · " + cam.lastError : ""}`;
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
          el("div", { class: "alert-message" }, a.message),
          el(
            "small",
            {},
            "Lúc " + time(a.raisedAt),
            a.clearedAt ? " · đã hết lúc " + time(a.clearedAt) : "",
            a.acknowledgedAt ? ` · ${a.acknowledgedBy} đã xác nhận` : "",
          ),
          a.acknowledgedAt ? null : el("button", { type: "button", class: "ack", onclick: () => acknowledge(a.id) }, "Đã biết"),
        ),
      ),
    );
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
    link.textContent = online ? "Trực tuyến" : "Mất kết nối, đang thử lại...";
    link.className = "badge " + (online ? "online" : "offline");
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
    events: [...queueEvents, supervisionEvents.DeviceHealthChanged, supervisionEvents.AlertRaised, supervisionEvents.AlertUpdated],
    retryDelays: [500, 1000, 1500, 2000, 5000, 10000],
    onEvent: (name, e) => {
      if (name === supervisionEvents.AlertRaised || name === supervisionEvents.AlertUpdated) onAlert(e);
      else if (name === supervisionEvents.DeviceHealthChanged) scheduleReload();
      else feed.push(name, e);
    },
    join: async (connection) => {
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
