using QueueKiosk.HubClient.Contracts;
using QueueKiosk.KioskUi.Catalogue;

namespace QueueKiosk.KioskUi.Tests;

/// <summary>A small catalogue with the real procedure names and codes (the national public-service portal's records), variants listed first on purpose.</summary>
public static class SampleCatalogue
{
    public static readonly Guid CivilStatus = Guid.Parse("10000000-0000-0000-0000-000000000001");
    public static readonly Guid Certification = Guid.Parse("10000000-0000-0000-0000-000000000002");
    public static readonly Guid Business = Guid.Parse("10000000-0000-0000-0000-000000000003");
    public static readonly Guid CivilStatusService = Guid.Parse("20000000-0000-0000-0000-000000000001");

    public static IReadOnlyList<ProcedureDto> Procedures { get; } =
    [
        Procedure("1.001695", "Đăng ký khai sinh có yếu tố nước ngoài", CivilStatus),
        Procedure("1.004884", "Đăng ký lại khai sinh", CivilStatus),
        Procedure("1.000689", "Đăng ký khai sinh kết hợp nhận cha, mẹ, con", CivilStatus),
        Procedure("1.001193", "Đăng ký khai sinh", CivilStatus),
        Procedure("1.000894", "Đăng ký kết hôn", CivilStatus),
        Procedure("1.000656", "Đăng ký khai tử", CivilStatus),
        Procedure("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", Certification),
        Procedure("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", Certification),
        Procedure("1.001612", "Đăng ký hộ kinh doanh", Business),
    ];

    public static KioskCatalogue Catalogue(DateTimeOffset? fetchedAt = null) => new(
        new SiteDto(
            Guid.Parse("00000000-0000-0000-0000-0000000000aa"),
            "DEMO",
            "UBND Phường Bến Nghé",
            "Asia/Ho_Chi_Minh",
            "29 Lê Duẩn, Quận 1",
            [
                new OpeningHoursDto(DayOfWeek.Monday, new TimeOnly(7, 30), new TimeOnly(11, 30)),
                new OpeningHoursDto(DayOfWeek.Monday, new TimeOnly(13, 30), new TimeOnly(17, 0)),
                new OpeningHoursDto(DayOfWeek.Saturday, new TimeOnly(7, 30), new TimeOnly(11, 30)),
            ]),
        [
            new FieldDto(CivilStatus, "HT", "Tư pháp - Hộ tịch", "Justice - Civil status", 6),
            new FieldDto(Certification, "CT", "Chứng thực", "Certification", 2),
            new FieldDto(Business, "KD", "Kinh doanh", "Business", 1),
        ],
        Procedures,
        [new ServiceDto(CivilStatusService, "HT", "Hộ tịch", "Civil status", "A", 3, 12, 15, true)],
        [new CounterDto(Guid.NewGuid(), 2, "Quầy 2", CounterState.Open, null, null, null, [new CounterServiceDto(CivilStatusService, "HT", 1, 1)], null, null, null),
         new CounterDto(Guid.NewGuid(), 1, "Quầy 1", CounterState.Open, null, null, null, [new CounterServiceDto(CivilStatusService, "HT", 1, 1)], null, null, null)],
        fetchedAt ?? DateTimeOffset.Parse("2026-11-22T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static ProcedureDto Procedure(string code, string name, Guid field) => new(
        Guid.NewGuid(), code, name, field, "Tư pháp - Hộ tịch", "Cấp xã", "UBND cấp xã", "Ngay trong ngày", "Miễn phí",
        [new ProcedureDocumentDto("Tờ khai theo mẫu", 1, 0, null)], "Luật Hộ tịch 2014", CivilStatusService);
}
