using System.Security.Cryptography;
using System.Text;

namespace QueueKiosk.HubServer.Auth;

/// <summary>Device keys: random, shown once, stored only as SHA-256 (a key has full entropy, so no slow hash is needed).</summary>
public static class DeviceKeys
{
    public const string Prefix = "qkd_";

    public static string NewKey() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
