using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Administration;

/// <summary>Device keys (issue 9): created with a key and pairing QR shown once, listed, rotated and revoked; an old key stops at once; audited without the key.</summary>
public abstract class DevicesAdministrationTests(ITestOutputHelper output) : StaffTestBase(output)
{
    [Fact]
    public async Task CreatedKey_Works_RotationStopsTheOldKeyAtOnce_RevocationStopsTheNewOne()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        var created = await PostAsync(admin, HubRoutes.AdminDevices, new CreateDeviceRequest(DeviceKind.Display, "TV sảnh 2"));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var device = created.Body.Deserialize<CreatedDeviceDto>(JsonSerializerOptions.Web)!;
        Assert.StartsWith("qkd_", device.Key, StringComparison.Ordinal);
        Assert.Contains($"Hub__DeviceKey={device.Key}", device.Pairing, StringComparison.Ordinal);
        Assert.Contains($"Hub__Url={App.ServerAddress.ToString().TrimEnd('/')}", device.Pairing, StringComparison.Ordinal);
        AssertPng(device.PairingQrPng);

        // The key works (and is now in the hub's key cache).
        using var oldKey = App.Device(device.Key);
        Assert.Equal(HttpStatusCode.OK, (await oldKey.GetAsync(HubRoutes.OwnSnapshot)).StatusCode);

        var rotated = await admin.PostOkAsync<CreatedDeviceDto>(HubRoutes.WithId(HubRoutes.AdminDeviceRotateKey, device.Id));
        Assert.NotEqual(device.Key, rotated.Key);
        AssertPng(rotated.PairingQrPng);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldKey.GetAsync(HubRoutes.OwnSnapshot)).StatusCode);
        using var newKey = App.Device(rotated.Key);
        Assert.Equal(HttpStatusCode.OK, (await newKey.GetAsync(HubRoutes.OwnSnapshot)).StatusCode);

        var revoked = await admin.PostOkAsync<DeviceDto>(HubRoutes.WithId(HubRoutes.AdminDeviceRevoke, device.Id));
        Assert.False(revoked.Active);
        Assert.Equal(HttpStatusCode.Unauthorized, (await newKey.GetAsync(HubRoutes.OwnSnapshot)).StatusCode);
        AssertProblem(await PostAsync(admin, HubRoutes.WithId(HubRoutes.AdminDeviceRotateKey, device.Id)),
            HttpStatusCode.Conflict, "device.revoked", "id", "thu hồi");

        var listed = (await admin.GetFromJsonAsync<List<DeviceDto>>(HubRoutes.AdminDevices))!;
        Assert.Contains(listed, d => d.Id == device.Id && !d.Active && d.Kind == DeviceKind.Display && d.Name == "TV sảnh 2");
        // The demo's display has sent no heartbeat in this test; the list still shows it, active.
        Assert.Contains(listed, d => d.Kind == DeviceKind.Kiosk && d.Active);

        var changes = await ChangesAsync(admin, "device");
        Assert.Equal(["revoke", "rotate-key", "create"], changes.Select(c => c.Action).ToList());
        Assert.All(changes, c => Assert.DoesNotContain("qkd_", (c.Before ?? "") + c.After, StringComparison.Ordinal));
        Assert.All(changes, c => Assert.DoesNotContain("keyHash", (c.Before ?? "") + c.After, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task LastSeen_ComesFromTheHeartbeat()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        var device = await admin.PostOkAsync<CreatedDeviceDto>(HubRoutes.AdminDevices, new CreateDeviceRequest(DeviceKind.Kiosk, "Kiosk tầng 2"));
        using var kiosk = App.Device(device.Key);
        var beat = await kiosk.PostAsJsonAsync(HubRoutes.DeviceStatus, new DeviceStatusReport("Kiosk tầng 2", "Ready", "Ready", false, false, null, false, null, "1.0.0"));
        Assert.True(beat.IsSuccessStatusCode, await beat.Content.ReadAsStringAsync());
        var listed = (await admin.GetFromJsonAsync<List<DeviceDto>>(HubRoutes.AdminDevices))!.Single(d => d.Id == device.Id);
        Assert.Equal(App.Time.GetUtcNow().UtcDateTime, listed.LastSeenAt);
        Assert.False(string.IsNullOrEmpty(listed.Status));
    }

    [Fact]
    public async Task BadDeviceValues_AreRefused_NamingTheField()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        AssertProblem(await PostAsync(admin, HubRoutes.AdminDevices, new { kind = "Kiosk", name = "  " }),
            HttpStatusCode.BadRequest, "validation.required", "name", "bắt buộc");
        AssertProblem(await PostAsync(admin, HubRoutes.AdminDevices, new { kind = 9, name = "Lạ" }),
            HttpStatusCode.BadRequest, "validation.invalid", "kind", "không hợp lệ");
        AssertProblem(await PostAsync(admin, HubRoutes.AdminDevices, new { kind = "Kiosk", name = new string('x', 101) }),
            HttpStatusCode.BadRequest, "validation.too_long", "name", "100");
        var missing = await PostAsync(admin, HubRoutes.WithId(HubRoutes.AdminDeviceRevoke, Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("device.not_found", missing.Body.GetProperty("code").GetString());
        Assert.Empty(await ChangesAsync(admin, "device"));
    }

    private static void AssertPng(string dataUrl)
    {
        const string prefix = "data:image/png;base64,";
        Assert.StartsWith(prefix, dataUrl, StringComparison.Ordinal);
        var png = Convert.FromBase64String(dataUrl[prefix.Length..]);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.True(png.Length > 200);
    }
}

public sealed class SqliteDevicesAdministrationTests(ITestOutputHelper output) : DevicesAdministrationTests(output)
{
    protected override bool Postgres => false;
}

public sealed class PostgresDevicesAdministrationTests(ITestOutputHelper output) : DevicesAdministrationTests(output)
{
    protected override bool Postgres => true;
}
