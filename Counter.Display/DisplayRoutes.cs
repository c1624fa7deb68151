namespace QueueKiosk.CounterDisplay;

/// <summary>The display host's own URLs, in one place (the hub's are in Hub.Client's HubRoutes).</summary>
public static class DisplayRoutes
{
    public const string Hall = "/hall";

    public const string CounterPage = "/counter/{number:int}";

    /// <summary>A picture of the LED boards as they look now (an HTML page drawing each board's digits).</summary>
    public const string Leds = "/leds";

    /// <summary>The same boards as JSON: what each shows, its segments, whether it answers (the page and tests read it).</summary>
    public const string LedsState = "/leds/state";

    public const string LiveEvents = "/live/events";

    public const string LiveState = "/live/state";

    public const string HealthLive = "/health/live";

    /// <summary>The site's logo as last read from the hub (the hall's title shows it); 404 without one.</summary>
    public const string SiteLogo = "/site-logo";
}
