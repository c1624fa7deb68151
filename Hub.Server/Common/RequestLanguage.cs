namespace QueueKiosk.HubServer.Common;

/// <summary>The language of answers: Vietnamese, or English when the caller asks (Accept-Language: en). The texts are in Domain/Errors.cs.</summary>
public static class RequestLanguage
{
    public static bool IsEnglish(HttpContext context)
    {
        var header = context.Request.Headers.AcceptLanguage.ToString();
        return header.Length >= 2 && header.StartsWith("en", StringComparison.OrdinalIgnoreCase);
    }
}
