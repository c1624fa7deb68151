using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration;
using QueueKiosk.HubServer.Administration.Catalogue;
using QueueKiosk.HubServer.Administration.Devices;
using QueueKiosk.HubServer.Administration.Services;
using QueueKiosk.HubServer.Administration.SiteSettings;
using QueueKiosk.HubServer.Administration.Staff;
using QueueKiosk.HubServer.Catalogue;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Demo;

/// <summary>Section "Demo".</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    /// <summary>The demo site's id; several demo sites linked to one province (docs/province.md) each need their own.</summary>
    public Guid? SiteId { get; set; }

    /// <summary>Password of every demo account (printed by run.sh). Demo only.</summary>
    public string Password { get; set; } = "Demo@123";

    public string KioskKey { get; set; } = "demo-kiosk-key-0001";

    public string DisplayKey { get; set; } = "demo-display-key-0001";

    /// <summary>The demo accounts are created by the staff administration, so their password meets its rule (Validate.Password); checked at start.</summary>
    public static bool IsAcceptedPassword(string password)
    {
        try
        {
            Validate.Password(password, "password", "");
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }
}

/// <summary>
/// Fills an empty database with one clearly-sample commune centre. Real procedure codes, times and
/// fees are those of the national public-service portal's procedure records; codes starting "MAU." are sample codes for real procedure names.
/// Every administered row (site, priority groups, services, fields, procedures, counters, accounts,
/// devices) is written by the same methods the administration API and the set-up commands use, with
/// their validation (issue 9, item 5: no second path to the database); only the sample dossiers, which
/// come from the province's dossier system and have no administration, are added here.
/// </summary>
public sealed class DemoSeeder(HubDbContext db, IPasswordHasher<Officer> hasher, CatalogueCache cache, TimeProvider time)
{
    public static readonly Guid SiteId = Guid.Parse("0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001");

    /// <summary>
    /// The seeder's actor. Its rows are not audited: they are sample data written into an empty
    /// database, not an administrative change by anyone, and the demo's audit page should show only
    /// what its users change (docs/administration.md).
    /// </summary>
    private ClaimsPrincipal Actor { get; set; } = SystemActor.Unaudited(SystemActor.Demo, SiteId);

    /// <summary>The demo site's id: <see cref="SiteId"/> unless Demo:SiteId gives another (several demo sites linked to one province).</summary>
    private Guid _siteId = SiteId;

