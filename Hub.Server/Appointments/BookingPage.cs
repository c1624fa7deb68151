using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tracking;

namespace QueueKiosk.HubServer.Appointments;

/// <summary>
/// The public booking page for phones (docs/appointments.md), built like the tracking page
/// (Tracking/PublicPages): one small HTML document, Vietnamese first, filled by /public/book.js,
/// which reads the API's routes from the data attributes here rather than spelling them.
/// </summary>
public static class BookingPage
{
    public static string Html() => PublicPages.Document("Đặt lịch hẹn", $"""
        <main id="qk-book" data-services="{Attr(HubRoutes.PublicBookingServices)}" data-slots="{Attr(HubRoutes.PublicBookingSlots)}"
          data-bookings="{Attr(HubRoutes.PublicBookings)}" data-cancel="{Attr(HubRoutes.PublicBookingCancelPattern)}" data-remote="{Attr(HubRoutes.PublicRemoteTickets)}">
        <h1>Đặt lịch hẹn làm thủ tục</h1>
        <p class="muted">Book a time at the one-stop office, or take a number for today from home.</p>
        <div class="card">
          <label for="qk-service">Dịch vụ</label><br><select id="qk-service" data-testid="book-service" style="width:100%"></select>
          <p id="qk-remote-box" hidden><button type="button" id="qk-remote-open" data-testid="remote-open">Lấy số thứ tự hôm nay từ xa</button></p>
          <div id="qk-remote-form" hidden>
            <label for="qk-remote-phone">Số điện thoại di động</label><br>
            <input id="qk-remote-phone" data-testid="remote-phone" inputmode="tel" autocomplete="tel" maxlength="15">
            <button type="button" id="qk-remote" data-testid="remote-take">Lấy số</button>
            <div id="qk-remote-result" data-testid="remote-result"></div>
          </div>
        </div>
        <div class="card" id="qk-booking-form">
          <label for="qk-procedure">Thủ tục (không bắt buộc)</label><br><select id="qk-procedure" data-testid="book-procedure" style="width:100%"></select>
          <p><label for="qk-day">Ngày</label><br><select id="qk-day" data-testid="book-day" style="width:100%"></select></p>
          <p>Khung giờ (số chỗ còn lại)</p><div id="qk-slots" data-testid="book-slots"></div>
          <p><label for="qk-name">Họ và tên</label><br><input id="qk-name" data-testid="book-name" autocomplete="name" maxlength="100" style="width:95%"></p>
          <p><label for="qk-phone">Số điện thoại di động</label><br><input id="qk-phone" data-testid="book-phone" inputmode="tel" autocomplete="tel" maxlength="15" style="width:95%"></p>
          <p><label for="qk-cccd">Số căn cước công dân (không bắt buộc, 12 chữ số: để xác nhận tại kiosk bằng thẻ)</label><br>
          <input id="qk-cccd" data-testid="book-cccd" inputmode="numeric" maxlength="12" style="width:95%"></p>
          <p><button type="button" id="qk-submit" data-testid="book-submit">Đặt lịch</button></p>
        </div>
        <div class="card" id="qk-error" data-testid="book-error" role="alert" hidden></div>
        <div class="card" id="qk-result" data-testid="book-result" hidden>
          <p class="big">Mã lịch hẹn: <span id="qk-code" data-testid="book-code"></span></p>
          <p id="qk-when"></p><img id="qk-qr" data-testid="book-qr" alt="Mã QR của lịch hẹn" width="200" height="200">
          <p class="muted">Tại kiosk, chọn "Tôi đã đặt lịch hẹn" rồi quét mã QR này hoặc gõ mã.</p>
        </div>
        <div class="card">
          <p class="big">Hủy lịch hẹn</p>
          <label for="qk-cancel-code">Mã lịch hẹn</label><br><input id="qk-cancel-code" data-testid="cancel-code" maxlength="8" autocapitalize="characters">
          <button type="button" id="qk-cancel" data-testid="cancel-submit">Hủy lịch</button>
          <p id="qk-cancel-result" data-testid="cancel-result" role="status"></p>
        </div>
        </main>
        """, "/public/book.js");

    private static string Attr(string text) => TrackingApi.Encode(text);
}
