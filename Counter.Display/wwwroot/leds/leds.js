// The LED boards page: draws every board the display host drives as it looks, seven-segment digits
// lit from the same patterns the boards use (the host sends them in /leds/state, Kiosk.Devices'
// SevenSegment). Polled: what a board shows changes only after the host has written to it, so the
// page asks the host rather than the hall's live feed.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const svgNs = "http://www.w3.org/2000/svg";
  const pollMs = 250;

  // Segment a..g of one digit in a 60x100 cell: [x, y, width, height].
  const segments = [
    [12, 4, 36, 8],
    [48, 12, 8, 36],
    [48, 52, 8, 36],
    [12, 88, 36, 8],
    [4, 52, 8, 36],
    [4, 12, 8, 36],
    [12, 46, 36, 8],
  ];
  const cell = 64;
  const margin = 14;

  let last = "";

  function svg(tag, attrs) {
    const node = document.createElementNS(svgNs, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    return node;
  }

  // One board: a dark housing with its digits, each segment lit or not from its bit (bit 0 = a).
  function drawBoard(board) {
    const width = margin * 2 + board.segments.length * cell;
    const picture = svg("svg", { viewBox: `0 0 ${width} ${100 + margin * 2}`, role: "img" });
    picture.setAttribute("aria-label", `Quầy ${board.counter}: ${(board.shown || "").trim() || "tắt"}`);
    picture.append(
      svg("rect", { x: 0, y: 0, width, height: 100 + margin * 2, rx: 10, fill: "#0b0b0b", stroke: "#444", "stroke-width": 3 }),
    );
    board.segments.forEach((bits, i) => {
      const digit = svg("g", { transform: `translate(${margin + i * cell + 2} ${margin}) skewX(-5)`, "data-digit": i });
      segments.forEach(([x, y, w, h], s) => {
        const lit = (bits >> s) & 1;
        digit.append(svg("rect", { x, y, width: w, height: h, rx: 3, class: lit ? "seg on" : "seg", "data-segment": "abcdefg"[s] }));
      });
      picture.append(digit);
    });

    const figure = document.createElement("figure");
    figure.className = "board";
    figure.dataset.board = String(board.counter);
    figure.dataset.shown = (board.shown || "").trim();
    figure.dataset.answering = String(board.answering);
    const caption = document.createElement("figcaption");
    caption.textContent = `Quầy ${board.counter}`;
    const detail = document.createElement("small");
    const kind = board.virtual ? "bảng ảo" : "trên đường dây";
    detail.textContent = `${board.board} · ${kind}${board.answering ? "" : " · không phản hồi, đang thử lại"}`;
    caption.append(detail);
    figure.append(picture, caption);
    return figure;
  }

  function render(boards) {
    $("none").hidden = boards.length > 0;
    $("boards").replaceChildren(...boards.map(drawBoard));
  }

  async function poll() {
    try {
      const response = await fetch("/leds/state", { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      const text = await response.text();
      $("offline").hidden = true;
      // Redrawn only when a board changed: the page stays still between calls.
      if (text !== last) {
        last = text;
        render(JSON.parse(text));
      }
    } catch {
      $("offline").hidden = false;
    } finally {
      setTimeout(poll, pollMs);
    }
  }

  poll();
})();