    public async Task<bool> SeedIfEmptyAsync(DemoOptions options, CancellationToken ct)
    {
        if (await db.Sites.AnyAsync(ct))
        {
            return false;
        }

        _siteId = options.SiteId ?? SiteId;
        Actor = SystemActor.Unaudited(SystemActor.Demo, _siteId);

        // Each administration method saves on its own, as it does for the pages. No transaction around
        // them: the counter checks read the services through the catalogue cache, on its own connection,
        // which would not see rows of an open transaction. The demo's data passes every check (the
        // demo tests hold it), and a demo database is disposable.
        await SiteCreation.CreateAsync(new NewSiteRequest(
            "DEMO-BT",
            "UBND phường Bến Thành (dữ liệu mẫu)",
            "Số 1 đường Mẫu, phường Bến Thành, TP. Hồ Chí Minh (địa chỉ mẫu)",
            "Asia/Ho_Chi_Minh",
            "Mon-Fri 07:30-11:30,13:00-17:00; Sat 07:30-11:30",
            _siteId), Actor, db, time, ct);

        var services = new[]
        {
            await ServiceAsync("A", "Tư pháp - Hộ tịch", "Civil status", 1, 10, 30, 240, ct),
            await ServiceAsync("B", "Chứng thực", "Certification", 2, 10, 25, 180, ct),
            await ServiceAsync("C", "Địa chính - Xây dựng", "Land and construction", 3, 20, 45, 600, ct),
            await ServiceAsync("D", "Lao động - Thương binh và Xã hội", "Labour, invalids and social affairs", 4, 15, 40, 420, ct),
            await ServiceAsync("E", "Kinh doanh (hộ kinh doanh)", "Household business", 5, 15, 40, 480, ct),
        };

        var fields = new[]
        {
            await FieldAsync("HT", "Tư pháp - Hộ tịch", "Justice - Civil status", 1, ct),
            await FieldAsync("CT", "Chứng thực", "Certification", 2, ct),
            await FieldAsync("DCXD", "Địa chính - Xây dựng", "Land - Construction", 3, ct),
            await FieldAsync("LDTBXH", "Lao động - Thương binh và Xã hội", "Labour, invalids and social affairs", 4, ct),
            await FieldAsync("KD", "Kinh doanh", "Business", 5, ct),
        };
        foreach (var procedure in Procedures(fields, services))
        {
            await CatalogueAdminApi.CreateProcedureAsync(procedure, Actor, db, cache, time, ct);
        }

        await CounterAsync(1, "Quầy 1 - Hộ tịch", [services[0]], ct);
        await CounterAsync(2, "Quầy 2 - Hộ tịch", [services[0], services[1]], ct);
        await CounterAsync(3, "Quầy 3 - Chứng thực", [services[1], services[0]], ct);
        await CounterAsync(4, "Quầy 4 - Địa chính - Xây dựng", [services[2]], ct);
        await CounterAsync(5, "Quầy 5 - Lao động - TB&XH", [services[3], services[4]], ct);
        await CounterAsync(6, "Quầy 6 - Kinh doanh", [services[4], services[3]], ct);

        for (var i = 1; i <= 6; i++)
        {
            await AccountAsync($"canbo{i}", $"Cán bộ quầy {i} (mẫu)", OfficerRole.Officer, options.Password, ct);
        }

        await AccountAsync("giamsat", "Giám sát viên (mẫu)", OfficerRole.Supervisor, options.Password, ct);
        await AccountAsync("quantri", "Quản trị hệ thống (mẫu)", OfficerRole.Admin, options.Password, ct);
        await DevicesApi.AddAsync(new CreateDeviceRequest(DeviceKind.Kiosk, "Kiosk sảnh (mẫu)"), Actor, db, time, ct, options.KioskKey);
        await DevicesApi.AddAsync(new CreateDeviceRequest(DeviceKind.Display, "Máy hiển thị sảnh (mẫu)"), Actor, db, time, ct, options.DisplayKey);

        var salt = (await db.Sites.SingleAsync(s => s.Id == _siteId, ct)).CitizenIdSalt;
        AddDossiers(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(7)), salt);
        // Service A takes bookings and remote tickets (docs/appointments.md), so the demo shows the booking page.
        db.BookingSettings.Add(new BookingSettings
        {
            ServiceId = services[0],
            SiteId = _siteId,
            Enabled = true,
            Days = "1,2,3,4,5",
            SlotTimes = "07:30,08:00,08:30,09:00,09:30,10:00,10:30,13:00,13:30,14:00,14:30,15:00,15:30,16:00",
            SlotMinutes = 30,
            PlacesPerSlot = 4,
            RemoteTicketsAllowed = true,
            RemoteDailyLimitPerPhone = 1,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<Guid> ServiceAsync(string code, string name, string nameEn, int sort, int target, int maxWait, int seconds, CancellationToken ct)
    {
        // Every demo service serves every priority group, as every service did before the groups were data.
        var request = new CreateServiceRequest(code, name, nameEn, Prefix: code, Digits: 3, RangeStart: 1, RangeEnd: 999, WaitTargetMinutes: target,
            MaxWaitMinutes: maxWait, DefaultServiceSeconds: seconds, AcceptedPriorities: [.. PriorityGroupDefaults.Categories.Select(c => c.ToString())],
            SortOrder: sort);
        return (await ServiceAdminApi.CreateAsync(request, Actor, db, cache, time, ct)).Value!.Id;
    }

    private async Task<Guid> FieldAsync(string code, string name, string nameEn, int sort, CancellationToken ct) =>
        (await CatalogueAdminApi.CreateFieldAsync(new FieldRequest(code, name, nameEn, sort), Actor, db, cache, time, ct)).Value!.Id;

    /// <summary>The services are called in the order listed, each at weight 1. Two demo cameras (Supervision/CameraHosting.cs): cam1 watches the odd counters, cam2 the even ones.</summary>
    private Task CounterAsync(int number, string name, Guid[] services, CancellationToken ct) =>
        CounterAdminApi.CreateAsync(new CreateCounterRequest(number, name, services, LedAddress: number, CameraId: $"cam{((number - 1) % 2) + 1}", Open: true),
            Actor, db, cache, time, ct);

    /// <summary>The demo's password is printed by run.sh for everyone to use, so no change is forced at sign-in.</summary>
    private Task AccountAsync(string user, string name, OfficerRole role, string password, CancellationToken ct) =>
        StaffApi.CreateAccountAsync(new CreateStaffRequest(user, name, role, password), mustChangePassword: false, Actor, db, hasher, time, ct);

    private static List<ProcedureRequest> Procedures(Guid[] f, Guid[] s)
    {
        var list = new List<ProcedureRequest>();
        void P(Guid field, Guid service, string code, string name, string time, string fees, string legal, params (string Name, int Originals, int Copies)[] docs) =>
            list.Add(new ProcedureRequest(code, name, field, service, "Cấp xã", "UBND phường Bến Thành (mẫu)", time, fees,
                [.. docs.Select(d => new ProcedureDocumentDto(d.Name, d.Originals, d.Copies, null))], legal, list.Count + 1));

        const string HoTich = "Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP";
        const string ChungThuc = "Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC";
        var toKhai = ("Tờ khai theo mẫu", 1, 0);
        var cccd = ("Căn cước công dân / giấy tờ tùy thân (xuất trình)", 1, 0);
        P(f[0], s[0], "1.001193", "Đăng ký khai sinh", "Ngay trong ngày tiếp nhận hồ sơ đủ giấy tờ", "Miễn lệ phí (đăng ký đúng hạn)", HoTich, toKhai, ("Giấy chứng sinh", 1, 0), cccd);
        P(f[0], s[0], "1.000894", "Đăng ký kết hôn", "Ngay trong ngày; tối đa 05 ngày làm việc nếu cần xác minh", "Miễn lệ phí (kết hôn trong nước)", HoTich, toKhai, cccd);
        P(f[0], s[0], "1.000656", "Đăng ký khai tử", "Ngay trong ngày tiếp nhận hồ sơ đủ giấy tờ", "Miễn lệ phí (đăng ký đúng hạn)", HoTich, toKhai, ("Giấy báo tử hoặc giấy tờ thay thế", 1, 0), cccd);
        P(f[0], s[0], "MAU.HT.01", "Đăng ký thay đổi, cải chính hộ tịch", "03 ngày làm việc (thêm 03 ngày nếu cần xác minh)", "Theo mức do HĐND tỉnh quy định (mẫu)", HoTich, toKhai, cccd);
        P(f[0], s[0], "MAU.HT.02", "Đăng ký nhận cha, mẹ, con", "03 ngày làm việc (mẫu)", "Theo mức do HĐND tỉnh quy định (mẫu)", HoTich, toKhai, ("Chứng cứ chứng minh quan hệ cha, mẹ, con", 1, 0), cccd);
        P(f[0], s[0], "MAU.HT.03", "Đăng ký lại khai sinh", "05 ngày làm việc (mẫu)", "Theo mức do HĐND tỉnh quy định (mẫu)", HoTich, toKhai, cccd);
        P(f[0], s[0], "MAU.HT.04", "Cấp bản sao trích lục hộ tịch", "Ngay trong ngày (mẫu)", "8.000 đồng/bản (mẫu)", HoTich, toKhai, cccd);
        P(f[0], s[0], "MAU.HT.05", "Cấp Giấy xác nhận tình trạng hôn nhân", "03 ngày làm việc (mẫu)", "Theo mức do HĐND tỉnh quy định (mẫu)", HoTich, toKhai, cccd);
        P(f[0], s[0], "MAU.HT.06", "Đăng ký giám hộ", "03 ngày làm việc (mẫu)", "Theo mức do HĐND tỉnh quy định (mẫu)", HoTich, toKhai, ("Văn bản cử người giám hộ", 1, 0), cccd);
        P(f[0], s[0], "MAU.HT.07", "Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con", "03 ngày làm việc (mẫu)", "Theo mức do HĐND tỉnh quy định (mẫu)", HoTich, toKhai, ("Giấy chứng sinh", 1, 0), cccd);
        P(f[1], s[1], "2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Trong ngày; ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ", "2.000 đồng/trang; từ trang thứ 3 trở đi 1.000 đồng/trang; tối đa 200.000 đồng/bản", ChungThuc, ("Bản chính giấy tờ", 1, 0), ("Bản sao cần chứng thực", 0, 1));
        P(f[1], s[1], "2.000884", "Chứng thực chữ ký trong giấy tờ, văn bản", "Trong ngày; ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ", "10.000 đồng/trường hợp", ChungThuc, ("Giấy tờ, văn bản cần chứng thực chữ ký", 1, 0), cccd);
        P(f[1], s[1], "MAU.CT.01", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", "Tối đa 02 ngày làm việc", "50.000 đồng/hợp đồng", ChungThuc, ("Dự thảo hợp đồng", 1, 0), cccd);
        P(f[1], s[1], "MAU.CT.02", "Chứng thực hợp đồng, giao dịch liên quan đến quyền sử dụng đất", "Tối đa 02 ngày làm việc", "50.000 đồng/hợp đồng", ChungThuc, ("Dự thảo hợp đồng", 1, 0), ("Giấy chứng nhận quyền sử dụng đất", 1, 1), cccd);
        P(f[1], s[1], "MAU.CT.03", "Chứng thực di chúc", "Trong ngày (mẫu)", "50.000 đồng/di chúc", ChungThuc, ("Dự thảo di chúc", 1, 0), cccd);
        P(f[1], s[1], "MAU.CT.04", "Chứng thực văn bản thỏa thuận phân chia di sản", "Tối đa 02 ngày làm việc", "50.000 đồng/văn bản", ChungThuc, ("Dự thảo văn bản thỏa thuận", 1, 0), cccd);
        P(f[1], s[1], "MAU.CT.05", "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", "Tối đa 02 ngày làm việc", "30.000 đồng/hợp đồng (mẫu)", ChungThuc, ("Hợp đồng đã chứng thực", 1, 0), cccd);
        P(f[2], s[2], "MAU.DC.01", "Hòa giải tranh chấp đất đai", "45 ngày (mẫu)", "Không thu phí", "Luật Đất đai 2024 (mẫu)", ("Đơn yêu cầu hòa giải", 1, 0));
        P(f[2], s[2], "MAU.DC.02", "Xác nhận hiện trạng sử dụng đất", "05 ngày làm việc (mẫu)", "Không thu phí (mẫu)", "Luật Đất đai 2024 (mẫu)", ("Đơn đề nghị xác nhận", 1, 0), cccd);
        P(f[2], s[2], "MAU.XD.01", "Cấp giấy phép xây dựng nhà ở riêng lẻ (tiếp nhận)", "15 ngày (mẫu)", "75.000 đồng/giấy phép (mẫu)", "Luật Xây dựng 2014 (mẫu)", ("Đơn đề nghị cấp giấy phép", 1, 0), ("Bản vẽ thiết kế", 2, 0));
        P(f[3], s[3], "MAU.LD.01", "Xác nhận hộ nghèo, hộ cận nghèo", "07 ngày làm việc (mẫu)", "Không thu phí", "Nghị định 07/2021/NĐ-CP (mẫu)", ("Giấy đề nghị", 1, 0), cccd);
        P(f[3], s[3], "MAU.LD.02", "Đăng ký trợ cấp xã hội hằng tháng", "10 ngày làm việc (mẫu)", "Không thu phí", "Nghị định 20/2021/NĐ-CP (mẫu)", ("Tờ khai đề nghị trợ giúp xã hội", 1, 0), cccd);
        P(f[3], s[3], "MAU.LD.03", "Xác định mức độ khuyết tật", "20 ngày làm việc (mẫu)", "Không thu phí", "Luật Người khuyết tật 2010 (mẫu)", ("Đơn đề nghị xác định mức độ khuyết tật", 1, 0));
        P(f[3], s[3], "MAU.LD.04", "Hỗ trợ chi phí mai táng", "05 ngày làm việc (mẫu)", "Không thu phí", "Nghị định 20/2021/NĐ-CP (mẫu)", ("Tờ khai đề nghị hỗ trợ chi phí mai táng", 1, 0), ("Giấy chứng tử", 0, 1));
        P(f[3], s[3], "MAU.LD.05", "Xác nhận thông tin người có công với cách mạng", "05 ngày làm việc (mẫu)", "Không thu phí", "Pháp lệnh Ưu đãi người có công 2020 (mẫu)", ("Đơn đề nghị", 1, 0), cccd);
        P(f[4], s[4], "1.001612", "Đăng ký hộ kinh doanh", "03 ngày làm việc (mẫu)", "Theo mức do HĐND tỉnh quy định (mẫu)", "Nghị định 01/2021/NĐ-CP (mẫu)", ("Giấy đề nghị đăng ký hộ kinh doanh", 1, 0), cccd);
        P(f[4], s[4], "MAU.KD.01", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "03 ngày làm việc (mẫu)", "Theo mức do HĐND tỉnh quy định (mẫu)", "Nghị định 01/2021/NĐ-CP (mẫu)", ("Thông báo thay đổi", 1, 0), cccd);
        P(f[4], s[4], "MAU.KD.02", "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn của hộ kinh doanh", "03 ngày làm việc (mẫu)", "Không thu phí (mẫu)", "Nghị định 01/2021/NĐ-CP (mẫu)", ("Thông báo tạm ngừng", 1, 0));
        P(f[4], s[4], "MAU.KD.03", "Chấm dứt hoạt động hộ kinh doanh", "03 ngày làm việc (mẫu)", "Không thu phí (mẫu)", "Nghị định 01/2021/NĐ-CP (mẫu)", ("Thông báo chấm dứt", 1, 0), ("Giấy chứng nhận đăng ký hộ kinh doanh", 1, 0));

        return list;
    }

    /// <summary>The sample applicants' chip ID card numbers: made up (province code 079, then zeros), stored only as their hashes.</summary>
    public static string DemoCitizenIdNumber(int applicant) => $"0790900000{applicant + 1:00}";

    private void AddDossiers(DateOnly today, string citizenIdSalt)
    {
        var states = Enum.GetValues<DossierState>();
        string[] names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Võ Thị Phương", "Đặng Quốc Gia"];
        string[] procedures = ["Đăng ký khai sinh", "Chứng thực hợp đồng, giao dịch liên quan đến quyền sử dụng đất", "Đăng ký hộ kinh doanh", "Xác nhận hiện trạng sử dụng đất",
            "Đăng ký thay đổi, cải chính hộ tịch", "Đăng ký kết hôn", "Cấp giấy phép xây dựng nhà ở riêng lẻ (tiếp nhận)"];
        for (var i = 0; i < states.Length; i++)
        {
            var received = today.AddDays(-(i * 3) - 2);
            var state = states[i];
            db.Dossiers.Add(new DossierRecord
            {
                Code = $"000.00.31.H29-{received:yyMMdd}-{i + 1:0000}",
                SiteId = _siteId,
                ApplicantName = names[i],
                ProcedureName = procedures[i],
                State = state,
                ReceivedOn = received,
                DueOn = received.AddDays(state == DossierState.Overdue ? 1 : 10),
                CompletedOn = state is DossierState.ReadyForPickup or DossierState.Returned or DossierState.Rejected ? today.AddDays(-1) : null,
                Note = state == DossierState.AdditionalDocumentsRequired ? "Bổ sung bản sao giấy chứng nhận quyền sử dụng đất (mẫu)" : null,
                CitizenIdHash = Citizens.CitizenIdHash.Of(DemoCitizenIdNumber(i), citizenIdSalt),
            });
        }
    }
}
