using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Administration.Site;

/// <summary>
/// Hub.Server on real Kestrel with the demo data and its opening hours enforced (Mon-Fri
/// 07:30-11:30, 13:00-17:00; Sat 07:30-11:30), so the calendar's effect on issuing is visible;
/// SQLite or PostgreSQL by subclass (PostgreSQL skipped with a note when unreachable).
/// </summary>
public abstract class SiteAdministrationTestBase(ITestOutputHelper output) : IAsyncLifetime
{
    protected ITestOutputHelper Output { get; } = output;

    protected HubApp? App { get; private set; }

    private TestDatabase? _database;

    protected abstract Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        var (database, skip) = await CreateDatabaseAsync();
        if (database is null)
        {
            Output.WriteLine(skip);
            return;
        }

        _database = database;
        App = new HubApp(database, ignoreOpeningHours: false, kestrel: true);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected Task<HttpClient> AdminAsync() => App!.SignInAsync("quantri");

    /// <summary>Asserts a ProblemDetails refusal naming <paramref name="field"/>, in Vietnamese (the default language), with the field's name in its text.</summary>
    protected static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage answer, HttpStatusCode status, string code, string field, string vietnamese)
    {
        using (answer)
        {
            var text = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode == status, $"expected {(int)status}, got {(int)answer.StatusCode}: {text}");
            var body = JsonSerializer.Deserialize<JsonElement>(text);
            Assert.Equal(code, body.GetProperty("code").GetString());
            Assert.Equal(field, body.GetProperty("field").GetString());
            var detail = body.GetProperty("detail").GetString()!;
            Assert.Contains($"'{field}'", detail, StringComparison.Ordinal);
            Assert.Contains(vietnamese, detail, StringComparison.Ordinal);
            Assert.True(detail.IsNormalized(), "Vietnamese text is NFC");
            Assert.Equal([detail], body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!));
            return body;
        }
    }

    protected static async Task<T> ReadOkAsync<T>(HttpResponseMessage answer)
    {
        using (answer)
        {
            var text = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.IsSuccessStatusCode, $"expected success, got {(int)answer.StatusCode}: {text}");
            return (await answer.Content.ReadFromJsonAsync<T>())!;
        }
    }
}
