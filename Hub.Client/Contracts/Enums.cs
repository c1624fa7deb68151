using System.Text.Json.Serialization;

namespace QueueKiosk.HubClient.Contracts;

// Enums travel as their names ("Waiting"), not numbers, so browsers and logs stay readable
// and adding a member never shifts the meaning of existing values.

/// <summary>Where a ticket is in its life: Waiting -> Called -> Serving -> Served, or one of the side exits.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TicketStatus>))]
public enum TicketStatus
{
    Waiting,
    Called,
    Serving,
    Served,
    NoShow,
    Transferred,
    Cancelled,
    Expired,
}

/// <summary>Groups served before everyone else (Vietnamese law gives them precedence).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PriorityCategory>))]
public enum PriorityCategory
{
    None,
    Elderly,
    Disabled,
    Pregnant,
    RevolutionaryMerit,
}

/// <summary>Where the ticket came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TicketChannel>))]
public enum TicketChannel
{
    Kiosk,
    Officer,
    Api,

    /// <summary>Issued at check-in for a booking, within its window (docs/appointments.md).</summary>
    Appointment,

    /// <summary>Taken from home on the public booking page.</summary>
    Remote,
}

[JsonConverter(typeof(JsonStringEnumConverter<CounterState>))]
public enum CounterState
{
    Open,
    Paused,
    Closed,
}

[JsonConverter(typeof(JsonStringEnumConverter<OfficerRole>))]
public enum OfficerRole
{
    Officer,
    Supervisor,
    Admin,
}

[JsonConverter(typeof(JsonStringEnumConverter<DeviceKind>))]
public enum DeviceKind
{
    Kiosk,
    Display,

    /// <summary>The tablet at a counter on which citizens rate the service they got (the only device that may rate).</summary>
    RatingTablet,
}

/// <summary>Status of a dossier (hồ sơ) in the one-stop e-system.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DossierState>))]
public enum DossierState
{
    Received,
    Processing,
    AdditionalDocumentsRequired,
    ReadyForPickup,
    Returned,
    Overdue,
    Rejected,
}

/// <summary>What a ticket event records (the append-only history).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TicketEventKind>))]
public enum TicketEventKind
{
    Issued,
    Called,
    Recalled,
    Started,
    Served,
    NoShow,
    Transferred,
    Cancelled,
    Expired,
    Rated,
    Printed,
    PrintFailed,
    CounterChanged,

    /// <summary>An officer undid the ticket's last closing action (finish, no-show, cancel) within the undo window; Detail names the action undone.</summary>
    Undone,

    /// <summary>A no-show who turned up late was put back in the queue.</summary>
    Requeued,
}
