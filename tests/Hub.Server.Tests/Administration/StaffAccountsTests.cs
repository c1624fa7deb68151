using System.Net;
using System.Net.Http.Json;
using QueueKiosk.HubClient.Contracts;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Administration;

/// <summary>
/// Staff accounts (issue 9): create, edit, passwords, lock, retire, the admin rules, audit rows;
/// sign-in refuses locked and retired accounts and counters not assigned (issue 15, item 5); a
/// password an admin set must be changed before anything else.
/// </summary>
public abstract class StaffAccountsTests(ITestOutputHelper output) : StaffTestBase(output)
{
    [Fact]
    public async Task NewOfficer_MustChangePassword_BeforeAnyAction_ThenWorksAtTheirCounter()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        var counter3 = await App.CounterIdAsync(3);
        var created = await CreateStaffAsync(admin, "canbo9", OfficerRole.Officer, counter3);
        Assert.True(created.MustChangePassword);
        Assert.Equal([counter3], created.CounterIds);

        var (officer, status, body) = await TrySignInAsync("canbo9", NewPassword, counter3);
        using var _ = officer;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("mustChangePassword").GetBoolean());
        Assert.True((await officer.GetFromJsonAsync<MeDto>(HubRoutes.Me))!.MustChangePassword);

        // Every other API answers 403 in Vietnamese until the password is changed.
        var refused = await SendAsync(officer, HttpMethod.Get, HubRoutes.OwnSnapshot);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("auth.password_change_required", refused.Body.GetProperty("code").GetString());
        Assert.Contains("đổi mật khẩu", refused.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(officer, HubRoutes.CounterAction(counter3, CounterActions.CallNext))).Status);

        AssertProblem(await PostAsync(officer, HubRoutes.OwnPassword, new ChangeOwnPasswordRequest("sai-mat-khau-1", "Khac12345")),
            HttpStatusCode.BadRequest, "auth.wrong_current_password", "currentPassword", "không đúng");
        AssertProblem(await PostAsync(officer, HubRoutes.OwnPassword, new ChangeOwnPasswordRequest(NewPassword, "ngan1")),
            HttpStatusCode.BadRequest, "password.too_short", "newPassword", "ít nhất 8 ký tự");
        AssertProblem(await PostAsync(officer, HubRoutes.OwnPassword, new ChangeOwnPasswordRequest(NewPassword, NewPassword)),
            HttpStatusCode.BadRequest, "password.same", "newPassword", "khác mật khẩu hiện tại");

        var changed = await PostAsync(officer, HubRoutes.OwnPassword, new ChangeOwnPasswordRequest(NewPassword, "MatKhauMoi2026"));
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.False(changed.Body.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(3, changed.Body.GetProperty("counterNumber").GetInt32());

        // The same session now acts at its counter (nothing waiting: 204).
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsync(HubRoutes.CounterAction(counter3, CounterActions.CallNext), null)).StatusCode);
        Assert.False((await officer.GetFromJsonAsync<MeDto>(HubRoutes.Me))!.MustChangePassword);

        // The old password no longer signs in; the new one does, without the must-change flag.
        Assert.Equal(HttpStatusCode.Unauthorized, (await TrySignInAsync("canbo9", NewPassword, counter3)).Status);
        var again = await TrySignInAsync("canbo9", "MatKhauMoi2026", counter3);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.False(again.Body.GetProperty("mustChangePassword").GetBoolean());

        // Audited: the creation (no hash anywhere) and the own password change.
        var changes = await ChangesAsync(admin, "staff");
        var create = Assert.Single(changes, c => c.Action == "create" && c.EntityId == created.Id.ToString());
        Assert.Equal("quantri", create.ActorName);
        Assert.Null(create.Before);
        Assert.Contains("\"userName\":\"canbo9\"", create.After, StringComparison.Ordinal);
        Assert.Single(changes, c => c.Action == "password" && c.EntityId == created.Id.ToString() && c.ActorName == "canbo9");
        Assert.All(changes, c => Assert.DoesNotContain("hash", (c.Before ?? "") + c.After, StringComparison.OrdinalIgnoreCase));
        Assert.All(changes, c => Assert.DoesNotContain(NewPassword, (c.Before ?? "") + c.After, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OfficerWithAssignedCounters_SignsInOnlyThere_AndNeverAtARetiredCounter()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        var counter1 = await App.CounterIdAsync(1);
        var counter2 = await App.CounterIdAsync(2);
        await CreateStaffAsync(admin, "canbo10", OfficerRole.Officer, counter1);

        var elsewhere = await TrySignInAsync("canbo10", NewPassword, counter2);
        elsewhere.Client.Dispose();
        AssertProblem((elsewhere.Status, elsewhere.Body), HttpStatusCode.Forbidden, "auth.counter_not_allowed", "counterId", "không được phân công");
        using var allowed = await SignInChangedAsync("canbo10", counter1);

        // An officer without a list may sign in at any counter in service, but not at a retired one.
        var counter5 = await RetireCounterAsync(5);
        var retired = await TrySignInAsync("canbo5", DemoPassword, counter5);
        retired.Client.Dispose();
        AssertProblem((retired.Status, retired.Body), HttpStatusCode.BadRequest, "auth.counter_retired", "counterId", "ngừng sử dụng");
        using var elsewhereOk = await App.SignInAsync("canbo5", counter2);
    }

    [Fact]
    public async Task BadAccountValues_AreRefused_NamingTheField()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        var counter1 = await App.CounterIdAsync(1);
        AssertProblem(await PostAsync(admin, HubRoutes.AdminStaff, new CreateStaffRequest("canbo1", "Trùng tên", OfficerRole.Officer, NewPassword)),
            HttpStatusCode.Conflict, "validation.duplicate", "userName", "đã được dùng");
        AssertProblem(await PostAsync(admin, HubRoutes.AdminStaff, new CreateStaffRequest("moi1", "Mật khẩu ngắn", OfficerRole.Officer, "Ab1")),
            HttpStatusCode.BadRequest, "password.too_short", "password", "ít nhất 8 ký tự");
        AssertProblem(await PostAsync(admin, HubRoutes.AdminStaff, new CreateStaffRequest("moi1", "Chỉ chữ", OfficerRole.Officer, "chichuthoi")),
            HttpStatusCode.BadRequest, "password.too_weak", "password", "chữ cái và chữ số");
        AssertProblem(await PostAsync(admin, HubRoutes.AdminStaff, new CreateStaffRequest("moi12345", "Trùng tên", OfficerRole.Officer, "MOI12345")),
            HttpStatusCode.BadRequest, "password.is_user_name", "password", "trùng với tên đăng nhập");
        AssertProblem(await PostAsync(admin, HubRoutes.AdminStaff, new CreateStaffRequest(" ", "Không tên", OfficerRole.Officer, NewPassword)),
            HttpStatusCode.BadRequest, "validation.required", "userName", "bắt buộc");
        AssertProblem(await PostAsync(admin, HubRoutes.AdminStaff, new CreateStaffRequest("moi1", "", OfficerRole.Officer, NewPassword)),
            HttpStatusCode.BadRequest, "validation.required", "displayName", "bắt buộc");
        AssertProblem(await PostAsync(admin, HubRoutes.AdminStaff, new { userName = "moi1", displayName = "Vai trò lạ", role = 7, password = NewPassword }),
            HttpStatusCode.BadRequest, "validation.invalid", "role", "không hợp lệ");
        AssertProblem(await PostAsync(admin, HubRoutes.AdminStaff, new CreateStaffRequest("moi1", "Quầy lạ", OfficerRole.Officer, NewPassword, [Guid.NewGuid()])),
            HttpStatusCode.BadRequest, "staff.counter_not_found", "counterIds", "không tồn tại");

        var counter4 = await RetireCounterAsync(4);
        AssertProblem(await PostAsync(admin, HubRoutes.AdminStaff, new CreateStaffRequest("moi1", "Quầy cũ", OfficerRole.Officer, NewPassword, [counter1, counter4])),
            HttpStatusCode.BadRequest, "staff.counter_retired", "counterIds", "quầy số 4 đã ngừng sử dụng");
        var existing = await CreateStaffAsync(admin, "moi1", OfficerRole.Officer, counter1);
        AssertProblem(await SendAsync(admin, HttpMethod.Put, HubRoutes.WithId(HubRoutes.AdminStaffItem, existing.Id),
            new UpdateStaffRequest("moi1", "Quầy cũ", OfficerRole.Officer, [counter4])), HttpStatusCode.BadRequest, "staff.counter_retired", "counterIds", "quầy số 4");
        AssertProblem(await PostAsync(admin, HubRoutes.WithId(HubRoutes.AdminStaffPassword, existing.Id), new ResetPasswordRequest("12345678")),
            HttpStatusCode.BadRequest, "password.too_weak", "password", "chữ cái và chữ số");

        // Nothing half-written: only the one valid account exists, and only its creation is audited.
        var staff = await admin.GetFromJsonAsync<List<StaffDto>>(HubRoutes.AdminStaff);
        Assert.Single(staff!, s => s.UserName == "moi1");
        Assert.DoesNotContain(staff!, s => s.UserName == "moi12345");
        Assert.Single(await ChangesAsync(admin, "staff"));
    }

    [Fact]
    public async Task Admin_CannotDemoteLockOrRetireThemselves_NorTheLastAdmin()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        var me = (await admin.GetFromJsonAsync<MeDto>(HubRoutes.Me))!;
        var demote = new UpdateStaffRequest("quantri", "Quản trị", OfficerRole.Supervisor);

        // quantri is the only admin of the site.
        AssertProblem(await SendAsync(admin, HttpMethod.Put, HubRoutes.WithId(HubRoutes.AdminStaffItem, me.Id), demote),
            HttpStatusCode.Conflict, "staff.last_admin", "role", "quản trị cuối cùng");
        AssertProblem(await PostAsync(admin, HubRoutes.WithId(HubRoutes.AdminStaffLock, me.Id)),
            HttpStatusCode.Conflict, "staff.last_admin", "id", "quản trị cuối cùng");
        AssertProblem(await PostAsync(admin, HubRoutes.WithId(HubRoutes.AdminStaffRetire, me.Id)),
            HttpStatusCode.Conflict, "staff.last_admin", "id", "quản trị cuối cùng");

        // With a second admin, the rules about oneself still hold.
        var second = await CreateStaffAsync(admin, "quantri2", OfficerRole.Admin);
        AssertProblem(await SendAsync(admin, HttpMethod.Put, HubRoutes.WithId(HubRoutes.AdminStaffItem, me.Id), demote),
            HttpStatusCode.Conflict, "staff.own_admin_role", "role", "tự bỏ quyền quản trị");
        AssertProblem(await PostAsync(admin, HubRoutes.WithId(HubRoutes.AdminStaffLock, me.Id)),
            HttpStatusCode.Conflict, "staff.self_lockout", "id", "tự khóa");
        AssertProblem(await PostAsync(admin, HubRoutes.WithId(HubRoutes.AdminStaffRetire, me.Id)),
            HttpStatusCode.Conflict, "staff.self_lockout", "id", "tự khóa");

        // The second admin retired, quantri is the last one again.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, HubRoutes.WithId(HubRoutes.AdminStaffRetire, second.Id))).Status);
        AssertProblem(await SendAsync(admin, HttpMethod.Put, HubRoutes.WithId(HubRoutes.AdminStaffItem, me.Id), demote),
            HttpStatusCode.Conflict, "staff.last_admin", "role", "quản trị cuối cùng");

        var self = (await admin.GetFromJsonAsync<List<StaffDto>>(HubRoutes.AdminStaff))!.Single(s => s.Id == me.Id);
        Assert.Equal((OfficerRole.Admin, true, false), (self.Role, self.Active, self.Locked));
    }

    [Fact]
    public async Task LockedOrRetiredAccount_CannotSignIn_AndItsOpenSessionEndsAtOnce()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        var counter2 = await App.CounterIdAsync(2);
        var canbo2 = (await admin.GetFromJsonAsync<List<StaffDto>>(HubRoutes.AdminStaff))!.Single(s => s.UserName == "canbo2");
        using var session = await App.SignInAsync("canbo2", counter2);
        Assert.Equal(HttpStatusCode.NoContent, (await session.PostAsync(HubRoutes.CounterAction(counter2, CounterActions.CallNext), null)).StatusCode);

        var locked = await PostAsync(admin, HubRoutes.WithId(HubRoutes.AdminStaffLock, canbo2.Id));
        Assert.Equal(HttpStatusCode.OK, locked.Status);
        Assert.True(locked.Body.GetProperty("locked").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.PostAsync(HubRoutes.CounterAction(counter2, CounterActions.CallNext), null)).StatusCode);
        var refused = await TrySignInAsync("canbo2", DemoPassword, counter2);
        refused.Client.Dispose();
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("auth.locked_by_admin", refused.Body.GetProperty("code").GetString());
        Assert.Contains("quản trị viên khóa", refused.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // A wrong password still says only that the credentials are wrong.
        Assert.Equal(HttpStatusCode.Unauthorized, (await TrySignInAsync("canbo2", "sai-mat-khau-9", counter2)).Status);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, HubRoutes.WithId(HubRoutes.AdminStaffUnlock, canbo2.Id))).Status);
        using var unlocked = await App.SignInAsync("canbo2", counter2);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, HubRoutes.WithId(HubRoutes.AdminStaffRetire, canbo2.Id))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await unlocked.GetAsync(HubRoutes.Me)).StatusCode);
        var retired = await TrySignInAsync("canbo2", DemoPassword, counter2);
        retired.Client.Dispose();
        Assert.Equal(HttpStatusCode.Forbidden, retired.Status);
        Assert.Equal("auth.account_retired", retired.Body.GetProperty("code").GetString());
        Assert.Contains("ngừng sử dụng", retired.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Retired accounts stay listed (their history stays); restored, they sign in again.
        var listed = (await admin.GetFromJsonAsync<List<StaffDto>>(HubRoutes.AdminStaff))!.Single(s => s.Id == canbo2.Id);
        Assert.False(listed.Active);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, HubRoutes.WithId(HubRoutes.AdminStaffRestore, canbo2.Id))).Status);
        using var restored = await App.SignInAsync("canbo2", counter2);

        var actions = (await ChangesAsync(admin, "staff")).Where(c => c.EntityId == canbo2.Id.ToString()).Select(c => c.Action).ToList();
        Assert.Equal(["restore", "retire", "unlock", "lock"], actions);
        var lockRow = (await ChangesAsync(admin, "staff")).Single(c => c.Action == "lock");
        Assert.Contains("\"locked\":false", lockRow.Before, StringComparison.Ordinal);
        Assert.Contains("\"locked\":true", lockRow.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingAnAccount_UpdatesIt_AndAudits_BeforeAndAfter()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        var counter1 = await App.CounterIdAsync(1);
        var counter2 = await App.CounterIdAsync(2);
        var created = await CreateStaffAsync(admin, "canbo11", OfficerRole.Officer, counter1);
        var edited = await SendAsync(admin, HttpMethod.Put, HubRoutes.WithId(HubRoutes.AdminStaffItem, created.Id),
            new UpdateStaffRequest("canbo11", "Nguyễn Văn Mười Một", OfficerRole.Supervisor, [counter1, counter2]));
        Assert.Equal(HttpStatusCode.OK, edited.Status);

        var listed = (await admin.GetFromJsonAsync<List<StaffDto>>(HubRoutes.AdminStaff))!.Single(s => s.Id == created.Id);
        Assert.Equal("Nguyễn Văn Mười Một", listed.DisplayName);
        Assert.Equal(OfficerRole.Supervisor, listed.Role);
        Assert.Equal(new[] { counter1, counter2 }.Order(), listed.CounterIds);

        var update = Assert.Single(await ChangesAsync(admin, "staff"), c => c.Action == "update");
        Assert.Contains("\"role\":\"Officer\"", update.Before, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"Supervisor\"", update.After, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn Mười Một", update.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffAdministration_IsForAdminsOnly()
    {
        if (App is null)
        {
            return;
        }

        using var supervisor = await App.SupervisorAsync();
        using var officer = await App.SignInAsync("canbo1", await App.CounterIdAsync(1));
        using var anonymous = App.CreateClient();
        foreach (var client in new[] { supervisor, officer })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(HubRoutes.AdminStaff)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(HubRoutes.AdminDevices)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(HubRoutes.AdminChanges)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, HubRoutes.AdminStaff, new CreateStaffRequest("x1", "X", OfficerRole.Admin, NewPassword))).Status);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(HubRoutes.AdminStaff)).StatusCode);
    }

    [Fact]
    public async Task AdministrationPages_OpenForAdmins_AndAre403ForSupervisors()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        using var supervisor = await App.SupervisorAsync();
        foreach (var (page, id) in new[] { ("/supervisor/users", "id=\"staff-form\""), ("/supervisor/devices", "id=\"device-qr\""), ("/supervisor/audit", "id=\"changes-rows\"") })
        {
            var html = await admin.GetStringAsync(page);
            Assert.Contains(id, html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync(page)).StatusCode);
        }
    }

    private const string DemoPassword = Infrastructure.HubApp.Password;
}

public sealed class SqliteStaffAccountsTests(ITestOutputHelper output) : StaffAccountsTests(output)
{
    protected override bool Postgres => false;
}

public sealed class PostgresStaffAccountsTests(ITestOutputHelper output) : StaffAccountsTests(output)
{
    protected override bool Postgres => true;
}
