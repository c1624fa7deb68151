// The tracking page of one ticket (docs/ticket-tracking.md): follows the ticket over server-sent
// events, and when it is called shows the counter, changes the title, beeps and vibrates where the
// phone allows. No library: a cheap phone over 3G loads this in one small request.
"use strict";

(function () {
  const root = document.getElementById("qk-track");
  if (!root || !root.dataset.events) return;
  const number = root.dataset.number;
  const baseTitle = document.title;
  const el = (id) => document.getElementById(id);
  let audio = null;
  let announced = "";

  const finalText = {
    Served: "Quý khách đã được phục vụ. Xin cảm ơn!",
    NoShow: "Số đã được gọi nhưng quý khách không có mặt. Xin hỏi cán bộ tại quầy.",
    Cancelled: "Số thứ tự này đã bị huỷ.",
    Expired: "Số thứ tự này đã hết hạn.",
  };

  function waitText(minutes, ahead) {
    if (ahead === 0) return "Sắp đến lượt quý khách.";
    if (minutes < 1) return "Thời gian chờ dự kiến: dưới 1 phút";
    if (minutes < 60) return `Thời gian chờ dự kiến: khoảng ${minutes} phút`;
    return `Thời gian chờ dự kiến: khoảng ${Math.floor(minutes / 60)} giờ ${minutes % 60} phút`;
  }

  function counterText(view) {
    return view.counterName ? `Quầy ${view.counterNumber} (${view.counterName})` : `Quầy ${view.counterNumber}`;
  }

  function beep() {
    if (!audio) return;
    const now = audio.currentTime;
    for (let i = 0; i < 3; i++) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.setValueAtTime(0.3, now + i * 0.4);
      gain.gain.setValueAtTime(0, now + i * 0.4 + 0.25);
      tone.connect(gain).connect(audio.destination);
      tone.start(now + i * 0.4);
      tone.stop(now + i * 0.4 + 0.3);
    }
  }

  function announce(view) {
    // Once per call and once per recall: a re-sent view must not ring again.
    const key = `${view.counterNumber}/${view.recallCount}`;
    if (announced === key) return;
    announced = key;
    beep();
    if (navigator.vibrate) navigator.vibrate([400, 200, 400, 200, 400]);
  }

  function render(view) {
    const state = el("qk-state");
    const status = el("qk-status");
    el("qk-ahead").textContent = "";
    el("qk-wait").textContent = "";
    status.classList.remove("called");
    root.dataset.status = view.status;
    if (view.expired) {
      state.textContent = `Số thứ tự này của ngày ${view.localDay}; trang chỉ dùng trong ngày lấy số.`;
      document.title = baseTitle;
      return;
    }
    if (view.status === "Waiting") {
      state.textContent = "Đang chờ đến lượt";
      el("qk-ahead").textContent = `Số người chờ trước quý khách: ${view.peopleAhead}`;
      el("qk-wait").textContent = waitText(view.estimatedWaitMinutes, view.peopleAhead);
      document.title = `${number}: ${view.peopleAhead} người trước`;
    } else if (view.status === "Called") {
      state.textContent = `Mời số ${number} đến ${counterText(view)}`;
      status.classList.add("called");
      document.title = `🔔 Đến lượt! ${number} → Quầy ${view.counterNumber}`;
      announce(view);
    } else if (view.status === "Serving") {
      state.textContent = `Đang được phục vụ tại ${counterText(view)}`;
      document.title = baseTitle;
    } else {
      state.textContent = finalText[view.status] || view.status;
      document.title = baseTitle;
    }
  }

  el("qk-sound").addEventListener("click", () => {
    // Browsers play sound only after a tap on the page.
    const Context = window.AudioContext || window.webkitAudioContext;
    if (Context && !audio) audio = new Context();
    if (audio) audio.resume();
    el("qk-sound").textContent = "🔔 Âm báo đã bật";
  });

  const events = new EventSource(root.dataset.events);
  events.onopen = () => {
    el("qk-live").textContent = "Đang cập nhật trực tiếp.";
  };
  events.onmessage = (e) => render(JSON.parse(e.data));
  events.addEventListener("end", () => {
    events.close();
    el("qk-live").textContent = "";
  });
  events.addEventListener("gone", () => {
    events.close();
    el("qk-state").textContent = "Không tìm thấy số thứ tự này.";
  });
  events.onerror = () => {
    if (events.readyState !== EventSource.CLOSED) el("qk-live").textContent = "Mất kết nối, đang thử lại…";
  };
})();
