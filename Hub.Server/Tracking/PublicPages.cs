using System.Globalization;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Tracking;

/// <summary>
/// The public pages as plain HTML strings: one small document each (a few KB with its style),
/// no layout, no library, so a cheap phone over 3G shows it at once. The live parts are filled by
/// /public/track.js and /public/hall.js from the event stream named in data-events.
/// </summary>
public static class PublicPages
{
    internal const string Style =
        "body{font-family:system-ui,sans-serif;margin:0;padding:16px;background:#f4f6f8;color:#111;max-width:480px;margin:auto}"
        + "h1{font-size:1.1rem;margin:0 0 8px}.num{font-size:4rem;font-weight:700;text-align:center;margin:8px 0}"
        + ".card{background:#fff;border-radius:12px;padding:16px;margin:12px 0;box-shadow:0 1px 3px #0002}"
        + ".big{font-size:1.5rem;font-weight:700}.called{background:#0a7d32;color:#fff}.muted{color:#555;font-size:.9rem}"
        + "table{width:100%;border-collapse:collapse}td,th{padding:6px;border-bottom:1px solid #ddd;text-align:left}"
        + "button{font-size:1rem;padding:10px 14px;border-radius:8px;border:1px solid #888;background:#fff}";

    public static string Track(TrackedTicketDto view, string eventsUrl)
    {
        var day = view.LocalDay.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var body = view.Expired
            ? $"""
              <div class="card" id="qk-expired" data-testid="track-expired"><p class="big">Số thứ tự này của ngày {day}.</p>
              <p>Trang theo dõi chỉ dùng được trong ngày lấy số. Xin mời quý khách lấy số mới tại quầy lấy số.</p>
              <p class="muted">This ticket was for {day}; tracking works on that day only.</p></div>
              """
            : $"""
              <div class="card" id="qk-status" data-testid="track-status"><p class="big" id="qk-state">Đang tải…</p>
              <p id="qk-ahead" data-testid="track-ahead"></p><p id="qk-wait" data-testid="track-wait"></p></div>
              <p class="muted" id="qk-live" data-testid="track-live"></p>
              <p><button type="button" id="qk-sound" data-testid="track-sound">🔔 Bật âm báo khi đến lượt</button></p>
              <p class="muted">Trang chỉ dùng trong ngày {day}. Không cần đăng nhập; trang không chứa thông tin cá nhân.</p>
              """;
        return Document($"Số {view.Number}", $"""
            <main id="qk-track" data-events="{TrackingApi.Encode(eventsUrl)}" data-number="{TrackingApi.Encode(view.Number)}">
            <h1>Theo dõi số thứ tự</h1>
            <div class="num" id="qk-number" data-testid="track-number">{TrackingApi.Encode(view.Number)}</div>
            <p style="text-align:center" id="qk-service">{TrackingApi.Encode(view.ServiceName)}</p>
            {body}
            </main>
            """, view.Expired ? null : "/public/track.js");
    }

    public static string UnknownTicket() => Document("Không tìm thấy số thứ tự", """
        <main id="qk-unknown" data-testid="track-unknown"><h1>Không tìm thấy số thứ tự</h1>
        <div class="card"><p>Mã QR này không ứng với số thứ tự nào đang theo dõi được. Xin quý khách kiểm tra lại vé,
        hoặc hỏi cán bộ tại quầy hướng dẫn.</p><p class="muted">This tracking link is not known.</p></div></main>
        """, null);

    public static string Hall(string eventsUrl) => Document("Sảnh chờ", $"""
        <main id="qk-hall" data-events="{TrackingApi.Encode(eventsUrl)}">
        <h1 id="qk-site">Sảnh chờ</h1>
        <div class="card"><p class="big">Đang gọi</p><table><tbody id="qk-calls" data-testid="hall-calls"></tbody></table></div>
        <div class="card"><p class="big">Đang chờ</p><table><tbody id="qk-waiting" data-testid="hall-waiting"></tbody></table></div>
        <p class="muted" id="qk-live"></p></main>
        """, "/public/hall.js");

    internal static string Document(string title, string main, string? script) => $"""
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
        <meta name="robots" content="noindex"><title>{TrackingApi.Encode(title)}</title><style>{Style}</style></head>
        <body>{main}{(script is null ? "" : $"<script src=\"{script}\" defer></script>")}</body></html>
        """;
}
