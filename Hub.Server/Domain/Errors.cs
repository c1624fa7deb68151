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

    // ---------------------------------------------------------------- catalogue administration (fields, procedures, import)

    public static readonly Error FieldNotFound = new("field.not_found", ErrorKind.NotFound,
        "Không tìm thấy lĩnh vực.", "Field not found.");

    public static readonly Error<string> FieldUnknown = new("field.unknown", ErrorKind.Invalid, "field",
        "Lĩnh vực ở trường '{field}' không có trong danh mục lĩnh vực.", "The field (lĩnh vực) given in '{field}' is not in the list of fields.");

    public static readonly Error<string> FieldRetired = new("field.retired", ErrorKind.Invalid, "field",
        "Lĩnh vực ở trường '{field}' đã ngừng sử dụng; khôi phục lĩnh vực trước.", "The field (lĩnh vực) given in '{field}' is retired; restore it first.");

    public static readonly Error ProcedureRecordNotFound = new("procedure.record_not_found", ErrorKind.NotFound,
        "Không tìm thấy thủ tục hành chính.", "Procedure not found.");

    public static readonly Error<string> ProcedureServiceUnknown = new("procedure.service_unknown", ErrorKind.Invalid, "field",
        "Dịch vụ ở trường '{field}' không có trong danh mục dịch vụ.", "The service given in '{field}' is not in the list of services.");

    public static readonly Error<string> ProcedureServiceRetired = new("procedure.service_retired", ErrorKind.Invalid, "field",
        "Dịch vụ ở trường '{field}' đã ngừng sử dụng.", "The service given in '{field}' is retired.");

    public static readonly Error<string> BadFee = new("procedure.bad_fee", ErrorKind.Invalid, "field",
        "Trường '{field}' không đọc được thành mức phí: ghi số tiền bằng đồng (50.000 đồng), \"Miễn phí\", tỷ lệ phần trăm hoặc văn bản không có số tiền.",
        "The field '{field}' cannot be read as a fee: write an amount in đồng (50.000 đồng), \"Miễn phí\", a percentage or a text without an amount.");

    public static readonly Error<string> CodeWithSpaces = new("validation.code_spaces", ErrorKind.Invalid, "field",
        "Mã ở trường '{field}' không được chứa khoảng trắng hay ký tự điều khiển.", "The code in '{field}' must not contain spaces or control characters.");

    public static readonly Error<int> ImportHasErrors = new("import.has_errors", ErrorKind.Invalid, "count",
        "Tệp danh mục có {count} lỗi nên chưa ghi gì vào cơ sở dữ liệu. Sửa các lỗi đã nêu theo từng dòng rồi nạp lại.",
        "The catalogue file has {count} errors, so nothing was written. Correct the errors named row by row and load it again.");

    public static readonly Error<string> ServiceRetired = new("service.retired", ErrorKind.Invalid, "service",
        "Dịch vụ {service} đã ngừng phục vụ, không cấp số cho dịch vụ này.", "Service {service} is retired; no tickets are issued for it.");

    public static readonly Error<string, string> PriorityNotAccepted = new("service.priority_not_accepted", ErrorKind.Invalid, ("service", "group"),
        "Dịch vụ {service} không tiếp nhận đối tượng ưu tiên '{group}'.", "Service {service} does not accept the priority group '{group}'.");

    public static readonly Error<string, string> PrefixInUse = new("service.prefix_in_use", ErrorKind.Conflict, ("prefix", "service"),
        "Trường 'prefix': ký hiệu '{prefix}' đã được dịch vụ {service} dùng.", "Field 'prefix': the letter '{prefix}' is already used by service {service}.");

    public static readonly Error<string> RangeOverlap = new("service.range_overlap", ErrorKind.Conflict, "service",
        "Trường 'rangeStart': dải số trùng với dải số của dịch vụ {service} (cùng ký hiệu).", "Field 'rangeStart': the number range overlaps that of service {service} (same prefix).");

    public static readonly Error<string> UnknownPriorityGroup = new("service.unknown_priority_group", ErrorKind.Invalid, "group",
        "Trường 'acceptedPriorities': không có nhóm ưu tiên '{group}'.", "Field 'acceptedPriorities': there is no priority group '{group}'.");

    public static readonly Error PriorityGroupNotFound = new("priority_group.not_found", ErrorKind.NotFound,
        "Không tìm thấy nhóm ưu tiên.", "Priority group not found.");

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

    public static readonly Error<string> CounterRetired = new("counter.retired", ErrorKind.Invalid, "counter",
        "Trường 'counterId': quầy {counter} đã ngừng hoạt động, không thể đăng nhập tại quầy này.", "Field 'counterId': counter {counter} is retired; it cannot be signed in at.");

    public static readonly Error<int> CounterNumberInUse = new("counter.number_in_use", ErrorKind.Conflict, "number",
        "Trường 'number': số quầy {number} đã được dùng (kể cả quầy đã ngừng hoạt động).", "Field 'number': counter number {number} is already used (retired counters included).");

    // ---------------------------------------------------------------- tickets

    public static readonly Error TicketNotFound = new("ticket.not_found", ErrorKind.NotFound,
        "Không tìm thấy số thứ tự.", "Ticket not found.");

    public static readonly Error<string, string> TicketBadStatus = new("ticket.bad_status", ErrorKind.Conflict, ("number", "status"),
        "Số {number} đang ở trạng thái {status}, không thể thực hiện thao tác này.", "Ticket {number} is {status}; this action is not allowed.");

    public static readonly Error<string> UndoExpired = new("ticket.undo_expired", ErrorKind.Conflict, "number",
        "Trường 'ticketId': không còn hoàn tác được thao tác cuối của số {number} (chỉ trong 10 giây, tại quầy đã thực hiện).",
        "Field 'ticketId': the last action on ticket {number} can no longer be undone (only within 10 seconds, at the counter that did it).");

    public static readonly Error<string, string> UndoCounterBusy = new("ticket.undo_counter_busy", ErrorKind.Conflict, ("number", "current"),
        "Trường 'ticketId': không hoàn tác được số {number} vì quầy đang phục vụ số {current}.",
        "Field 'ticketId': ticket {number} cannot be reopened while the counter is serving {current}.");

    public static readonly Error<string> NoShowNotFound = new("ticket.no_show_not_found", ErrorKind.NotFound, "number",
        "Trường 'number': hôm nay không có số {number} vắng mặt.", "Field 'number': there is no no-show ticket {number} today.");

    public static readonly Error TransferTargetRequired = new("transfer.target_required", ErrorKind.Invalid,
        "Cần chọn dịch vụ hoặc quầy để chuyển đến.", "Choose a service or a counter to transfer to.");

    public static readonly Error ScoreRange = new("rating.score_range", ErrorKind.Invalid,
        "Trường 'score': mức đánh giá phải từ 1 (Không hài lòng) đến 4 (Rất hài lòng).", "Field 'score': the level must be from 1 (unhappy) to 4 (very satisfied).");

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

    public static readonly Error<int, string> CounterOccupied = new("auth.counter_occupied", ErrorKind.Conflict, ("counter", "officer"),
        "Trường 'counterId': quầy {counter} đang có cán bộ {officer} làm việc. Chọn quầy khác, hoặc tiếp quản quầy (phiên của {officer} sẽ kết thúc).",
        "Field 'counterId': {officer} is signed in at counter {counter}. Choose another counter, or take it over (ending {officer}'s session).");

    public static readonly Error ForbiddenCounter = new("auth.forbidden_counter", ErrorKind.Forbidden,
        "Bạn chỉ được thao tác tại quầy của mình.", "You may act only at your own counter.");

    public static readonly Error<string, int> TicketNotForCounter = new("auth.ticket_not_for_counter", ErrorKind.Forbidden, ("number", "counter"),
        "Số {number} không thuộc dịch vụ của quầy {counter} và không được chuyển đến quầy này; cán bộ quầy không được thao tác trên số này.",
        "Ticket {number} is not of a service of counter {counter} and was not transferred to it; the counter's officer may not act on it.");

    public static readonly Error ForbiddenSite = new("auth.forbidden_site", ErrorKind.Forbidden,
        "Bạn chỉ được xem số liệu của đơn vị mình.", "You may see only your own site.");

    public static readonly Error DevicesOnly = new("auth.devices_only", ErrorKind.Forbidden,
        "Chỉ thiết bị (dùng khóa thiết bị) được gửi trạng thái.", "Only devices (with a device key) report their status.");

    public static readonly Error UnknownDevice = new("auth.unknown_device", ErrorKind.Forbidden,
        "Thiết bị chưa được đăng ký với máy chủ.", "This device is not registered with the hub.");

    // ---------------------------------------------------------------- staff accounts and devices (docs/administration.md)

    public static readonly Error AccountLockedByAdmin = new("auth.locked_by_admin", ErrorKind.Forbidden,
        "Tài khoản đã bị quản trị viên khóa. Liên hệ quản trị viên để mở khóa.", "The account has been locked by an administrator. Ask an administrator to unlock it.");

    public static readonly Error AccountRetired = new("auth.account_retired", ErrorKind.Forbidden,
        "Tài khoản đã ngừng sử dụng, không thể đăng nhập.", "The account has been retired and cannot sign in.");

    public static readonly Error CounterNotAllowed = new("auth.counter_not_allowed", ErrorKind.Forbidden,
        "Trường 'counterId': tài khoản không được phân công làm việc tại quầy đã chọn.", "Field 'counterId': this account is not assigned to the chosen counter.");

    public static readonly Error PasswordChangeRequired = new("auth.password_change_required", ErrorKind.Forbidden,
        "Bạn phải đổi mật khẩu trước khi tiếp tục (mật khẩu hiện tại do quản trị viên đặt).", "You must change your password before going on (the current one was set by an administrator).");

    public static readonly Error WrongCurrentPassword = new("auth.wrong_current_password", ErrorKind.Invalid,
        "Trường 'currentPassword': mật khẩu hiện tại không đúng.", "Field 'currentPassword': the current password is wrong.");

    public static readonly Error<string> SamePassword = new("password.same", ErrorKind.Invalid, "field",
        "Trường '{field}': mật khẩu mới phải khác mật khẩu hiện tại.", "Field '{field}': the new password must differ from the current one.");

    public static readonly Error<string, int> PasswordTooShort = new("password.too_short", ErrorKind.Invalid, ("field", "min"),
        "Trường '{field}': mật khẩu phải có ít nhất {min} ký tự.", "Field '{field}': the password must have at least {min} characters.");

    public static readonly Error<string> PasswordTooWeak = new("password.too_weak", ErrorKind.Invalid, "field",
        "Trường '{field}': mật khẩu phải có cả chữ cái và chữ số.", "Field '{field}': the password must have both letters and digits.");

    public static readonly Error<string> PasswordIsUserName = new("password.is_user_name", ErrorKind.Invalid, "field",
        "Trường '{field}': mật khẩu không được trùng với tên đăng nhập.", "Field '{field}': the password must not be the user name.");

    public static readonly Error StaffNotFound = new("staff.not_found", ErrorKind.NotFound,
        "Không tìm thấy tài khoản.", "Account not found.");

    public static readonly Error StaffCounterNotFound = new("staff.counter_not_found", ErrorKind.Invalid,
        "Trường 'counterIds': có quầy không thuộc đơn vị hoặc không tồn tại.", "Field 'counterIds': a counter is not at this site or does not exist.");

    public static readonly Error<int> StaffCounterRetired = new("staff.counter_retired", ErrorKind.Invalid, "number",
        "Trường 'counterIds': quầy số {number} đã ngừng sử dụng, không thể phân công cho cán bộ.", "Field 'counterIds': counter {number} has been retired and cannot be assigned.");

    public static readonly Error OwnAdminRole = new("staff.own_admin_role", ErrorKind.Conflict,
        "Trường 'role': bạn không thể tự bỏ quyền quản trị của chính mình.", "Field 'role': you cannot remove your own admin role.");

    public static readonly Error SelfLockout = new("staff.self_lockout", ErrorKind.Conflict,
        "Trường 'id': bạn không thể tự khóa hoặc ngừng sử dụng tài khoản của chính mình.", "Field 'id': you cannot lock or retire your own account.");

    public static readonly Error<string> LastAdmin = new("staff.last_admin", ErrorKind.Conflict, "field",
        "Trường '{field}': đây là tài khoản quản trị cuối cùng còn hoạt động, không thể khóa, ngừng sử dụng hoặc bỏ quyền quản trị.",
        "Field '{field}': this is the last active admin account; it cannot be locked, retired or lose the admin role.");

    public static readonly Error DeviceNotFound = new("device.not_found", ErrorKind.NotFound,
        "Không tìm thấy thiết bị.", "Device not found.");

    public static readonly Error DeviceRevoked = new("device.revoked", ErrorKind.Conflict,
        "Trường 'id': khóa của thiết bị đã bị thu hồi; hãy tạo thiết bị mới.", "Field 'id': the device's key has been revoked; create a new device.");

    public static readonly Error<string> TooManySignIns = new("auth.too_many_attempts", ErrorKind.Throttled, "until",
        "Quá nhiều lần đăng nhập sai từ máy này. Thử lại sau {until}.", "Too many failed sign-ins from this computer. Try again after {until}.");

    public static readonly Error CrossSiteRequest = new("auth.cross_site", ErrorKind.Forbidden,
        "Yêu cầu đến từ một trang khác (Origin không khớp), không được thực hiện.", "The request came from another site (its Origin does not match) and was refused.");

    public static readonly Error RatingChannelOnly = new("rating.channel_only", ErrorKind.Forbidden,
        "Chỉ người dân đánh giá, qua máy đánh giá tại quầy.", "Only citizens rate, on a counter's rating tablet.");

    public static readonly Error RatingNotFinished = new("rating.not_finished", ErrorKind.Conflict,
        "Trường 'ticketId': chỉ đánh giá được lượt đã phục vụ xong.", "Field 'ticketId': only a finished ticket can be rated.");

    public static readonly Error AlreadyRated = new("rating.already_rated", ErrorKind.Conflict,
        "Trường 'ticketId': lượt này đã được đánh giá.", "Field 'ticketId': this ticket has already been rated.");

    public static readonly Error RatingUnknownTicket = new("rating.unknown_ticket", ErrorKind.NotFound,
        "Trường 'ticketId': không có số thứ tự này.", "Field 'ticketId': there is no such ticket.");

    public static readonly Error RatingOtherCounter = new("rating.other_counter", ErrorKind.Forbidden,
        "Trường 'ticketId': số này không được phục vụ tại quầy của máy đánh giá này.", "Field 'ticketId': this ticket was not served at this tablet's counter.");

    public static readonly Error RatingTabletUnbound = new("rating.tablet_unbound", ErrorKind.Forbidden,
        "Trường 'counterId': máy đánh giá chưa được gắn với quầy nào; hãy tạo lại thiết bị và chọn quầy.",
        "Field 'counterId': the rating tablet is not bound to a counter; create the device again and choose its counter.");

    public static readonly Error NotRatedWithAnswers = new("rating.not_rated_with_answers", ErrorKind.Invalid,
        "Trường 'notRated': lượt \"không đánh giá\" không được kèm mức, lý do hay chỉ số.", "Field 'notRated': a \"not rated\" record carries no level, reasons or indices.");

    public static readonly Error<string> RatingUnknownReason = new("rating.unknown_reason", ErrorKind.Invalid, "code",
        "Trường 'reasons': không có lý do \"{code}\" trong danh sách.", "Field 'reasons': \"{code}\" is not one of the listed reasons.");

    public static readonly Error<int> RatingTooManyReasons = new("rating.too_many_reasons", ErrorKind.Invalid, "max",
        "Trường 'reasons': chọn tối đa {max} lý do, mỗi lý do một lần.", "Field 'reasons': choose at most {max} reasons, each once.");

    public static readonly Error<string> RatingIndexRange = new("rating.index_range", ErrorKind.Invalid, "field",
        "Trường '{field}': điểm chỉ số phải là 0, 1 hoặc 2.", "Field '{field}': an index scores 0, 1 or 2 points.");

    public static readonly Error DeviceCounterRequired = new("device.counter_required", ErrorKind.Invalid,
        "Trường 'counterId': máy đánh giá phải được gắn với một quầy của đơn vị.", "Field 'counterId': a rating tablet must be bound to a counter of this site.");

    public static readonly Error DeviceCounterNotAllowed = new("device.counter_not_allowed", ErrorKind.Invalid,
        "Trường 'counterId': chỉ máy đánh giá được gắn với quầy.", "Field 'counterId': only a rating tablet is bound to a counter.");

    public static readonly Error<int, int> RatingTimeoutRange = new("site.rating_timeout_range", ErrorKind.Invalid, ("min", "max"),
        "Trường 'ratingTimeoutSeconds': thời gian chờ đánh giá phải từ {min} đến {max} giây.", "Field 'ratingTimeoutSeconds': the rating timeout must be from {min} to {max} seconds.");

    // ---------------------------------------------------------------- supervision and dossiers

    public static readonly Error AlertNotFound = new("alert.not_found", ErrorKind.NotFound,
        "Không tìm thấy cảnh báo.", "Alert not found.");

    public static readonly Error DossierNotFound = new("dossier.not_found", ErrorKind.NotFound,
        "Không tìm thấy hồ sơ với mã này.", "No dossier with this code.");

    public static readonly Error DossierBadCode = new("dossier.bad_code", ErrorKind.Invalid,
        "Mã hồ sơ không đúng định dạng (ví dụ 000.00.14.H56-200203-0118).", "The dossier code is not in the official format (e.g. 000.00.14.H56-200203-0118).");

    public static readonly Error SiteKeyRefused = new("province.site_key", ErrorKind.Unauthenticated,
        "Trường 'X-Site-Key': khóa đơn vị không đúng hoặc đã bị thu hồi.", "Field 'X-Site-Key': the site key is wrong or was revoked.");

    public static readonly Error ProvinceAdminKeyRefused = new("province.admin_key", ErrorKind.Unauthenticated,
        "Trường 'X-Province-Admin-Key': khóa quản trị của tỉnh không đúng.", "Field 'X-Province-Admin-Key': the province admin key is wrong.");

    public static readonly Error<int> DossierBatchSize = new("province.dossier_batch_size", ErrorKind.Invalid, "max",
        "Trường 'dossiers': mỗi lần gửi từ 1 đến {max} hồ sơ.", "Field 'dossiers': each batch holds 1 to {max} dossiers.");

    public static readonly Error<string> DossierDueBeforeReceived = new("province.dossier_due_before_received", ErrorKind.Invalid, "field",
        "Trường '{field}': ngày hẹn trả phải từ ngày nhận trở đi.", "Field '{field}': the due date must not be before the received date.");

    public static readonly Error<string> DossierBadCodeAt = new("province.dossier_bad_code", ErrorKind.Invalid, "field",
        "Trường '{field}': mã hồ sơ không đúng định dạng (ví dụ 000.00.14.H56-200203-0118).", "Field '{field}': the dossier code is not in the official format (e.g. 000.00.14.H56-200203-0118).");

    public static readonly Error ProvinceKeyRefused = new("province.key", ErrorKind.Unauthenticated,
        "Trường 'X-Province-Key': khóa của tỉnh không đúng, hoặc đơn vị chưa mở liên kết camera lên tỉnh.", "Field 'X-Province-Key': the province key is wrong, or this site has not opened its camera link upward.");

    public static readonly Error CameraNotFound = new("camera.not_found", ErrorKind.NotFound,
        "Trường 'id': không có camera này.", "Field 'id': no such camera.");

    // ---------------------------------------------------------------- the server

    public static readonly Error DatabaseUnavailable = new("database.unavailable", ErrorKind.Unavailable,
        "Tạm thời không kết nối được cơ sở dữ liệu, thao tác chưa được lưu. Vui lòng thử lại sau ít phút.", "The database cannot be reached right now; nothing was saved. Please try again in a few minutes.");

    public static readonly Error Unexpected = new("error.unexpected", ErrorKind.Unexpected,
        "Đã có lỗi xảy ra. Vui lòng thử lại.", "Something went wrong. Please try again.");

    // ---------------------------------------------------------------- administration: the site and its calendar

    public static readonly Error<string, int, int> OutOfRange = new("validation.out_of_range", ErrorKind.Invalid, ("field", "min", "max"),
        "Trường '{field}' phải từ {min} đến {max}.", "The field '{field}' must be between {min} and {max}.");

    public static readonly Error<string> TimeZoneUnknown = new("site.time_zone_unknown", ErrorKind.Invalid, "field",
        "Trường '{field}' phải là mã múi giờ IANA có thật (ví dụ Asia/Ho_Chi_Minh).", "The field '{field}' must be a real IANA time zone id (e.g. Asia/Ho_Chi_Minh).");

    public static readonly Error<string, int> LogoTooLarge = new("site.logo_too_large", ErrorKind.Invalid, ("field", "maxKb"),
        "Trường '{field}': ảnh logo lớn quá {maxKb} KB.", "The field '{field}': the logo is larger than {maxKb} KB.");

    public static readonly Error<string> LogoNotImage = new("site.logo_not_image", ErrorKind.Invalid, "field",
        "Trường '{field}' phải là ảnh PNG hoặc JPEG.", "The field '{field}' must be a PNG or JPEG image.");

    public static readonly Error<string> SessionReversed = new("hours.session_reversed", ErrorKind.Invalid, "field",
        "Trường '{field}': giờ kết thúc phải sau giờ bắt đầu.", "The field '{field}': the session must end after it starts.");

    public static readonly Error<string> SessionsOverlap = new("hours.sessions_overlap", ErrorKind.Invalid, "field",
        "Trường '{field}': buổi chiều phải bắt đầu sau khi buổi sáng kết thúc (hai buổi không được chồng lên nhau).",
        "The field '{field}': the afternoon session must start after the morning one ends (sessions must not overlap).");

    public static readonly Error<string, string, int> CalendarDateOutsideYear = new("calendar.outside_year", ErrorKind.Invalid, ("field", "date", "year"),
        "Trường '{field}': ngày {date} không thuộc năm {year}.", "The field '{field}': the date {date} is not in {year}.");

    public static readonly Error<string, string> CalendarDateTaken = new("calendar.duplicate_date", ErrorKind.Conflict, ("field", "date"),
        "Trường '{field}': ngày {date} đã có trong lịch.", "The field '{field}': the date {date} is already in the calendar.");

    public static readonly Error<string, string> MakeUpNotRestDay = new("calendar.make_up_not_rest_day", ErrorKind.Invalid, ("field", "date"),
        "Trường '{field}': ngày {date} vốn là ngày làm việc; ngày làm việc bù phải là thứ Bảy hoặc Chủ nhật.",
        "The field '{field}': {date} is already a working day; a make-up working day must be a Saturday or a Sunday.");

    public static readonly Error<string, string> RemovalNotComputed = new("calendar.removal_not_computed", ErrorKind.Invalid, ("field", "date"),
        "Trường '{field}': ngày {date} không phải ngày lễ được tính sẵn nên không bỏ được.",
        "The field '{field}': {date} is not one of the computed holidays, so it cannot be removed.");

    public static readonly Error<string, string, string> AlreadyHoliday = new("calendar.already_holiday", ErrorKind.Conflict, ("field", "date", "holiday"),
        "Trường '{field}': ngày {date} đã là ngày nghỉ ({holiday}).", "The field '{field}': {date} is already a holiday ({holiday}).");

    public static readonly Error<string, string, string> MakeUpOnHoliday = new("calendar.make_up_on_holiday", ErrorKind.Invalid, ("field", "date", "holiday"),
        "Trường '{field}': ngày {date} là ngày nghỉ ({holiday}), không thể là ngày làm việc bù.",
        "The field '{field}': {date} is a holiday ({holiday}); it cannot be a make-up working day.");

    public static readonly Error CalendarEntryNotFound = new("calendar.not_found", ErrorKind.NotFound,
        "Không tìm thấy ngày đã nhập trong lịch.", "Calendar entry not found.");

    public static readonly Error<string, string> SiteHoliday = new("site.holiday", ErrorKind.Conflict, ("holiday", "opensAt"),
        "Hôm nay là ngày nghỉ ({holiday}): chưa cấp số thứ tự. Bộ phận một cửa mở lại lúc {opensAt}.",
        "Today is a holiday ({holiday}): no tickets are issued. The office opens again at {opensAt}.");

    // ---------------------------------------------------------------- appointments, remote tickets, chip ID card (docs/appointments.md)

    public static readonly Error<string> CitizenIdInvalid = new("citizen.id_invalid", ErrorKind.Invalid, "field",
        "Trường '{field}': số căn cước công dân phải gồm đúng 12 chữ số.", "The field '{field}': the citizen ID number must be exactly 12 digits.");

    public static readonly Error<string> PhoneInvalid = new("booking.phone_invalid", ErrorKind.Invalid, "field",
        "Trường '{field}': số điện thoại di động phải gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09.",
        "The field '{field}': the mobile number must be 10 digits starting with 03, 05, 07, 08 or 09.");

    public static readonly Error<string> BookingNotOffered = new("booking.not_offered", ErrorKind.Invalid, "service",
        "Dịch vụ {service} không nhận đặt lịch hẹn.", "Service {service} does not take bookings.");

    public static readonly Error<string> BookingDayNotOffered = new("booking.day_not_offered", ErrorKind.Invalid, "day",
        "Trường 'day': ngày {day} không nhận đặt lịch cho dịch vụ này.", "The field 'day': {day} takes no bookings for this service.");

    public static readonly Error<string> BookingSlotUnknown = new("booking.slot_unknown", ErrorKind.Invalid, "slot",
        "Trường 'slot': khung giờ {slot} không có trong lịch hẹn của dịch vụ này.", "The field 'slot': {slot} is not one of this service's time slots.");

    public static readonly Error<string, string> BookingSlotFull = new("booking.slot_full", ErrorKind.Conflict, ("slot", "day"),
        "Khung giờ {slot} ngày {day} đã hết chỗ. Xin quý khách chọn khung giờ khác.", "The {slot} slot on {day} is full. Please choose another slot.");

    public static readonly Error<string, string> BookingSlotPast = new("booking.slot_past", ErrorKind.Conflict, ("slot", "day"),
        "Khung giờ {slot} ngày {day} đã qua, không đặt được.", "The {slot} slot on {day} has already passed.");

    public static readonly Error<string, string> BookingHoliday = new("booking.holiday", ErrorKind.Conflict, ("day", "holiday"),
        "Ngày {day} là ngày nghỉ ({holiday}), không nhận lịch hẹn.", "{day} is a holiday ({holiday}); no bookings are taken.");

    public static readonly Error<string, string> BookingOutsideHours = new("booking.outside_hours", ErrorKind.Conflict, ("slot", "day"),
        "Khung giờ {slot} ngày {day} nằm ngoài giờ làm việc của bộ phận một cửa.", "The {slot} slot on {day} is outside the office's opening hours.");

    public static readonly Error<int> BookingTooFarAhead = new("booking.too_far_ahead", ErrorKind.Invalid, "days",
        "Trường 'day': chỉ đặt lịch trước tối đa {days} ngày.", "The field 'day': bookings are taken at most {days} days ahead.");

    public static readonly Error BookingNotFound = new("booking.not_found", ErrorKind.NotFound,
        "Không tìm thấy lịch hẹn với mã này. Xin quý khách kiểm tra lại mã trên phiếu hẹn.", "No booking has this code. Please check the code on your booking.");

    public static readonly Error BookingCancelled = new("booking.cancelled", ErrorKind.Conflict,
        "Lịch hẹn này đã bị hủy. Xin quý khách lấy số thứ tự thông thường.", "This booking was cancelled. Please take an ordinary ticket.");

    public static readonly Error BookingAlreadyCheckedIn = new("booking.already_checked_in", ErrorKind.Conflict,
        "Lịch hẹn này đã được xác nhận và cấp số rồi.", "This booking has already been checked in and given a ticket.");

    public static readonly Error<string> BookingOtherDay = new("booking.other_day", ErrorKind.Conflict, "day",
        "Lịch hẹn này là của ngày {day}, không phải hôm nay.", "This booking is for {day}, not today.");

    public static readonly Error<string> BookingTooEarly = new("booking.too_early", ErrorKind.Conflict, "from",
        "Chưa đến giờ xác nhận lịch hẹn: xin quý khách quay lại từ {from}.", "Too early to check in: please come back from {from}.");

    public static readonly Error BookingNotChangeable = new("booking.not_changeable", ErrorKind.Conflict,
        "Lịch hẹn này đã được sử dụng hoặc đã qua, không hủy được.", "This booking has been used or has passed; it cannot be cancelled.");

    public static readonly Error BookingCheckInTarget = new("booking.check_in_target", ErrorKind.Invalid,
        "Trường 'code': cần mã lịch hẹn hoặc số căn cước công dân.", "The field 'code': a booking code or a citizen ID number is needed.");

    public static readonly Error CitizenHasNoBookingToday = new("booking.none_today", ErrorKind.NotFound,
        "Không có lịch hẹn hôm nay cho số căn cước công dân này.", "There is no booking today for this citizen ID number.");

    public static readonly Error<string> RemoteNotAllowed = new("remote.not_allowed", ErrorKind.Invalid, "service",
        "Dịch vụ {service} không cấp số thứ tự từ xa.", "Service {service} does not issue tickets remotely.");

    public static readonly Error<int> RemoteLimitReached = new("remote.limit_reached", ErrorKind.Conflict, "limit",
        "Số điện thoại này đã lấy đủ {limit} số thứ tự từ xa hôm nay cho dịch vụ này.", "This phone number has already taken {limit} remote tickets today for this service.");

    public static readonly Error<string> SlotTimesInvalid = new("booking.slot_times_invalid", ErrorKind.Invalid, "field",
        "Trường '{field}': các khung giờ phải viết dạng HH:mm, cách nhau bằng dấu phẩy (ví dụ 08:00,08:30).",
        "The field '{field}': slot times must be HH:mm separated by commas (e.g. 08:00,08:30).");

    // ---------------------------------------------------------------- province tier (docs/province.md)

    public static readonly Error<string> ProvinceKeyMissing = new("province.key_missing", ErrorKind.Unauthenticated, "field",
        "Thiếu khoá của đơn vị ở '{field}'.", "The site key is missing from '{field}'.");

    public static readonly Error<string> ProvinceOtherSite = new("province.other_site", ErrorKind.Forbidden, "field",
        "Trường '{field}': khoá này chỉ được gửi dữ liệu của chính đơn vị mình.", "The field '{field}': this key may only send its own site's data.");

    public static readonly Error<string, long> ProvinceGap = new("province.gap", ErrorKind.Conflict, ("field", "expected"),
        "Trường '{field}': thiếu dữ liệu, cấp tỉnh đang chờ số thứ tự {expected}.", "The field '{field}': events are missing; the province expects sequence {expected} next.");

    public static readonly Error<string> ProvinceNotContiguous = new("province.not_contiguous", ErrorKind.Invalid, "field",
        "Trường '{field}': số thứ tự phải tăng dần liên tiếp.", "The field '{field}': sequence numbers must follow one another.");

    public static readonly Error<string> ProvinceFutureTime = new("province.future_time", ErrorKind.Invalid, "field",
        "Trường '{field}': thời điểm nằm ở tương lai (đồng hồ của đơn vị bị sai?).", "The field '{field}': the time is in the future (is the site's clock wrong?).");

    public static readonly Error<string> ProvinceSiteNotFound = new("province.site_not_found", ErrorKind.NotFound, "field",
        "Trường '{field}': cấp tỉnh không có đơn vị này.", "The field '{field}': the province has no such site.");

    /// <summary>Every entry above.</summary>
    public static IReadOnlyList<ErrorEntry> All() =>
        [.. typeof(Errors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => typeof(ErrorEntry).IsAssignableFrom(f.FieldType))
            .Select(f => (ErrorEntry)f.GetValue(null)!)];
}
