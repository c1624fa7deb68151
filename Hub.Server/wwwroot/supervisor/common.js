// Shared helpers of the supervisor pages: JSON calls with Vietnamese errors, formatting in the site's zone.
"use strict";

window.Qk = (function () {
  const zone = "Asia/Ho_Chi_Minh";

  async function call(method, url, body) {
    // The hub words its errors in the page's language (Hub.Server/Domain/Errors.cs, Accept-Language).
    const init = { method, headers: { Accept: "application/json", "Accept-Language": lang }, credentials: "same-origin" };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url, init);
    if (response.status === 401) {
      location.href = "/supervisor/login?returnUrl=" + encodeURIComponent(location.pathname + location.search);
      throw new Error(t("Phiên đăng nhập đã hết, vui lòng đăng nhập lại.", "Your session has ended; please sign in again."));
    }
    if (!response.ok) {
      let text = t(`Lỗi ${response.status}`, `Error ${response.status}`);
      try {
        const problem = await response.json();
        text = problem.detail || problem.title || text;
        if (problem.errors) {
          text += ": " + Object.values(problem.errors).flat().join("; ");
        }
      } catch {
        // Not a ProblemDetails body: keep the status text.
      }
      throw new Error(text);
    }
    return response.status === 204 ? null : response.json();
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k.startsWith("data-")) node.setAttribute(k, v);
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node[k] = v;
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleTimeString("vi-VN", { timeZone: zone, hour: "2-digit", minute: "2-digit", second: "2-digit" }) : "";
  }

  function dateTime(iso) {
    return iso ? new Date(iso).toLocaleString("vi-VN", { timeZone: zone }) : "";
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return "–";
    const s = Math.max(0, Math.round(seconds));
    const h = Math.floor(s / 3600),
      m = Math.floor((s % 3600) / 60),
      r = s % 60;
    if (lang === "en") return h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${r} s` : `${r} s`;
    return h > 0 ? `${h} giờ ${m} phút` : m > 0 ? `${m} phút ${r} giây` : `${r} giây`;
  }

  function today() {
    // The site's local day as yyyy-MM-dd (en-CA formats dates that way).
    return new Date().toLocaleDateString("en-CA", { timeZone: zone });
  }

  function message(text, isError) {
    const box = document.getElementById("message");
    if (!box) return;
    box.textContent = text || "";
    box.className = "message" + (isError ? " error" : "");
    box.hidden = !text;
  }

  // One language at a time (issue 10 item 13), on every supervisor page: the switch in the top bar
  // words the page in the reader's choice, kept in this browser. Static text carries its English in
  // data-en; what the scripts write goes through t(vi, en). This is the one source of the switch.
  const langKey = "qk.supervisor.lang";
  const lang = localStorage.getItem(langKey) === "en" ? "en" : "vi";

  /** The text in the page's language: t("Đang mở", "Open"). */
  function t(vi, en) {
    return lang === "en" ? en : vi;
  }

  // Static text of the page and layout: elements carrying data-en (and data-en-title) get the English in place.
  function applyLanguage() {
    document.documentElement.lang = lang;
    const toggle = document.getElementById("lang-switch");
    if (toggle) {
      toggle.textContent = lang === "en" ? "Tiếng Việt" : "English";
      toggle.addEventListener("click", () => {
        localStorage.setItem(langKey, lang === "en" ? "vi" : "en");
        location.reload();
      });
    }
    if (lang !== "en") return;
    for (const node of document.querySelectorAll("[data-en]")) node.textContent = node.dataset.en;
    for (const node of document.querySelectorAll("[data-en-placeholder]")) node.placeholder = node.dataset.enPlaceholder;
    for (const node of document.querySelectorAll("[data-en-title]:not(body)")) node.title = node.dataset.enTitle;
    if (document.body.dataset.enTitle) document.title = document.body.dataset.enTitle;
  }

  /**
   * For a list that a form fetches again: `const latest = Qk.latestOnly();`, then
   * `await latest(Qk.get(url))` settles only for the newest call. An older answer that arrives
   * after it (the page's first load still on its way when the user filtered) never settles, so it
   * cannot replace the newer list with rows the filter excludes.
   */
  function latestOnly() {
    let newest = 0;
    return async (promise) => {
      const mine = ++newest;
      const stale = () => new Promise(() => {});
      try {
        const value = await promise;
        return mine === newest ? value : stale();
      } catch (err) {
        if (mine !== newest) return stale();
        throw err;
      }
    };
  }

  applyLanguage();

  const logout = document.getElementById("logout");
  if (logout) {
    logout.addEventListener("click", async () => {
      try {
        await call("POST", QkHub.routes.Logout);
      } catch {
        /* signed out anyway */
      }
      location.href = "/supervisor/login";
    });
  }

  return {
    latestOnly,
    get: (url) => call("GET", url),
    post: (url, body) => call("POST", url, body),
    put: (url, body) => call("PUT", url, body),
    del: (url) => call("DELETE", url),
    el,
    time,
    dateTime,
    duration,
    today,
    message,
    zone,
    lang,
    t,
  };
})();
