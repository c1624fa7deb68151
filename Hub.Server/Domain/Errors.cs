using System.Reflection;

namespace QueueKiosk.HubServer.Domain;

/// <summary>
/// Every error the hub answers with, in one place: code (what clients test, e.g. the kiosk tests
/// "site.closed"), kind (the HTTP status comes from it, in ProblemResults), and the text in
/// Vietnamese (the default) and English (Accept-Language: en). Throw sites name an entry here, so
/// a mistyped code does not compile; ErrorCatalogueTests check that every entry has both texts
/// with the same arguments and that codes are unique.
/// </summary>
public static class Errors
{
    // ---------------------------------------------------------------- request values

    public static readonly Error<string> Required = new("validation.required", ErrorKind.Invalid, "field",
        "Trường '{field}' là bắt buộc.", "The field '{field}' is required.");

    public static readonly Error<string> Invalid = new("validation.invalid", ErrorKind.Invalid, "field",
        "Giá trị của trường '{field}' không hợp lệ.", "The value of '{field}' is not valid.");

    public static readonly Error<string, int> TooLong = new("validation.too_long", ErrorKind.Invalid, ("field", "max"),
        "Trường '{field}' dài quá {max} ký tự.", "The field '{field}' is longer than {max} characters.");

    public static readonly Error<string> ControlCharacters = new("validation.control_characters", ErrorKind.Invalid, "field",
        "Trường '{field}' chứa ký tự điều khiển hoặc ký tự hỏng, không lưu được.", "The field '{field}' holds control or broken characters and cannot be stored.");

    public static readonly Error<string> Duplicate = new("validation.duplicate", ErrorKind.Conflict, "field",
        "Giá trị của trường '{field}' đã được dùng.", "The value of '{field}' is already in use.");

    public static readonly Error<string> DateOutOfRange = new("validation.date_out_of_range", ErrorKind.Invalid, "field",
        "Thời điểm '{field}' phải nằm trong các năm 2000 đến 2099.", "The time '{field}' must be within the years 2000 to 2099.");

    public static readonly Error WindowReversed = new("validation.window_reversed", ErrorKind.Invalid,
        "Thời điểm 'from' phải trước thời điểm 'to'.", "'from' must be before 'to'.");

    public static readonly Error<int> WindowTooLong = new("validation.window_too_long", ErrorKind.Invalid, "days",
        "Khoảng thời gian dài tối đa {days} ngày.", "The time window is at most {days} days long.");

    public static readonly Error BadBody = new("validation.body", ErrorKind.Invalid,
        "Nội dung yêu cầu không hợp lệ.", "The request body is not valid.");

    /// <summary>The title of a ProblemDetails that names a field (its detail says what is wrong).</summary>
    public static readonly Error FieldsTitle = new("validation.title", ErrorKind.Invalid,
        "Dữ liệu gửi lên không hợp lệ.", "One or more fields are not valid.");

    // ---------------------------------------------------------------- catalogue

    public static readonly Error SiteNotFound = new("site.not_found", ErrorKind.NotFound,
        "Không tìm thấy đơn vị.", "Site not found.");

    public static readonly Error<string> SiteClosed = new("site.closed", ErrorKind.Conflict, "opensAt",
        "Ngoài giờ làm việc: chưa cấp số thứ tự. Bộ phận một cửa mở lại lúc {opensAt}.", "Outside opening hours: no tickets are issued. The office opens again at {opensAt}.");

    public static readonly Error ServiceNotFound = new("service.not_found", ErrorKind.Invalid,
        "Không tìm thấy dịch vụ (quầy phục vụ).", "Service not found.");

    public static readonly Error<string> NumbersExhausted = new("service.numbers_exhausted", ErrorKind.Conflict, "service",
        "Dịch vụ {service} đã hết số thứ tự trong ngày.", "Service {service} has run out of numbers for today.");

    public static readonly Error ProcedureNotFound = new("procedure.not_found", ErrorKind.Invalid,
        "Không tìm thấy thủ tục hành chính.", "Procedure not found.");

    public static readonly Error ProcedureWithoutService = new("procedure.no_service", ErrorKind.Invalid,
        "Thủ tục chưa được gán cho dịch vụ nào.", "The procedure is not mapped to a service.");

    public static readonly Error IssueTargetRequired = new("issue.target_required", ErrorKind.Invalid,
        "Cần chọn dịch vụ hoặc thủ tục.", "Choose a service or a procedure.");

    // ---------------------------------------------------------------- counters

    public static readonly Error CounterNotFound = new("counter.not_found", ErrorKind.NotFound,
        "Không tìm thấy quầy.", "Counter not found.");

    public static readonly Error BadTargetCounter = new("counter.bad_target", ErrorKind.Invalid,
        "Quầy chuyển đến không hợp lệ.", "The target counter is not valid.");

    public static readonly Error CounterClosed = new("counter.closed", ErrorKind.Conflict,
        "Quầy đang đóng.", "The counter is closed.");

    public static readonly Error CounterPaused = new("counter.paused", ErrorKind.Conflict,
        "Quầy đang tạm dừng.", "The counter is paused.");

    public static readonly Error CounterNotPaused = new("counter.not_paused", ErrorKind.Conflict,
        "Quầy không ở trạng thái tạm dừng.", "The counter is not paused.");

    public static readonly Error NoCurrentTicket = new("counter.no_current_ticket", ErrorKind.Conflict,
        "Quầy chưa gọi số nào.", "The counter has no current ticket.");

    // ---------------------------------------------------------------- tickets

