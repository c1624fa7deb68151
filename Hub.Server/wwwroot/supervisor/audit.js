// Admins: who opened which recording, newest first.
"use strict";

(async function () {
  const { el, dateTime } = Qk;
  try {
    const views = await Qk.get(QkHub.routes.Supervision + "/recording-views");
    document.getElementById("views-empty").hidden = views.length > 0;
    document
      .getElementById("views")
      .replaceChildren(
        ...views.map((v) =>
          el(
            "tr",
            {},
            el("td", {}, dateTime(v.viewedAt)),
            el("td", {}, v.userName),
            el("td", {}, v.cameraId),
            el("td", {}, v.fileName),
            el("td", {}, dateTime(v.segmentStart)),
            el("td", {}, v.remoteAddress || ""),
          ),
        ),
      );
  } catch (err) {
    Qk.message(err.message, true);
  }
})();
