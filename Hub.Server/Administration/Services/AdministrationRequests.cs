namespace QueueKiosk.HubServer.Administration.Services;

/// <summary>A counter and the services it calls.</summary>
/// <param name="ServiceIds">Without <paramref name="Weights"/>: called strictly in this order (the first service's tickets before any of the second's).</param>
/// <param name="Weights">One per service (1-10): the services are mixed instead, the one whose oldest ticket has waited longest times its weight first.</param>
/// <param name="Open">On create only: the counter starts open (an edit leaves the live state to the officer).</param>
public sealed record CreateCounterRequest(int Number, string Name, IReadOnlyList<Guid> ServiceIds, int? LedAddress = null, string? CameraId = null, bool Open = true,
    IReadOnlyList<int>? Weights = null);

/// <summary>A service: prefix + zero-padded number (A001), or a numeric range without prefix (1001-1999). The body of a create and of an edit.</summary>
/// <param name="AcceptedPriorities">PriorityCategory names of the groups its tickets may carry; null: every group of the site.</param>
/// <param name="FieldIds">Fields whose procedures are all mapped to this service; with <paramref name="ProcedureIds"/> the whole mapping (null both: unchanged).</param>
/// <param name="ProcedureIds">Procedures mapped to this service one by one.</param>
public sealed record CreateServiceRequest(
    string Code, string Name, string? NameEn = null, string? Prefix = null, int Digits = 3, int RangeStart = 1, int RangeEnd = 999,
    int WaitTargetMinutes = 15, int MaxWaitMinutes = 0, int DefaultServiceSeconds = 300,
    IReadOnlyList<string>? AcceptedPriorities = null, IReadOnlyList<Guid>? FieldIds = null, IReadOnlyList<Guid>? ProcedureIds = null, int SortOrder = 100);
