using System.Security.Claims;
using System.Text.Json;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Administration.Audit;

/// <summary>
/// The one way an administrative change is audited: the change row is added to the same context as
/// the change itself, so one SaveChanges writes both or neither (an edit is never applied unaudited).
/// </summary>
public static class AdminAudit
{
    private static readonly JsonSerializerOptions RecordJson = new(JsonSerializerDefaults.Web)
    {
        // Vietnamese stays readable in the audit page and in a database dump.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Adds the audit row of one change. <paramref name="before"/> and <paramref name="after"/> are snapshots (DTOs or anonymous objects), null where there is none.
    /// Null, and no row, only for an actor made with SystemActor.Unaudited (the demo's sample data).
    /// </summary>
    public static AdminChange? Record(HubDbContext db, ClaimsPrincipal user, Guid siteId, string action, string entity, object entityId,
        object? before, object? after, DateTime now)
    {
        if (SystemActor.IsUnaudited(user))
        {
            return null;
        }

        var change = new AdminChange
        {
            Id = Guid.CreateVersion7(),
            SiteId = siteId,
            At = now,
            ActorId = user.OfficerId(),
            ActorName = user.Identity?.Name ?? "",
            Action = action,
            Entity = entity,
            EntityId = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Before = Snapshot(before),
            After = Snapshot(after),
        };
        db.AdminChanges.Add(change);
        return change;
    }

    /// <summary>The JSON kept for a record, cut to what the column holds (a record that large is a catalogue import, summarised by its caller).</summary>
    public static string? Snapshot(object? value)
    {
        if (value is null)
        {
            return null;
        }

        var json = JsonSerializer.Serialize(value, value.GetType(), RecordJson);
        return json.Length <= AdminChangeLimits.RecordJson ? json : json[..(AdminChangeLimits.RecordJson - 1)] + "…";
    }
}

/// <summary>The actions and entities an audit row names (one spelling each, shown translated on the audit page).</summary>
public static class AdminActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Retire = "retire";
    public const string Restore = "restore";
    public const string Import = "import";
    public const string SetPassword = "password";
    public const string Lock = "lock";
    public const string Unlock = "unlock";
    public const string RotateKey = "rotate-key";
    public const string Revoke = "revoke";

    /// <summary>Only for rows without history of their own (a hand-entered calendar day).</summary>
    public const string Delete = "delete";
}

public static class AdminEntities
{
    public const string Site = "site";
    public const string Field = "field";
    public const string Procedure = "procedure";
    public const string Service = "service";
    public const string PriorityGroup = "priority";
    public const string Counter = "counter";
    public const string Staff = "staff";
    public const string Calendar = "calendar";
    public const string Device = "device";
    public const string Catalogue = "catalogue";

    /// <summary>A service's booking settings (docs/appointments.md).</summary>
    public const string Booking = "booking";
}
