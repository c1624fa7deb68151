// The live feed of the browser pages, in one file: the browser twin of Hub.Client's QueueFeed
// (Hub.Client/Realtime/Resync/QueueFeed.cs). scripts/copy-web-libs.sh copies it into the
// git-ignored wwwroot/lib of Hub.Server (officer console, supervisor dashboard) and
// Counter.Display (hall and counter screens), like the npm libraries.
//
// - sequencer(): per-site sequence numbers. An event one past the last is applied; an older one is
//   dropped; a gap fetches the whole state again (snapshot resync); events arriving while the
//   snapshot loads are kept and replayed on top of it.
// - hub(): a SignalR connection (official npm client) that never gives up, joins its group on every
//   (re)connect and then resyncs, so nothing shown is older than the last event.
// - stream(): an EventSource whose every "state" message is a whole snapshot (Counter.Display keeps
//   the sequence with QueueFeed in .NET), with a watchdog that marks the page offline.
"use strict";

window.QkLiveFeed = (function () {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function sequencer(options) {
    const { siteId, fetchSnapshot, onSnapshot, onEvent } = options;
    const onError = options.onError || (() => {});
    // Events that carry the last sequence instead of a new one (QueueStats: waiting counts).
    const unsequenced = new Set(options.unsequenced || []);
    let lastSequence = null;
    let resyncing = false;
    let buffered = [];

    function push(name, e) {
      if (siteId() !== undefined && e.siteId !== siteId()) return;
      if (resyncing || lastSequence === null) {
        // Bounded: if this many arrive while the snapshot loads, the snapshot after them is newer anyway.
        if (buffered.length < 1000) buffered.push([name, e]);
        return;
      }
      if (unsequenced.has(name) || typeof e.sequence !== "number") {
        onEvent(name, e);
        return;
      }
      if (e.sequence <= lastSequence) return;
      if (e.sequence !== lastSequence + 1) {
        resync();
        return;
      }
      lastSequence = e.sequence;
      onEvent(name, e);
    }

    // A few quick tries; if the server still does not answer, try again a little later.
    async function resync() {
      if (resyncing) return;
      resyncing = true;
      let snapshot = null;
      try {
        for (let attempt = 0; attempt < 5 && snapshot === null; attempt++) {
          try {
            snapshot = await fetchSnapshot();
          } catch (err) {
            if (onError(err) === false) return;
            await sleep(500 * (attempt + 1));
          }
        }
      } finally {
        resyncing = false;
      }
      if (snapshot === null) {
        setTimeout(resync, 5000);
        return;
      }
      lastSequence = snapshot.lastSequence;
      onSnapshot(snapshot);
      const pending = buffered;
      buffered = [];
      for (const [name, e] of pending) push(name, e);
    }

    return {
      push,
      resync,
      // After a reconnect nothing is trusted until the next snapshot.
      reset() {
        lastSequence = null;
      },
      get lastSequence() {
        return lastSequence;
      },
    };
  }

  function hub(options) {
    const { events, join, onEvent } = options;
    const onLink = options.onLink || (() => {});
    const retryDelays = options.retryDelays || [0, 500, 1000, 2000, 3000];
    const connection = new signalR.HubConnectionBuilder()
      // A device page (the rating tablet) signs in with its key; staff pages with their cookie.
      .withUrl(options.url || QkHub.routes.QueueHub, options.accessToken ? { accessTokenFactory: options.accessToken } : {})
      // Never give up: a page left open all day must come back whenever the server does.
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: (ctx) => retryDelays[Math.min(ctx.previousRetryCount, retryDelays.length - 1)],
      })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    for (const name of events) connection.on(name, (e) => onEvent(name, e));

    async function joined() {
      await join(connection);
      onLink(true);
    }

    connection.onreconnecting(() => onLink(false));
    connection.onreconnected(() => joined().catch(() => onLink(false)));
    connection.onclose(() => {
      onLink(false);
      setTimeout(start, 2000);
    });

    async function start() {
      try {
        await connection.start();
        await joined();
      } catch (err) {
        onLink(false);
        if (options.onStartError && options.onStartError(err) === false) return;
        setTimeout(start, 2000);
      }
    }

    return { connection, start };
  }

  function stream(options) {
    const url = options.url || "/live/events";
    const staleAfterMs = options.staleAfterMs || 25000;
    let lastSeen = Date.now();
    let online = false;
    const setOnline = (value) => {
      if (online !== value) {
        online = value;
        if (options.onLink) options.onLink(value);
      }
    };
    const source = new EventSource(url);
    source.addEventListener("open", () => {
      lastSeen = Date.now();
      setOnline(true);
    });
    source.addEventListener("error", () => setOnline(false));
    source.addEventListener("message", () => {
      lastSeen = Date.now();
    });
    for (const [name, handler] of Object.entries(options.on || {})) {
      source.addEventListener(name, (e) => {
        lastSeen = Date.now();
        if (name === "state") setOnline(true);
        handler(JSON.parse(e.data));
      });
    }
    // Marks the page offline when nothing (not even the server's 10 s ping) arrived for a while.
    setInterval(() => {
      if (Date.now() - lastSeen > staleAfterMs) setOnline(false);
    }, 5000);
    return source;
  }

  return { sequencer, hub, stream };
})();
