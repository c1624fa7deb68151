namespace QueueKiosk.HubServer.Administration;

/// <summary>
/// One thing wrong with what an administrator entered, reported as data rather than thrown, so a page
/// can show every problem at once next to the field it names. <see cref="Code"/> is stable (the API
/// and tests match on it); the texts are Vietnamese first (NFC), English second.
/// </summary>
public sealed record AdministrationProblem(string Code, string Field, string MessageVi, string MessageEn);
