namespace QueueKiosk.KioskUi.Localization;

/// <summary>
/// Every sentence the kiosk shows, Vietnamese first and English second. One table for the
/// server-rendered pages and the scripts (the layout hands the chosen language to JavaScript).
/// </summary>
public static class KioskText
{
    public const string Vietnamese = "vi";
    public const string English = "en";
    public const string CookieName = "kiosk-lang";

    private static readonly Dictionary<string, (string Vi, string En)> Table = new(StringComparer.Ordinal)
    {
        ["welcome.title"] = ("Xin kính chào quý khách", "Welcome"),
        ["welcome.hint"] = ("Chạm vào một ô bên dưới để bắt đầu", "Touch a box below to begin"),
        ["menu.take"] = ("Lấy số thứ tự", "Take a number"),
        ["menu.take.sub"] = ("Chọn thủ tục và nhận phiếu", "Choose a procedure and get a ticket"),
        ["menu.procedures"] = ("Tra cứu thủ tục hành chính", "Look up procedures"),
        ["menu.procedures.sub"] = ("Giấy tờ cần mang, lệ phí, thời gian", "Documents, fees, processing time"),
        ["menu.dossier"] = ("Tra cứu hồ sơ", "Check a dossier"),
        ["menu.dossier.sub"] = ("Nhập hoặc quét mã hồ sơ", "Type or scan the dossier code"),
        ["menu.checkin"] = ("Tôi đã đặt lịch hẹn", "I have a booking"),
        ["menu.checkin.sub"] = ("Nhập hoặc quét mã lịch hẹn", "Type or scan the booking code"),
        ["checkin.title"] = ("Xác nhận lịch hẹn", "Check in for a booking"),
        ["checkin.hint"] = ("Nhập mã lịch hẹn (8 ký tự), hoặc đưa mã QR của lịch hẹn vào máy quét.", "Type the booking code (8 characters), or hold the booking's QR code to the scanner."),
        ["checkin.submit"] = ("Xác nhận", "Check in"),
        ["checkin.empty"] = ("Xin nhập mã lịch hẹn.", "Please enter the booking code."),
        ["checkin.hubUnavailable"] = ("Không kết nối được máy chủ nên chưa xác nhận được lịch hẹn. Xin thử lại sau.", "The server cannot be reached, so the booking cannot be checked in now. Please try later."),
        ["back"] = ("Quay lại", "Back"),
        ["home"] = ("Trang chủ", "Home"),
        ["language.switch"] = ("English", "Tiếng Việt"),
        ["take.title"] = ("Lấy số thứ tự", "Take a number"),
        ["take.chooseField"] = ("Chọn lĩnh vực", "Choose a field"),
        ["take.chooseProcedure"] = ("Chọn thủ tục", "Choose a procedure"),
        ["take.orSearch"] = ("Hoặc tìm theo tên thủ tục", "Or search by procedure name"),
        ["procedures.title"] = ("Tra cứu thủ tục hành chính", "Administrative procedures"),
        ["procedures.count"] = ("{0} thủ tục", "{0} procedures"),
        ["search.placeholder"] = ("Gõ tên thủ tục, ví dụ: khai sinh", "Type a name, e.g. khai sinh"),
        ["search.none"] = ("Không tìm thấy thủ tục nào. Hãy thử từ khác.", "No procedure found. Try other words."),
        ["search.space"] = ("Dấu cách", "Space"),
        ["search.clear"] = ("Xoá hết", "Clear"),
        ["search.delete"] = ("Xoá", "Delete"),
        ["procedure.code"] = ("Mã thủ tục", "Procedure code"),
        ["procedure.field"] = ("Lĩnh vực", "Field"),
        ["procedure.documents"] = ("Giấy tờ cần mang", "Documents to bring"),
        ["procedure.originals"] = ("bản chính", "original(s)"),
        ["procedure.copies"] = ("bản sao", "copy/copies"),
        ["procedure.fees"] = ("Lệ phí", "Fees"),
        ["procedure.time"] = ("Thời gian giải quyết", "Processing time"),
        ["procedure.agency"] = ("Cơ quan thực hiện", "Agency"),
        ["procedure.level"] = ("Cấp thực hiện", "Level"),
        ["procedure.legal"] = ("Căn cứ pháp lý", "Legal basis"),
        ["procedure.take"] = ("Lấy số cho thủ tục này", "Take a number for this procedure"),
        ["procedure.notFound"] = ("Không tìm thấy thủ tục này.", "This procedure was not found."),
        ["priority.title"] = ("Quý khách có thuộc đối tượng ưu tiên không?", "Are you in a priority group?"),
        ["priority.None"] = ("Không – Lấy số", "No – Take a number"),
        ["priority.Elderly"] = ("Người cao tuổi", "Elderly person"),
        ["priority.Disabled"] = ("Người khuyết tật", "Person with disability"),
        ["priority.Pregnant"] = ("Phụ nữ mang thai", "Pregnant woman"),
        ["priority.RevolutionaryMerit"] = ("Người có công với cách mạng", "Person with revolutionary merit"),
        ["priority.cancel"] = ("Chọn lại", "Choose again"),
        ["ticket.wait"] = ("Đang lấy số, xin chờ…", "Getting your number, please wait…"),
        ["ticket.yourNumber"] = ("Số thứ tự của quý khách", "Your number"),
        ["ticket.printed"] = ("Mời quý khách nhận phiếu bên dưới và chờ gọi số.", "Please take your ticket below and wait to be called."),
        ["ticket.printFailed"] = ("Máy in không in được phiếu. Xin hãy nhớ số này hoặc chụp lại màn hình và đưa cho cán bộ tại quầy.", "The printer could not print. Please remember this number or take a photo and show it at the counter."),
        ["ticket.printPending"] = ("Phiếu đang được in. Nếu không nhận được phiếu, xin đưa số này cho cán bộ tại quầy.", "Your ticket is printing. If it does not come out, show this number at the counter."),
        ["ticket.done"] = ("Xong", "Done"),
        ["issue.Closed"] = ("Ngoài giờ làm việc: hiện không cấp số thứ tự.", "Outside opening hours: no numbers are issued now."),
        ["issue.ClosedOpens"] = ("Ngoài giờ làm việc: mời quý khách quay lại lúc {0}.", "Outside opening hours: please come back at {0}."),
        ["issue.HubUnavailable"] = ("Không kết nối được máy chủ nên chưa lấy được số. Xin mời đến quầy hướng dẫn.", "The server cannot be reached, so no number can be issued. Please ask at the help desk."),
        ["issue.Rejected"] = ("Chưa lấy được số: {0}", "No number issued: {0}"),
        ["issue.Invalid"] = ("Thủ tục này không còn trong danh mục. Xin chọn lại.", "This procedure is no longer listed. Please choose again."),
        ["notice.HubUnavailable"] = ("Mất kết nối máy chủ: vẫn tra cứu được thủ tục, nhưng chưa lấy được số.", "No connection to the server: procedures can be looked up, but numbers cannot be issued."),
        ["notice.Closed"] = ("Ngoài giờ làm việc: vẫn tra cứu được, nhưng không cấp số thứ tự.", "Outside opening hours: lookups work, but no numbers are issued."),
        ["notice.ClosedOpens"] = ("Ngoài giờ làm việc: cấp số trở lại lúc {0}.", "Outside opening hours: numbers again from {0}."),
        ["notice.PaperOut"] = ("Máy in hết giấy: số thứ tự sẽ hiện trên màn hình để quý khách đưa cho cán bộ.", "The printer is out of paper: your number will be shown on screen to show at the counter."),
        ["notice.PrinterUnavailable"] = ("Máy in đang gặp sự cố: số thứ tự sẽ hiện trên màn hình.", "The printer has a problem: your number will be shown on screen."),
        ["dossier.title"] = ("Tra cứu hồ sơ", "Check a dossier"),
        ["dossier.hint"] = ("Nhập mã hồ sơ in trên giấy biên nhận, hoặc đưa mã vạch/QR vào máy quét.", "Type the code printed on your receipt, or hold its barcode/QR code to the scanner."),
        ["dossier.example"] = ("Ví dụ: 000.00.14.H56-200203-0118", "Example: 000.00.14.H56-200203-0118"),
        ["dossier.search"] = ("Tra cứu", "Look up"),
        ["dossier.empty"] = ("Xin nhập mã hồ sơ.", "Please enter the dossier code."),
        ["dossier.malformed"] = ("Mã hồ sơ chưa đúng dạng. Mã đúng có dạng 000.00.14.H56-200203-0118.", "The code is not in the right form. A code looks like 000.00.14.H56-200203-0118."),
        ["dossier.notFound"] = ("Không tìm thấy hồ sơ có mã này. Xin kiểm tra lại mã trên giấy biên nhận.", "No dossier has this code. Please check the code on your receipt."),
        ["dossier.hubUnavailable"] = ("Không kết nối được máy chủ nên chưa tra cứu được hồ sơ. Xin thử lại sau.", "The server cannot be reached, so the dossier cannot be checked now. Please try later."),
        ["dossier.code"] = ("Mã hồ sơ", "Dossier code"),
        ["dossier.applicant"] = ("Người nộp", "Applicant"),
        ["dossier.procedure"] = ("Thủ tục", "Procedure"),
        ["dossier.state"] = ("Tình trạng", "Status"),
        ["dossier.received"] = ("Ngày nhận", "Received on"),
        ["dossier.due"] = ("Ngày hẹn trả", "Due on"),
        ["dossier.completed"] = ("Ngày hoàn thành", "Completed on"),
        ["dossier.note"] = ("Ghi chú", "Note"),
        ["idle.warning"] = ("Màn hình sẽ trở về trang chủ sau {0} giây", "The screen returns to the start in {0} seconds"),
        ["idle.continue"] = ("Tiếp tục", "Continue"),
        ["dossier.meaning.Received"] = ("Hồ sơ đã được tiếp nhận và đang chờ chuyển đến người giải quyết. Quý khách chưa cần làm gì thêm.", "Your dossier has been received and is waiting to be processed. There is nothing you need to do yet."),
        ["dossier.meaning.Processing"] = ("Hồ sơ đang được giải quyết. Xin quý khách quay lại vào ngày hẹn trả.", "Your dossier is being processed. Please come back on the due date."),
        ["dossier.meaning.AdditionalDocumentsRequired"] = ("Hồ sơ còn thiếu giấy tờ. Xin mang giấy tờ ghi ở mục Ghi chú đến bộ phận tiếp nhận và trả kết quả.", "Some documents are missing. Please bring those listed in the note to the reception and result-return desk."),
        ["dossier.meaning.ReadyForPickup"] = ("Đã có kết quả. Mời quý khách lấy số nhận kết quả và mang theo giấy biên nhận.", "Your result is ready. Please take a number to collect it and bring your receipt."),
        ["dossier.meaning.ReadyForPickupAtDesk"] = ("Đã có kết quả. Mời quý khách mang giấy biên nhận đến bộ phận tiếp nhận và trả kết quả để nhận.", "Your result is ready. Please bring your receipt to the reception and result-return desk to collect it."),
        ["dossier.meaning.Returned"] = ("Kết quả đã được trả cho quý khách. Hồ sơ đã hoàn tất.", "The result has been handed over. The dossier is complete."),
        ["dossier.meaning.Overdue"] = ("Hồ sơ đã quá ngày hẹn trả mà chưa có kết quả. Cơ quan giải quyết phải xin lỗi và hẹn lại ngày trả; xin hỏi tại bộ phận tiếp nhận và trả kết quả.", "The due date has passed without a result. The office must apologise and set a new date; please ask at the reception and result-return desk."),
        ["dossier.meaning.Rejected"] = ("Hồ sơ không được giải quyết. Xin đến bộ phận tiếp nhận và trả kết quả để nhận văn bản nêu lý do và nhận lại hồ sơ.", "Your application was refused. Please go to the reception and result-return desk for the written reasons and your documents."),
        ["dossier.takeResult"] = ("Lấy số nhận kết quả", "Take a number to collect the result"),
        ["dossier.outdated"] = ("Trạng thái này có thể chưa cập nhật: hiện chưa kết nối được hệ thống của tỉnh. Thông tin có từ {0}.", "This status may be out of date: the province system cannot be reached now. Last known at {0}."),
        ["dossier.outdatedUnknown"] = ("Trạng thái này có thể chưa cập nhật: hiện chưa kết nối được hệ thống của tỉnh.", "This status may be out of date: the province system cannot be reached now."),
        ["catalogue.untranslated"] = ("Chưa có bản tiếng Anh; hiển thị bằng tiếng Việt", "No English version; shown in Vietnamese"),
        ["catalogue.untranslatedList"] = ("Tên in nghiêng chưa có bản tiếng Anh; hiển thị bằng tiếng Việt", "Names in italics have no English version; shown in Vietnamese"),
        ["catalogue.missing"] = ("Chưa có danh mục thủ tục: máy chưa kết nối được máy chủ lần nào.", "No procedure list yet: this kiosk has not reached the server."),
    };

    public static string Normalize(string? language) => language == English ? English : Vietnamese;

    public static string Get(string language, string key) =>
        Table.TryGetValue(key, out var text) || CitizenCard.CitizenCardText.Table.TryGetValue(key, out text) ? (language == English ? text.En : text.Vi) : key;

    public static string Format(string language, string key, object? arg) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Get(language, key), arg);

    /// <summary>The whole table in one language, for the scripts.</summary>
    public static IReadOnlyDictionary<string, string> All(string language) =>
        Table.Concat(CitizenCard.CitizenCardText.Table).ToDictionary(kv => kv.Key, kv => language == English ? kv.Value.En : kv.Value.Vi, StringComparer.Ordinal);
}
