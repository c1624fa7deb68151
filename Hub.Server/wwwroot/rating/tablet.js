// The rating tablet (docs/ratings.md): idle shows the counter and its officer; when the counter
// finishes a ticket, asks the citizen for one of four levels, reasons on a low one, the Circular 01
// indices where the office turned them on; thanks and goes back to idle. Nobody touching it for
// the site's timeout records "not rated", never a guessed level. Follows the counter live over the
// hub with the device key it was paired with (the QR of the devices page opens /rating#key=...).
"use strict";

(function () {
  const routes = QkHub.routes;
  const events = QkHub.events;
  const keyStorage = "qk-rating-key";
  const askedStorage = "qk-rating-asked";
  const thanksMs = 4000;
  const $ = (id) => document.getElementById(id);
  const state = { tablet: null, ticket: null, level: null, timer: null };

  // Circular 01/2018 indices a device may collect, in plain words; answers score 2, 1 or 0 points.
  const indexQuestions = [
    ["index1", "Hồ sơ của Ông/bà được trả kết quả", ["Sớm hơn hẹn", "Đúng hẹn", "Trễ hẹn"]],
    ["index3", "Ông/bà phải liên hệ bao nhiêu lần để hoàn thành hồ sơ", ["Không phải đi lại", "Thêm 1 lần", "Nhiều lần"]],
    ["index4", "Ông/bà có bị yêu cầu nộp thêm giấy tờ ngoài quy định", ["Không", "Có, nhưng được giải thích rõ", "Có"]],
    ["index7", "Thái độ của cán bộ khi tiếp nhận, hướng dẫn", ["Tận tình, chu đáo", "Bình thường", "Chưa tốt"]],
  ];

  function deviceKey() {
    const match = /(?:^|[#&])key=([^&]+)/.exec(location.hash);
    if (match) {
      localStorage.setItem(keyStorage, decodeURIComponent(match[1]));
      // The key leaves the address bar (and the browser history) at once.
      history.replaceState(null, "", location.pathname);
    }
    return localStorage.getItem(keyStorage);
  }

  function show(name) {
    for (const s of document.querySelectorAll(".screen")) s.hidden = s.id !== `screen-${name}`;
  }

  async function api(url) {
    const response = await fetch(url, { headers: { "Accept-Language": "vi", [routes.DeviceKeyHeader]: state.key } });
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      throw new Error((problem && (problem.detail || problem.title)) || `Máy chủ báo lỗi ${response.status}.`);
    }
    return response.json();
  }

  // Tickets this tablet already asked about (bounded): a reconnect or a repeated event never asks twice.
  function alreadyAsked(ticketId) {
    const asked = JSON.parse(localStorage.getItem(askedStorage) || "[]");
    if (asked.includes(ticketId)) return true;
    localStorage.setItem(askedStorage, JSON.stringify([...asked, ticketId].slice(-50)));
    return false;
  }

  function drawIdle(counter) {
    $("idle-counter").textContent = `Quầy ${state.tablet.counterNumber}`;
    if (counter) $("idle-officer").textContent = counter.officerName || "";
  }

  function restartTimer() {
    clearTimeout(state.timer);
    state.timer = setTimeout(timedOut, state.tablet.timeoutSeconds * 1000);
  }

  // Nobody answered: "not rated". A level already chosen is what the citizen said: send it.
  function timedOut() {
    if (!state.ticket) return;
    if (state.level === null) finish({ score: null, notRated: true });
    else finish(answers());
  }

  function ask(ticket) {
    state.ticket = ticket;
    state.level = null;
    $("ask-number").textContent = ticket.number;
    $("reason-text").value = "";
    for (const box of document.querySelectorAll("#reason-list input")) box.checked = false;
    for (const radio of document.querySelectorAll("#index-list input")) radio.checked = false;
    show("ask");
    restartTimer();
  }

  function choose(level) {
    state.level = level;
    restartTimer();
    if (level === 1) show("reasons");
    else if (state.tablet.indicesEnabled) show("indices");
    else finish(answers());
  }

  function answers() {
    const body = { score: state.level, notRated: false };
    if (state.level === 1) {
      body.reasons = [...document.querySelectorAll("#reason-list input:checked")].map((b) => b.value);
      const text = $("reason-text").value.trim().normalize("NFC");
      if (text) body.reason = text;
    }
    if (state.tablet.indicesEnabled) {
      const indices = {};
      for (const [name] of indexQuestions) {
        const picked = document.querySelector(`#index-list input[name="${name}"]:checked`);
        indices[name] = picked ? Number(picked.value) : null;
      }
      if (Object.values(indices).some((v) => v !== null)) body.indices = indices;
    }
    return body;
  }

  function finish(body) {
    clearTimeout(state.timer);
    const ticket = state.ticket;
    state.ticket = null;
    window.QkRatingOutbox.add(ticket.id, body);
    deliver();
    if (body.notRated) {
      show("idle");
      return;
    }
    show("thanks");
    setTimeout(() => {
      if (!state.ticket) show("idle");
    }, thanksMs);
  }

  function deliver() {
    window.QkRatingOutbox.flush(state.key, (pending) => {
      $("outbox").hidden = pending === 0;
      $("outbox").textContent = `${pending} đánh giá chờ gửi`;
    });
  }

  function drawChoices() {
    $("reason-list").replaceChildren(
      ...Object.entries(state.tablet.reasons).map(([code, label]) => {
        const label_ = document.createElement("label");
        const box = document.createElement("input");
        box.type = "checkbox";
        box.value = code;
        box.dataset.testid = `reason-${code}`;
        label_.append(box, label);
        return label_;
      }),
    );
    $("index-list").replaceChildren(
      ...indexQuestions.map(([name, question, options]) => {
        const set = document.createElement("fieldset");
        const legend = document.createElement("legend");
        legend.textContent = question;
        set.append(legend);
        options.forEach((text, i) => {
          const label = document.createElement("label");
          const radio = document.createElement("input");
          radio.type = "radio";
          radio.name = name;
          radio.value = String(2 - i);
          radio.dataset.testid = `${name}-${2 - i}`;
          label.append(radio, text);
          set.append(label);
        });
        return set;
      }),
    );
  }

  function onEvent(name, e) {
    if (name === events.CounterChanged && e.counter.id === state.tablet.counterId) {
      drawIdle(e.counter);
      return;
    }
    if (name !== events.TicketChanged) return;
    const ticket = e.ticket;
    if (ticket.counterId !== state.tablet.counterId && state.ticket?.id !== ticket.id) return;
    if (ticket.status === "Served" && ticket.counterId === state.tablet.counterId && !alreadyAsked(ticket.id)) {
      ask(ticket);
    } else if (state.ticket?.id === ticket.id && ticket.status !== "Served") {
      // The officer undid the finish: nothing to rate yet.
      clearTimeout(state.timer);
      state.ticket = null;
      show("idle");
    }
  }

  async function refreshCounter() {
    const snapshot = await api(routes.OwnSnapshot);
    drawIdle(snapshot.counters.find((c) => c.id === state.tablet.counterId));
  }

  async function start() {
    state.key = deviceKey();
    if (!state.key) {
      show("pairing");
      return;
    }
    try {
      state.tablet = await api(routes.RatingTablet);
    } catch (err) {
      $("pairing-error").textContent = err.message;
      show("pairing");
      return;
    }
    drawChoices();
    drawIdle(null);
    show("idle");
    for (const face of document.querySelectorAll(".face")) face.addEventListener("click", () => choose(Number(face.dataset.level)));
    $("reasons-next").addEventListener("click", () =>
      state.tablet.indicesEnabled ? (restartTimer(), show("indices")) : finish(answers()),
    );
    $("indices-send").addEventListener("click", () => finish(answers()));
    for (const id of ["reason-list", "reason-text", "index-list"]) $(id).addEventListener("input", restartTimer);

    const feed = QkLiveFeed.hub({
      events: [events.TicketChanged, events.CounterChanged],
      accessToken: () => state.key,
      join: async (connection) => {
        await connection.invoke(QkHub.methods.JoinCounter, state.tablet.counterId);
        await refreshCounter();
        deliver();
      },
      onEvent,
      onLink: (online) => {
        $("link-state").textContent = online ? "Đã kết nối" : "Mất kết nối";
        $("link-state").className = online ? "link online" : "link offline";
      },
    });
    feed.start();
    window.addEventListener("online", deliver);
    setInterval(deliver, 5000);
    deliver();
  }

  start();
})();