    public static readonly Error TicketNotFound = new("ticket.not_found", ErrorKind.NotFound,
        "Không tìm thấy số thứ tự.", "Ticket not found.");

    public static readonly Error<string, string> TicketBadStatus = new("ticket.bad_status", ErrorKind.Conflict, ("number", "status"),
        "Số {number} đang ở trạng thái {status}, không thể thực hiện thao tác này.", "Ticket {number} is {status}; this action is not allowed.");

    public static readonly Error TransferTargetRequired = new("transfer.target_required", ErrorKind.Invalid,
        "Cần chọn dịch vụ hoặc quầy để chuyển đến.", "Choose a service or a counter to transfer to.");

    public static readonly Error ScoreRange = new("rating.score_range", ErrorKind.Invalid,
        "Điểm đánh giá phải từ 1 đến 5.", "The score must be between 1 and 5.");

    public static readonly Error QueueNotSaved = new("queue.not_saved", ErrorKind.Unavailable,
        "Chưa lưu được thao tác vào cơ sở dữ liệu. Vui lòng thử lại.", "The action could not be saved to the database. Please try again.");

    // ---------------------------------------------------------------- people and devices

    public static readonly Error BadCredentials = new("auth.bad_credentials", ErrorKind.Unauthenticated,
        "Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password.");

    public static readonly Error<string> AccountLocked = new("auth.locked", ErrorKind.Locked, "until",
        "Tài khoản tạm khóa do nhập sai nhiều lần. Thử lại sau {until}.", "The account is locked after repeated failures. Try again after {until}.");

    public static readonly Error CounterRequired = new("auth.counter_required", ErrorKind.Invalid,
        "Cán bộ phải chọn quầy khi đăng nhập.", "Officers must choose their counter when signing in.");

    public static readonly Error CounterNotInSite = new("auth.counter_not_in_site", ErrorKind.Invalid,
        "Quầy đã chọn không thuộc đơn vị của tài khoản.", "The chosen counter is not at this account's site.");

    public static readonly Error ForbiddenCounter = new("auth.forbidden_counter", ErrorKind.Forbidden,
        "Bạn chỉ được thao tác tại quầy của mình.", "You may act only at your own counter.");

    public static readonly Error ForbiddenSite = new("auth.forbidden_site", ErrorKind.Forbidden,
        "Bạn chỉ được xem số liệu của đơn vị mình.", "You may see only your own site.");

    public static readonly Error DevicesOnly = new("auth.devices_only", ErrorKind.Forbidden,
        "Chỉ thiết bị (dùng khóa thiết bị) được gửi trạng thái.", "Only devices (with a device key) report their status.");

    public static readonly Error UnknownDevice = new("auth.unknown_device", ErrorKind.Forbidden,
        "Thiết bị chưa được đăng ký với máy chủ.", "This device is not registered with the hub.");

    public static readonly Error<string> TooManySignIns = new("auth.too_many_attempts", ErrorKind.Throttled, "until",
        "Quá nhiều lần đăng nhập sai từ máy này. Thử lại sau {until}.", "Too many failed sign-ins from this computer. Try again after {until}.");

    public static readonly Error CrossSiteRequest = new("auth.cross_site", ErrorKind.Forbidden,
        "Yêu cầu đến từ một trang khác (Origin không khớp), không được thực hiện.", "The request came from another site (its Origin does not match) and was refused.");

    public static readonly Error RatingChannelOnly = new("rating.channel_only", ErrorKind.Forbidden,
        "Chỉ người dân đánh giá, qua máy đánh giá tại quầy.", "Only citizens rate, on a counter's rating tablet.");

    public static readonly Error RatingNotFinished = new("rating.not_finished", ErrorKind.Conflict,
        "Chỉ đánh giá được lượt đã phục vụ xong.", "Only a finished ticket can be rated.");

    public static readonly Error AlreadyRated = new("rating.already_rated", ErrorKind.Conflict,
        "Lượt này đã được đánh giá.", "This ticket has already been rated.");

    // ---------------------------------------------------------------- supervision and dossiers

    public static readonly Error AlertNotFound = new("alert.not_found", ErrorKind.NotFound,
        "Không tìm thấy cảnh báo.", "Alert not found.");

    public static readonly Error DossierNotFound = new("dossier.not_found", ErrorKind.NotFound,
        "Không tìm thấy hồ sơ với mã này.", "No dossier with this code.");

    public static readonly Error DossierBadCode = new("dossier.bad_code", ErrorKind.Invalid,
        "Mã hồ sơ không đúng định dạng (ví dụ 000.00.14.H56-200203-0118).", "The dossier code is not in the official format (e.g. 000.00.14.H56-200203-0118).");

    // ---------------------------------------------------------------- the server

    public static readonly Error DatabaseUnavailable = new("database.unavailable", ErrorKind.Unavailable,
        "Tạm thời không kết nối được cơ sở dữ liệu, thao tác chưa được lưu. Vui lòng thử lại sau ít phút.", "The database cannot be reached right now; nothing was saved. Please try again in a few minutes.");

    public static readonly Error Unexpected = new("error.unexpected", ErrorKind.Unexpected,
        "Đã có lỗi xảy ra. Vui lòng thử lại.", "Something went wrong. Please try again.");

    /// <summary>Every entry above.</summary>
    public static IReadOnlyList<ErrorEntry> All() =>
        [.. typeof(Errors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => typeof(ErrorEntry).IsAssignableFrom(f.FieldType))
            .Select(f => (ErrorEntry)f.GetValue(null)!)];
}
