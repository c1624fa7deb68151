// Ticket history: find a ticket by number and day, show its events, and play the counter's
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

  async function find() {
    Qk.message("");
    const query = new URLSearchParams({ number: number.value.trim(), day: day.value });
    history.replaceState(null, "", "?" + query);
    try {
      const found = await Qk.get(QkHub.routes.Supervision + "/tickets?" + query);
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

  if (number.value) {
    find();
  }
})();
