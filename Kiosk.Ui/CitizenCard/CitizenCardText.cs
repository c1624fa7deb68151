namespace QueueKiosk.KioskUi.CitizenCard;

/// <summary>
/// The chip ID card's sentences, Vietnamese first and English second; KioskText serves them with
/// its own (one table for pages and scripts). Every problem sentence names the field at fault.
/// </summary>
public static class CitizenCardText
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Table { get; } = new Dictionary<string, (string Vi, string En)>(StringComparer.Ordinal)
    {
        ["cccd.hello"] = ("Xin chào {0}", "Hello {0}"),
        ["cccd.reading"] = ("Đang đọc thẻ căn cước…", "Reading the ID card…"),
        ["cccd.elderly"] = ("Theo ngày sinh trên thẻ căn cước, quý khách thuộc đối tượng ưu tiên người cao tuổi. Khi lấy số, xin chọn \"{0}\".", "By the date of birth on your ID card you may take a priority number for elderly people. When taking a number, choose \"{0}\"."),
        ["cccd.take"] = ("Lấy số thứ tự", "Take a number"),
        ["cccd.checkIn"] = ("Tôi đã đặt lịch hẹn – nhận số", "I have an appointment – get my number"),
        ["cccd.done"] = ("Xong – Không phải tôi", "Done – Not me"),
        ["cccd.dossiers"] = ("Hồ sơ của quý khách", "Your dossiers"),
        ["cccd.dossiers.none"] = ("Không có hồ sơ nào gắn với thẻ căn cước này.", "No dossier is linked to this ID card."),
        ["cccd.dossiers.unavailable"] = ("Chưa tra cứu được hồ sơ theo thẻ căn cước tại đây. Xin tra cứu bằng mã hồ sơ trên giấy biên nhận.", "Dossiers cannot be looked up by ID card here yet. Please use the code on your receipt."),
        ["cccd.checkIn.unavailable"] = ("Chưa nhận số theo lịch hẹn bằng thẻ căn cước được. Xin lấy số thứ tự hoặc hỏi cán bộ.", "Check-in by ID card is not available. Please take a number or ask a member of staff."),
        ["cccd.expired"] = ("Đã xoá thông tin thẻ căn cước khỏi máy. Xin quét lại thẻ nếu cần.", "The ID card's details have been cleared. Please scan the card again if needed."),
        ["cccd.problem.Empty"] = ("Không đọc được mã QR trên thẻ căn cước. Xin quét lại mặt sau thẻ.", "The ID card's QR code could not be read. Please scan the back of the card again."),
        ["cccd.problem.TooLong"] = ("Mã QR vừa quét quá dài, không phải mã QR của thẻ căn cước. Xin quét mặt sau thẻ căn cước.", "The scanned QR code is too long to be an ID card's. Please scan the back of your ID card."),
        ["cccd.problem.FieldCount"] = ("Mã QR vừa quét không đúng dạng thẻ căn cước (cần đúng 7 trường ngăn bởi dấu |). Xin quét mặt sau thẻ căn cước.", "The scanned QR code is not an ID card's (it needs exactly 7 fields separated by |). Please scan the back of your ID card."),
        ["cccd.problem.IdNumber"] = ("Số định danh cá nhân trong mã QR không hợp lệ (cần đúng 12 chữ số). Xin quét lại mặt sau thẻ.", "The personal ID number in the QR code is not valid (it needs exactly 12 digits). Please scan the back of the card again."),
        ["cccd.problem.FullName"] = ("Họ và tên trong mã QR bị trống hoặc không hợp lệ. Xin quét lại mặt sau thẻ.", "The full name in the QR code is empty or not valid. Please scan the back of the card again."),
        ["cccd.problem.DateOfBirth"] = ("Ngày sinh trong mã QR không hợp lệ. Xin quét lại mặt sau thẻ.", "The date of birth in the QR code is not valid. Please scan the back of the card again."),
        ["cccd.problem.IssueDate"] = ("Ngày cấp thẻ trong mã QR không hợp lệ. Xin quét lại mặt sau thẻ.", "The card's issue date in the QR code is not valid. Please scan the back of the card again."),
    };
}
