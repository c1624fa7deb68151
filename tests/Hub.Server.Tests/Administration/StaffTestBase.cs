using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Administration;

/// <summary>
/// Hub.Server on real Kestrel (loopback) with the demo data, on SQLite or PostgreSQL (the subclass
/// chooses), and the helpers the staff-account and device tests share. When PostgreSQL is not
/// reachable and not required, <see cref="App"/> stays null and the tests return at once.
/// </summary>
public abstract class StaffTestBase(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>A password the policy accepts (letters, digits, 8+ characters).</summary>
    protected const string NewPassword = "Matkhau123";

    protected HubApp? App { get; private set; }

    private TestDatabase? _database;

    protected abstract bool Postgres { get; }

    public async Task InitializeAsync()
    {
        if (Postgres)
        {
            var (database, skip) = await PostgresTestDatabase.TryCreateAsync();
            if (database is null)
            {
                output.WriteLine(skip);
                return;
            }

            _database = database;
        }
        else
        {
            _database = new SqliteTestDatabase();
        }

        App = new HubApp(_database, kestrel: true);
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

    /// <summary>Signs in with any password; the answer as it came (status and body).</summary>
    protected async Task<(HttpClient Client, HttpStatusCode Status, JsonElement Body)> TrySignInAsync(string user, string password, Guid? counterId = null)
    {
        var client = App!.CreateClient();
        var answer = await SendAsync(client, HttpMethod.Post, HubRoutes.Login, new LoginRequest(user, password, counterId));
        return (client, answer.Status, answer.Body);
    }

    protected static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null,
        string language = "vi")
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType());
        }

        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text));
    }

    protected static Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string url, object? body = null) =>
        SendAsync(client, HttpMethod.Post, url, body ?? new { });

    /// <summary>A refusal naming its field: status, catalogue code, "field", and the Vietnamese text naming the field too.</summary>
    protected static void AssertProblem((HttpStatusCode Status, JsonElement Body) answer, HttpStatusCode status, string code, string field, string vietnamese)
    {
        Assert.Equal(status, answer.Status);
        Assert.Equal(code, answer.Body.GetProperty("code").GetString());
        Assert.Equal(field, answer.Body.GetProperty("field").GetString());
        var detail = answer.Body.GetProperty("detail").GetString()!;
        Assert.Contains(vietnamese, detail, StringComparison.Ordinal);
        Assert.Contains($"'{field}'", detail, StringComparison.Ordinal);
        Assert.True(detail.IsNormalized(NormalizationForm.FormC));
    }

    protected async Task<StaffDto> CreateStaffAsync(HttpClient admin, string userName, OfficerRole role, params Guid[] counters)
    {
        var answer = await PostAsync(admin, HubRoutes.AdminStaff, new CreateStaffRequest(userName, "Cán bộ " + userName, role, NewPassword, counters));
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return answer.Body.Deserialize<StaffDto>(JsonSerializerOptions.Web)!;
    }

    /// <summary>Signs a new account in and changes its first password (to <see cref="NewPassword"/> + "x"), so it can act.</summary>
    protected async Task<HttpClient> SignInChangedAsync(string user, Guid? counterId = null)
    {
        var (client, status, _) = await TrySignInAsync(user, NewPassword, counterId);
        Assert.Equal(HttpStatusCode.OK, status);
        var changed = await PostAsync(client, HubRoutes.OwnPassword, new ChangeOwnPasswordRequest(NewPassword, NewPassword + "x"));
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        return client;
    }

    protected async Task<List<AdminChangeDto>> ChangesAsync(HttpClient admin, string entity)
    {
        var page = await admin.GetFromJsonAsync<AdminChangesPage>($"{HubRoutes.AdminChanges}?entity={entity}&pageSize=200");
        return [.. page!.Items];
    }

    /// <summary>Answers the counter's id: once retired it leaves the snapshot, where CounterIdAsync looks it up.</summary>
    protected async Task<Guid> RetireCounterAsync(int number)
    {
        // Retiring a counter belongs to the counters administration; the tests set the flag directly.
        var id = await App!.CounterIdAsync(number);
        App.Db(db => db.Counters.Where(c => c.Id == id).ExecuteUpdate(s => s.SetProperty(c => c.Active, false)));
        return id;
    }
}
