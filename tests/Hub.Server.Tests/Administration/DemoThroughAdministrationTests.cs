using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration;
using QueueKiosk.HubServer.Administration.Services;
using QueueKiosk.HubServer.Administration.SiteSettings;
using QueueKiosk.HubServer.Cli;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Demo;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Administration;

/// <summary>
/// Issue 9, item 5: the demo's data comes through the administration's own methods. Held three ways:
/// every demo row reads back through the admin APIs with the values the demo has always had; a demo
/// setting the staff page would refuse is refused by the demo with the page's message; and the set-up
/// commands write through the same methods (validated and audited as "cli").
/// </summary>
public abstract class DemoThroughAdministrationTests(ITestOutputHelper output) : StaffTestBase(output)
{
    [Fact]
    public async Task DemoRows_ReadBackThroughTheAdminApis_WithTheDemoValues_AndLeaveNoAuditRows()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        // Sample data is not an administrative change (SystemActor.Unaudited): the demo starts with an empty audit page.
        Assert.Equal(0, App.Db(db => db.AdminChanges.Count()));

        var site = (await admin.GetFromJsonAsync<SiteSettingsDto>(HubRoutes.AdminSite))!;
        Assert.Equal((DemoSeeder.SiteId, "DEMO-BT", "UBND phường Bến Thành (dữ liệu mẫu)", "Mon-Fri 07:30-11:30,13:00-17:00; Sat 07:30-11:30"),
            (site.Id, site.Code, site.Name, site.OpeningHours));
        Assert.Equal("Số 1 đường Mẫu, phường Bến Thành, TP. Hồ Chí Minh (địa chỉ mẫu)", site.Address);

        var services = (await admin.GetFromJsonAsync<List<ServiceAdminDto>>(HubRoutes.AdminServices))!;
        Assert.Equal(["A", "B", "C", "D", "E"], services.Select(s => s.Code).ToList());
        Assert.All(services, s => Assert.Equal((s.Code, 3, 1, 999, true), (s.Prefix, s.Digits, s.RangeStart, s.RangeEnd, s.Active)));
        Assert.Equal([(10, 30, 240), (10, 25, 180), (20, 45, 600), (15, 40, 420), (15, 40, 480)],
            services.Select(s => (s.WaitTargetMinutes, s.MaxWaitMinutes, s.DefaultServiceSeconds)).ToList());
        Assert.All(services, s => Assert.Equal(PriorityGroupDefaults.Categories.Select(c => c.ToString()).Order(), s.AcceptedPriorities.Order()));
        Assert.Equal(4, App.Db(db => db.PriorityGroups.Count(g => g.SiteId == DemoSeeder.SiteId && g.AskAtKiosk && g.Active)));

        var fields = (await admin.GetFromJsonAsync<List<FieldAdminDto>>(HubRoutes.AdminFields))!;
        Assert.Equal([("HT", 10), ("CT", 7), ("DCXD", 3), ("LDTBXH", 5), ("KD", 4)], fields.Select(f => (f.Code, f.ProcedureCount)).ToList());

        var procedures = (await admin.GetFromJsonAsync<List<ProcedureAdminDto>>(HubRoutes.AdminProcedures))!;
        Assert.Equal(29, procedures.Count);
        // Each field's procedures are taken under the service of the same place (HT under A, ... KD under E), in the demo's order.
        var serviceOfField = fields.Select((f, i) => (f.Id, services[i].Id)).ToDictionary(p => p.Item1, p => p.Item2);
        Assert.All(procedures, p => Assert.Equal(serviceOfField[p.FieldId], p.ServiceId));
        Assert.Equal(Enumerable.Range(1, 29).ToList(), procedures.Select(p => p.SortOrder).Order().ToList());
        var birth = procedures.Single(p => p.Code == "1.001193");
        Assert.Equal(("Đăng ký khai sinh", "Cấp xã", "Miễn lệ phí (đăng ký đúng hạn)", 3), (birth.Name, birth.Level, birth.Fees, birth.Documents.Count));
        Assert.Equal(("Giấy chứng sinh", 1, 0), (birth.Documents[1].Name, birth.Documents[1].Originals, birth.Documents[1].Copies));

        var counters = (await admin.GetFromJsonAsync<List<CounterAdminDto>>(HubRoutes.AdminCounters))!;
        Assert.Equal(
            ["1:A1", "2:A1,B2", "3:B1,A2", "4:C1", "5:D1,E2", "6:E1,D2"],
            counters.Select(c => $"{c.Number}:{string.Join(',', c.Services.Select(s => $"{s.ServiceCode}{s.Order}"))}").ToList());
        Assert.All(counters, c => Assert.Equal((c.Number, $"cam{((c.Number - 1) % 2) + 1}", false), (c.LedAddress!.Value, c.CameraId!, c.Weighted)));
        Assert.All(counters.SelectMany(c => c.Services), s => Assert.Equal(1, s.Weight));
        Assert.Equal(6, (await App.SnapshotAsync()).Counters.Count(c => c.State != CounterState.Closed));

