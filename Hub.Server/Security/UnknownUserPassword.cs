using Microsoft.AspNetCore.Identity;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Security;

/// <summary>
/// A password hash no one knows, checked when the user name does not exist, so an unknown name
/// costs the same key derivation as a wrong password and the answer time does not tell which
/// names exist (issue 15, item 3).
/// </summary>
public sealed class UnknownUserPassword(IPasswordHasher<Officer> hasher)
{
    private static readonly Officer Nobody = new() { UserName = "" };
    private readonly Lazy<string> _hash = new(() => hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    public void Verify(string password) => hasher.VerifyHashedPassword(Nobody, _hash.Value, password);
}
