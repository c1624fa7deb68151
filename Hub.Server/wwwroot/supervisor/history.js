// Ticket history: find a ticket by number and day (or pick it from the filtered list of a range of
// days), show its events, and play the counter's
// recording from the call to the finish. A clip may span several MP4 segments: each part is
// played from its offset for its duration, then the next part is loaded.
"use strict";

(function () {
  const { el, time, dateTime, duration } = Qk;
  const eventNames = {
    Issued: "Lấy số",
    Called: "Gọi số",
    Recalled: "Gọi lại",
    Started: "Bắt đầu phục vụ",
    Served: "Hoàn thành",
    NoShow: "Vắng mặt",
    Transferred: "Chuyển",
    Cancelled: "Hủy",
    Expired: "Hết hạn",
    Rated: "Đánh giá",
    Printed: "In vé",
    PrintFailed: "In lỗi",
    CounterChanged: "Đổi quầy",
  };
  const statusNames = {
    Waiting: "Đang chờ",
    Called: "Đã gọi",
    Serving: "Đang phục vụ",
    Served: "Đã phục vụ",
    NoShow: "Vắng mặt",
    Transferred: "Đã chuyển",
    Cancelled: "Đã hủy",
    Expired: "Hết hạn",
  };

  const form = document.getElementById("find-form");
  const number = document.getElementById("number");
  const day = document.getElementById("day");
  const results = document.getElementById("results");
  const params = new URLSearchParams(location.search);
  day.value = params.get("day") || Qk.today();
  number.value = params.get("number") || "";

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    find();
  });

  const latestFound = Qk.latestOnly();
  async function find() {
    Qk.message("");
    const query = new URLSearchParams({ number: number.value.trim(), day: day.value });
    history.replaceState(null, "", "?" + query);
    try {
      const found = await latestFound(Qk.get(QkHub.routes.Supervision + "/tickets?" + query));
      document.getElementById("find-empty").hidden = found.length > 0;
      results.replaceChildren(...found.map(renderTicket));
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  function renderTicket(h) {
    const t = h.ticket;
    return el(
      "section",
      { class: "panel ticket-history", "data-ticket": t.number },
      el("h2", {}, `Số ${t.number} · ${t.serviceCode} - ${t.serviceName}`),
      el(
        "p",
        {},
        `Trạng thái: ${statusNames[t.status] || t.status}`,
        t.procedureName ? ` · Thủ tục: ${t.procedureName}` : "",
        ` · Lấy số lúc ${dateTime(t.issuedAt)}`,
      ),
      el(
        "ol",
        { class: "timeline" },
        h.timeline.map((e) =>
          el(
            "li",
            { "data-kind": e.kind },
            el("time", {}, time(e.at)),
            " ",
            eventNames[e.kind] || e.kind,
            e.counterNumber ? ` · quầy ${e.counterNumber}` : "",
            e.officerName ? ` · ${e.officerName}` : "",
            e.detail ? ` · ${e.detail}` : "",
          ),
        ),
      ),
      h.clips.length === 0 ? el("p", { class: "empty" }, "Số này chưa được gọi đến quầy nào, không có ghi hình.") : null,
      h.clips.map(renderClip),
    );
  }

  function renderClip(clip) {
    const playable = clip.parts.filter((p) => p.complete);
    const video = el("video", { class: "recording", controls: true, muted: true, playsInline: true, preload: "auto" });
    const box = el(
      "div",
      { class: "clip" },
      el(
        "h3",
        {},
        `Quầy ${clip.counterNumber} · ${time(clip.from)} – ${time(clip.to)} (${duration((new Date(clip.to) - new Date(clip.from)) / 1000)})`,
      ),
      clip.note ? el("p", { class: "note" }, clip.note) : null,
      playable.length ? video : null,
      playable.length ? el("p", { class: "small" }, `${playable.length} đoạn ghi · camera ${clip.cameraId}`) : null,
    );
    if (playable.length) {
      playParts(video, playable);
    }
    return box;
  }

  function playParts(video, parts) {
    let index = -1;
    let stopAt = 0;
    function next() {
      index++;
      if (index >= parts.length) {
        video.pause();
        return;
      }
      const part = parts[index];
      stopAt = part.offsetSeconds + part.durationSeconds;
      video.src = part.url;
      video.addEventListener(
        "loadedmetadata",
        () => {
          video.currentTime = Math.min(part.offsetSeconds, Math.max(0, video.duration - 0.1));
          video.play().catch(() => {
            /* autoplay refused: the controls are there */
          });
        },
        { once: true },
      );
    }
    video.addEventListener("timeupdate", () => {
      if (index < parts.length && video.currentTime >= stopAt && index < parts.length - 1) next();
      else if (index === parts.length - 1 && video.currentTime >= stopAt) video.pause();
    });
    video.addEventListener("ended", () => {
      if (index < parts.length - 1) next();
    });
    next();
  }

  // The list: filters from the query string, so a filtered page can be bookmarked or shared.
  const list = {
    form: document.getElementById("list-form"),
    from: document.getElementById("list-from"),
    to: document.getElementById("list-to"),
    service: document.getElementById("list-service"),
    counter: document.getElementById("list-counter"),
    officer: document.getElementById("list-officer"),
    status: document.getElementById("list-status"),
    pastTarget: document.getElementById("list-past-target"),
    rows: document.getElementById("list-rows"),
    page: 1,
    pageSize: 50,
  };
  list.from.value = params.get("from") || Qk.today();
  list.to.value = params.get("to") || list.from.value;
  list.pastTarget.checked = params.get("pastTarget") === "true";
  list.status.append(...Object.entries(statusNames).map(([value, label]) => el("option", { value }, label)));
  list.status.value = params.get("status") || "";

  function fill(select, choices, selected) {
    select.replaceChildren(
      el("option", { value: "" }, Qk.t("Tất cả", "All")),
      ...choices.map((c) => el("option", { value: c.value }, c.label)),
    );
    select.value = selected || "";
  }

  const latestList = Qk.latestOnly();
  async function loadList(page) {
    list.page = page;
    const query = new URLSearchParams({ from: list.from.value, to: list.to.value, page, pageSize: list.pageSize });
    for (const [name, input] of [
      ["serviceId", list.service],
      ["counterId", list.counter],
      ["officerId", list.officer],
      ["status", list.status],
    ]) {
      const value = input.value || params.get(name);
      if (value) query.set(name, value);
    }
    if (list.pastTarget.checked) query.set("pastTarget", "true");
    try {
      const result = await latestList(Qk.get(QkHub.routes.TicketList + "?" + query));
      fill(list.service, result.services, query.get("serviceId"));
      fill(list.counter, result.counters, query.get("counterId"));
      fill(list.officer, result.officers, query.get("officerId"));
      params.delete("serviceId");
      params.delete("counterId");
      params.delete("officerId");
      list.rows.replaceChildren(...result.items.map(listRow));
      document.getElementById("list-empty").hidden = result.items.length > 0;
      const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
      document.getElementById("list-summary").textContent = `${result.total} số`;
      document.getElementById("list-page").textContent = `Trang ${result.page}/${pages}`;
      document.getElementById("list-prev").disabled = result.page <= 1;
      document.getElementById("list-next").disabled = result.page >= pages;
      Qk.message("");
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  function listRow(t) {
    return el(
      "tr",
      { "data-ticket": t.number, class: t.pastTarget ? "past-target" : null },
      el("td", {}, el("a", { href: "#", onclick: (e) => (e.preventDefault(), openTicket(t.id)) }, t.number)),
      el("td", {}, `${t.serviceCode} - ${t.serviceName}`),
      el("td", {}, statusNames[t.status] || t.status),
      el("td", {}, dateTime(t.issuedAt)),
      el("td", {}, time(t.calledAt)),
      el("td", { class: "num" }, duration(t.waitSeconds), t.pastTarget ? " ⚠" : ""),
      el("td", {}, t.counterNumber ?? ""),
      el("td", {}, t.officerName ?? ""),
    );
  }

  async function openTicket(id) {
    try {
      const found = await Qk.get(QkHub.routes.Supervision + "/tickets/" + id);
      results.replaceChildren(renderTicket(found));
      results.scrollIntoView({ behavior: "smooth" });
    } catch (err) {
      Qk.message(err.message, true);
    }
  }

  list.form.addEventListener("submit", (e) => {
    e.preventDefault();
    loadList(1);
  });
  document.getElementById("list-prev").addEventListener("click", () => loadList(list.page - 1));
  document.getElementById("list-next").addEventListener("click", () => loadList(list.page + 1));

  if (number.value) {
    find();
  }
  loadList(1);
})();