        var staff = (await admin.GetFromJsonAsync<List<StaffDto>>(HubRoutes.AdminStaff))!;
        Assert.Equal(["canbo1", "canbo2", "canbo3", "canbo4", "canbo5", "canbo6", "giamsat", "quantri"], staff.Select(s => s.UserName).ToList());
        // The demo's printed password works at once: no change is forced.
        Assert.All(staff, s => Assert.False(s.MustChangePassword, s.UserName));
        Assert.Equal(OfficerRole.Admin, staff.Single(s => s.UserName == "quantri").Role);
        var (_, status, _) = await TrySignInAsync("canbo1", HubApp.Password, await App.CounterIdAsync(1));
        Assert.Equal(HttpStatusCode.OK, status);

        var devices = (await admin.GetFromJsonAsync<List<DeviceDto>>(HubRoutes.AdminDevices))!;
        Assert.Equal([(DeviceKind.Kiosk, "Kiosk sảnh (mẫu)"), (DeviceKind.Display, "Máy hiển thị sảnh (mẫu)")],
            devices.Select(d => (d.Kind, d.Name)).OrderBy(d => d.Kind).ToList());
        using var kiosk = App.Kiosk();
        Assert.Equal(HttpStatusCode.OK, (await kiosk.GetAsync(HubRoutes.Services)).StatusCode);

        // What the APIs list is every row the database holds: nothing was written beside them.
        var rows = App.Db(db => (
            Services: db.Services.Select(s => s.Id).ToHashSet(), Fields: db.Fields.Select(f => f.Id).ToHashSet(), Procedures: db.Procedures.Select(p => p.Id).ToHashSet(),
            Counters: db.Counters.Select(c => c.Id).ToHashSet(), Staff: db.Officers.Select(o => o.Id).ToHashSet(), Devices: db.Devices.Select(d => d.Id).ToHashSet(),
            Sites: db.Sites.Count()));
        Assert.True(rows.Services.SetEquals(services.Select(s => s.Id)));
        Assert.True(rows.Fields.SetEquals(fields.Select(f => f.Id)));
        Assert.True(rows.Procedures.SetEquals(procedures.Select(p => p.Id)));
        Assert.True(rows.Counters.SetEquals(counters.Select(c => c.Id)));
        Assert.True(rows.Staff.SetEquals(staff.Select(s => s.Id)));
        Assert.True(rows.Devices.SetEquals(devices.Select(d => d.Id)));
        Assert.Equal(1, rows.Sites);
    }
}

public sealed class SqliteDemoThroughAdministrationTests(ITestOutputHelper output) : DemoThroughAdministrationTests(output)
{
    protected override bool Postgres => false;
}

public sealed class PostgresDemoThroughAdministrationTests(ITestOutputHelper output) : DemoThroughAdministrationTests(output)
{
    protected override bool Postgres => true;
}

/// <summary>On an empty SQLite database outside demo mode: the seeder and the set-up commands meet the administration's checks.</summary>
public sealed class SeedingChecksTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private HubApp _app = null!;
    private WebApplicationFactory<Program> _production = null!;

    public Task InitializeAsync()
    {
        _app = new HubApp(_database);
        _production = _app.WithWebHostBuilder(b => b.UseSetting("Demo:Enabled", "false"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _production.DisposeAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ADemoPassword_TheStaffPageRefuses_IsRefusedByTheDemo_NamingTheField()
    {
        await using var scope = _production.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        // Six characters pass DemoOptions' own check, but not the password rule of every account (Validate.Password).
        var refused = await Assert.ThrowsAsync<DomainException>(() => seeder.SeedIfEmptyAsync(new DemoOptions { Enabled = true, Password = "matkhau" }, CancellationToken.None));
        Assert.Equal("password", refused.Field);
        Assert.Contains("Trường 'password'", refused.Error.Text(english: false), StringComparison.Ordinal);
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        Assert.Equal(0, await db.Officers.CountAsync());
    }

    [Fact]
    public async Task SetUpCommands_WriteThroughTheAdministration_ValidatedAndAuditedAsCli()
    {
        var services = _production.Services;
        using var output = new StringWriter();
        Assert.Equal(0, await HubCommands.RunAsync(["admin", "create", "--user", "quantri", "--password", "Matkhau123"], services, output));
        Assert.Equal(0, await HubCommands.RunAsync(["device", "create", "--kind", "Kiosk", "--name", "Kiosk 1"], services, output));

        // The same checks as the pages: a taken user name is a conflict (exit 1), a weak password is refused (exit 2), nothing is written.
        Assert.Equal(1, await HubCommands.RunAsync(["admin", "create", "--user", "quantri", "--password", "Matkhau456"], services, output));
        Assert.Equal(2, await HubCommands.RunAsync(["admin", "create", "--user", "quantri2", "--password", "matkhauyeu"], services, output));

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        Assert.Equal(["quantri"], await db.Officers.Select(o => o.UserName).ToListAsync());
        Assert.False((await db.Officers.SingleAsync()).MustChangePassword);
        var changes = await db.AdminChanges.ToListAsync();
        Assert.Equal(["device", "site", "staff"], changes.Select(c => c.Entity).Order().ToList());
        Assert.All(changes, c => Assert.Equal((SystemActor.CommandLine, "create", (Guid?)null), (c.ActorName, c.Action, c.ActorId)));
        Assert.DoesNotContain("Matkhau123", string.Concat(changes.Select(c => c.After)), StringComparison.Ordinal);
        Assert.Equal(4, await db.PriorityGroups.CountAsync());
    }
}
