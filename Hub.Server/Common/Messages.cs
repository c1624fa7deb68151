using System.Globalization;

namespace QueueKiosk.HubServer.Common;

/// <summary>User-facing error texts: Vietnamese first, English when the caller asks (Accept-Language: en).</summary>
public static class Messages
{
    private static readonly Dictionary<string, (string Vi, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["site.not_found"] = ("Không tìm thấy đơn vị.", "Site not found."),
        ["site.closed"] = ("Ngoài giờ làm việc: chưa cấp số thứ tự. Bộ phận một cửa mở lại lúc {0}.", "Outside opening hours: no tickets are issued. The office opens again at {0}."),
        ["service.not_found"] = ("Không tìm thấy dịch vụ (quầy phục vụ).", "Service not found."),
        ["service.numbers_exhausted"] = ("Dịch vụ {0} đã hết số thứ tự trong ngày.", "Service {0} has run out of numbers for today."),
        ["procedure.not_found"] = ("Không tìm thấy thủ tục hành chính.", "Procedure not found."),
        ["procedure.no_service"] = ("Thủ tục chưa được gán cho dịch vụ nào.", "The procedure is not mapped to a service."),
        ["issue.target_required"] = ("Cần chọn dịch vụ hoặc thủ tục.", "Choose a service or a procedure."),
        ["counter.not_found"] = ("Không tìm thấy quầy.", "Counter not found."),
        ["counter.bad_target"] = ("Quầy chuyển đến không hợp lệ.", "The target counter is not valid."),
        ["counter.closed"] = ("Quầy đang đóng.", "The counter is closed."),
        ["counter.paused"] = ("Quầy đang tạm dừng.", "The counter is paused."),
        ["counter.not_paused"] = ("Quầy không ở trạng thái tạm dừng.", "The counter is not paused."),
        ["counter.no_current_ticket"] = ("Quầy chưa gọi số nào.", "The counter has no current ticket."),
        ["queue.not_saved"] = ("Chưa lưu được thao tác vào cơ sở dữ liệu. Vui lòng thử lại.", "The action could not be saved to the database. Please try again."),
        ["ticket.not_found"] = ("Không tìm thấy số thứ tự.", "Ticket not found."),
        ["ticket.bad_status"] = ("Số {0} đang ở trạng thái {1}, không thể thực hiện thao tác này.", "Ticket {0} is {1}; this action is not allowed."),
        ["transfer.target_required"] = ("Cần chọn dịch vụ hoặc quầy để chuyển đến.", "Choose a service or a counter to transfer to."),
        ["rating.score_range"] = ("Điểm đánh giá phải từ 1 đến 5.", "The score must be between 1 and 5."),
        ["validation.required"] = ("Trường '{0}' là bắt buộc.", "The field '{0}' is required."),
        ["validation.invalid"] = ("Giá trị của trường '{0}' không hợp lệ.", "The value of '{0}' is not valid."),
        ["validation.too_long"] = ("Trường '{0}' dài quá {1} ký tự.", "The field '{0}' is longer than {1} characters."),
        ["validation.body"] = ("Nội dung yêu cầu không hợp lệ.", "The request body is not valid."),
        ["validation.title"] = ("Dữ liệu gửi lên không hợp lệ.", "One or more fields are not valid."),
        ["auth.bad_credentials"] = ("Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password."),
        ["auth.locked"] = ("Tài khoản tạm khóa do nhập sai nhiều lần. Thử lại sau {0}.", "The account is locked after repeated failures. Try again after {0}."),
        ["auth.counter_required"] = ("Cán bộ phải chọn quầy khi đăng nhập.", "Officers must choose their counter when signing in."),
        ["auth.forbidden_counter"] = ("Bạn chỉ được thao tác tại quầy của mình.", "You may act only at your own counter."),
        ["dossier.not_found"] = ("Không tìm thấy hồ sơ với mã này.", "No dossier with this code."),
        ["dossier.bad_code"] = ("Mã hồ sơ không đúng định dạng (ví dụ 000.00.14.H56-200203-0118).", "The dossier code is not in the official format (e.g. 000.00.14.H56-200203-0118)."),
        ["database.unavailable"] = ("Tạm thời không kết nối được cơ sở dữ liệu, thao tác chưa được lưu. Vui lòng thử lại sau ít phút.", "The database cannot be reached right now; nothing was saved. Please try again in a few minutes."),
        ["error.unexpected"] = ("Đã có lỗi xảy ra. Vui lòng thử lại.", "Something went wrong. Please try again."),
    };

    public static bool IsEnglish(HttpContext context)
    {
        var header = context.Request.Headers.AcceptLanguage.ToString();
        return header.Length >= 2 && header.StartsWith("en", StringComparison.OrdinalIgnoreCase);
    }

    public static string Get(string code, bool english, params object?[] args)
    {
        var (vi, en) = Texts.TryGetValue(code, out var t) ? t : (code, code);
        var format = english ? en : vi;
        return args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
