namespace QueueKiosk.HubClient.Contracts;

/// <summary>A staff account as the administration pages show it (never its password hash).</summary>
/// <param name="CounterIds">The counters the account may sign in at; empty: any counter of the site.</param>
public sealed record StaffDto(Guid Id, string UserName, string DisplayName, OfficerRole Role, IReadOnlyList<Guid> CounterIds,
    bool Active, bool Locked, bool MustChangePassword);

/// <summary>A new account: <paramref name="Password"/> is the first one, to be changed at the first sign-in.</summary>
public sealed record CreateStaffRequest(string UserName, string DisplayName, OfficerRole Role, string Password, IReadOnlyList<Guid>? CounterIds = null);

public sealed record UpdateStaffRequest(string UserName, string DisplayName, OfficerRole Role, IReadOnlyList<Guid>? CounterIds = null);

/// <summary>An admin sets a new password; the account must change it at its next sign-in.</summary>
public sealed record ResetPasswordRequest(string Password);

/// <summary>Any signed-in staff member changes their own password.</summary>
public sealed record ChangeOwnPasswordRequest(string CurrentPassword, string NewPassword);

public sealed record DeviceDto(Guid Id, DeviceKind Kind, string Name, DateTime? LastSeenAt, string? Status, bool Active, Guid? CounterId = null);

/// <param name="CounterId">The counter a rating tablet faces: required for a rating tablet, refused for other kinds.</param>
public sealed record CreateDeviceRequest(DeviceKind Kind, string Name, Guid? CounterId = null);

/// <summary>
/// A device key, shown only in this answer (the hub keeps its SHA-256). <paramref name="Pairing"/> is
/// the settings the device's host needs (hub address and key, as lines of its settings file) and
/// <paramref name="PairingQrPng"/> the same text as a QR code (a data: URL of a PNG).
/// </summary>
public sealed record CreatedDeviceDto(Guid Id, DeviceKind Kind, string Name, string Key, string Pairing, string PairingQrPng);

/// <summary>One administrative change: who, when, what, and the record before and after (JSON).</summary>
public sealed record AdminChangeDto(Guid Id, DateTime At, string ActorName, string Action, string Entity, string EntityId, string? Before, string? After);

public sealed record AdminChangesPage(IReadOnlyList<AdminChangeDto> Items, int Page, int PageSize, int Total);
