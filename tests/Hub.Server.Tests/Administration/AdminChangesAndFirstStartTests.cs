using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Cli;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Administration;

/// <summary>The audit page's list of administrative changes: newest first, paged, filtered by kind of record.</summary>
public abstract class AdminChangesTests(ITestOutputHelper output) : StaffTestBase(output)
{
    [Fact]
    public async Task Changes_AreListedNewestFirst_PagedAndFiltered()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        foreach (var name in new[] { "Kiosk A", "Kiosk B", "Kiosk C" })
        {
            await admin.PostOkAsync<CreatedDeviceDto>(HubRoutes.AdminDevices, new CreateDeviceRequest(DeviceKind.Kiosk, name));
            App.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await CreateStaffAsync(admin, "canbo13", OfficerRole.Officer);

        var first = (await admin.GetFromJsonAsync<AdminChangesPage>($"{HubRoutes.AdminChanges}?entity=device&pageSize=2"))!;
        Assert.Equal((3, 1, 2), (first.Total, first.Page, first.PageSize));
        Assert.Equal(["Kiosk C", "Kiosk B"], first.Items.Select(NameOf).ToList());
        var second = (await admin.GetFromJsonAsync<AdminChangesPage>($"{HubRoutes.AdminChanges}?entity=device&pageSize=2&page=2"))!;
        Assert.Equal(["Kiosk A"], second.Items.Select(NameOf).ToList());

        var all = (await admin.GetFromJsonAsync<AdminChangesPage>(HubRoutes.AdminChanges))!;
        Assert.Equal(4, all.Total);
        Assert.Equal("staff", all.Items[0].Entity);
        Assert.All(all.Items, c => Assert.Equal("quantri", c.ActorName));

        AssertProblem(await SendAsync(admin, HttpMethod.Get, HubRoutes.AdminChanges + "?pageSize=0"), HttpStatusCode.BadRequest, "validation.invalid", "pageSize", "không hợp lệ");
        AssertProblem(await SendAsync(admin, HttpMethod.Get, HubRoutes.AdminChanges + "?page=0"), HttpStatusCode.BadRequest, "validation.invalid", "page", "không hợp lệ");
    }

    private static string NameOf(AdminChangeDto change) =>
        System.Text.Json.JsonDocument.Parse(change.After!).RootElement.GetProperty("name").GetString()!;
}

public sealed class SqliteAdminChangesTests(ITestOutputHelper output) : AdminChangesTests(output)
{
    protected override bool Postgres => false;
}

public sealed class PostgresAdminChangesTests(ITestOutputHelper output) : AdminChangesTests(output)
{
    protected override bool Postgres => true;
}

/// <summary>First start outside demo mode (issue 9): until an admin exists, both sign-in pages show the command that creates one.</summary>
public sealed class FirstStartTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private HubApp _demo = null!;

    public Task InitializeAsync()
    {
        _demo = new HubApp(_database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _demo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task EmptyDatabase_SignInPagesShowTheAdminCreateCommand_UntilAnAdminExists()
    {
        await using var production = _demo.WithWebHostBuilder(b => b.UseSetting("Demo:Enabled", "false"));
        using var browser = production.CreateClient();
        foreach (var page in new[] { "/supervisor/login", "/officer/login" })
        {
            var html = await browser.GetStringAsync(page);
            Assert.Contains("id=\"first-admin\"", html, StringComparison.Ordinal);
            Assert.Contains("Chưa có tài khoản quản trị", html, StringComparison.Ordinal);
            Assert.Contains("dotnet Hub.Server.dll admin create --user", html, StringComparison.Ordinal);
        }

        using var output = new StringWriter();
        Assert.Equal(0, await HubCommands.RunAsync(["admin", "create", "--user", "quantri", "--password", "Matkhau123"], production.Services, output));

        foreach (var page in new[] { "/supervisor/login", "/officer/login" })
        {
            Assert.DoesNotContain("id=\"first-admin\"", await browser.GetStringAsync(page), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("quantri", "Matkhau123"))).StatusCode);
    }
}
