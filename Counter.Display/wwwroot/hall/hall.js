// The hall TV page: draws the state pushed by Counter.Display (through the shared live feed,
// lib/live-feed.js) and reads calls out one at a time. The screen never waits for the voice: the
// tiles, the recent calls and the banner (the latest call, while its ticket is still at the
// counter) follow the state at once; the voice plays the announcements Counter.Display publishes,
// which say a backlog in one sentence (hardware-docs/voice.md).
// Audio needs Chromium started with --autoplay-policy=no-user-gesture-required (no one clicks a TV).
"use strict";

(function () {
  const { clockText, el } = window.QkPage;
  const $ = (id) => document.getElementById(id);
  let hubConnected = true;
  let linkUp = false;
  let lastTickets = {};

  // What tests and the installer's console can read: announcements received, played, failed.
  const hall = (window.qkHall = { announced: [], played: [], failed: [], state: null });

  function showOffline() {
    $("offline").hidden = hubConnected && linkUp;
    document.body.dataset.online = String(hubConnected && linkUp);
  }

  function render(state) {
    hall.state = state;
    hubConnected = state.hubConnected;
    showOffline();
    document.body.dataset.version = String(state.version);
    // The site's name from its settings (the default title stays until the hub has answered).
    if (state.siteName) {
      $("site-name").textContent = state.siteName;
      document.title = state.siteName;
    }
    const logo = $("site-logo");
    if (state.siteLogoUrl && logo.getAttribute("src") !== state.siteLogoUrl) logo.src = state.siteLogoUrl;
    logo.hidden = !state.siteLogoUrl;

    const counters = $("counters");
    counters.replaceChildren(
      ...state.counters.map((c) => {
        const box = el("div", "counter");
        box.dataset.counter = String(c.number);
        box.append(el("div", "label", `Quầy ${c.number}`));
        // A paused counter says so where the number would be: "---" reads as "closed" or "broken".
        const idle = c.state === "Paused" ? "Tạm dừng" : "---";
        const num = el("div", "number" + (c.ticketNumber ? "" : c.state === "Paused" ? " none paused" : " none"), c.ticketNumber || idle);
        num.dataset.ticket = c.ticketNumber || "";
        box.append(num);
        const stateText =
          c.state === "Paused" ? `Tạm dừng${c.pauseReason ? ": " + c.pauseReason : ""}` : c.state === "Closed" ? "Đóng" : "";
        box.append(el("div", "state", stateText));
        if (c.ticketNumber && lastTickets[c.number] !== undefined && lastTickets[c.number] !== c.ticketNumber) {
          box.classList.add("flash");
        }
        return box;
      }),
    );
    lastTickets = Object.fromEntries(state.counters.map((c) => [c.number, c.ticketNumber]));

    $("last-calls").replaceChildren(
      ...state.lastCalls.map((call) => {
        const li = el("li");
        li.append(el("span", "num", call.ticketNumber));
        if (call.isRecall) li.append(el("span", "recall", "gọi lại"));
        li.append(el("span", "ctr", `→ Quầy ${call.counterNumber}`));
        return li;
      }),
    );

    $("services").replaceChildren(
      ...state.services.map((s) => {
        const box = el("div", "service");
        box.dataset.service = s.code;
        box.append(el("span", null, `${s.name}: `), el("b", null, String(s.waiting)), el("span", null, " người chờ"));
        return box;
      }),
    );

    $("news").textContent = state.newsLine || "";
    showBanner(state);
  }

  // The latest call, for as long as that ticket is at that counter (finished or called away: gone).
  function showBanner(state) {
    const banner = $("now-calling");
    const latest = state.lastCalls[0];
    const stillThere = latest && state.counters.some((c) => c.number === latest.counterNumber && c.ticketNumber === latest.ticketNumber);
    banner.hidden = !stillThere;
    banner.dataset.ticket = stillThere ? latest.ticketNumber : "";
    banner.textContent = stillThere ? `Mời số ${latest.ticketNumber} đến quầy ${latest.counterNumber}` : "";
  }

  // Announcements play strictly one after another, in arrival order.
  const queue = [];
  let playing = false;

  // The TV stays open for days: keep only the recent entries.
  function remember(list, item) {
    list.push(item);
    if (list.length > 50) list.splice(0, list.length - 50);
  }

  function announce(a) {
    remember(hall.announced, a);
    // Said inside another announcement's audio: nothing of its own to play.
    if (a.saidWith) return;
    queue.push(a);
    playNext();
  }

  async function playNext() {
    if (playing || queue.length === 0) return;
    playing = true;
    const a = queue.shift();
    try {
      if (a.audioUrl) {
        await playAudio(a.audioUrl);
        remember(hall.played, a.id);
      } else {
        await new Promise((r) => setTimeout(r, 3000));
      }
    } catch (err) {
      remember(hall.failed, { id: a.id, error: String(err) });
      await new Promise((r) => setTimeout(r, 3000));
    } finally {
      playing = false;
      playNext();
    }
  }

  function playAudio(url) {
    return new Promise((resolve, reject) => {
      const audio = new Audio(url);
      // Bounded: a stuck audio device must not hold the queue forever.
      const guard = setTimeout(() => reject(new Error("audio timeout")), 60000);
      audio.addEventListener("ended", () => {
        clearTimeout(guard);
        resolve();
      });
      audio.addEventListener("error", () => {
        clearTimeout(guard);
        reject(new Error("audio error"));
      });
      audio.play().catch((e) => {
        clearTimeout(guard);
        reject(e);
      });
    });
  }

  function tick() {
    const c = clockText(new Date());
    $("clock-time").textContent = c.time;
    $("clock-date").textContent = c.date;
  }

  tick();
  setInterval(tick, 1000);
  QkLiveFeed.stream({
    on: { state: render, announce },
    onLink: (up) => {
      linkUp = up;
      showOffline();
    },
  });
})();
