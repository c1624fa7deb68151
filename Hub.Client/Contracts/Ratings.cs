using System.Text.Json.Serialization;

namespace QueueKiosk.HubClient.Contracts;

// The citizen's rating at the counter (Decree 61/2018 Art. 29; docs/ratings.md). Add members at the end; never rename.

/// <summary>The four faces of the rating tablet; the number is what <see cref="RatingRequest.Score"/> carries.</summary>
public enum SatisfactionLevel
{
    /// <summary>Không hài lòng: a low rating, asks for reasons and raises an alert.</summary>
    Unhappy = 1,

    /// <summary>Bình thường.</summary>
    Neutral = 2,

    /// <summary>Hài lòng.</summary>
    Satisfied = 3,

    /// <summary>Rất hài lòng.</summary>
    VerySatisfied = 4,
}

/// <summary>
/// The Circular 01/2018/TT-VPCP indices (Art. 13) a device at the counter may collect, each 0, 1 or 2
/// points; null when not asked. 1: finished before the deadline (2), on time (1), late (0); 3: contacts
/// needed, none (2), one (1), more (0); 4: papers asked beyond the rules, none (2), some (0) or the
/// tablet's middle answer (1); 7: the officer's attitude.
/// </summary>
public sealed record RatingIndicesDto(int? Index1, int? Index3, int? Index4, int? Index7);

/// <summary>The short list of reasons the tablet offers on a low rating (codes are stored; labels are shown).</summary>
public static class RatingReasons
{
    public const string LongWait = "long-wait";
    public const string Attitude = "attitude";
    public const string Unclear = "unclear";
    public const string ExtraPapers = "extra-papers";
    public const string ComeAgain = "come-again";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [LongWait] = "Chờ lâu",
        [Attitude] = "Thái độ chưa tốt",
        [Unclear] = "Hướng dẫn chưa rõ",
        [ExtraPapers] = "Yêu cầu thêm giấy tờ",
        [ComeAgain] = "Phải đi lại nhiều lần",
    };
}

/// <summary>Bounds of a rating (one source for the hub's checks, the tablet page and the settings page).</summary>
public static class RatingLimits
{
    public const int MaxReasonLength = 400;
    public const int MaxReasons = 5;
    public const int DefaultTimeoutSeconds = 30;
    public const int MinTimeoutSeconds = 10;
    public const int MaxTimeoutSeconds = 300;
}

/// <summary>What a rating tablet needs at start (GET <see cref="HubRoutes.RatingTablet"/>, its own device key).</summary>
public sealed record RatingTabletDto(
    Guid DeviceId,
    string DeviceName,
    Guid SiteId,
    Guid CounterId,
    int CounterNumber,
    string CounterName,
    int TimeoutSeconds,
    bool IndicesEnabled,
    IReadOnlyDictionary<string, string> Reasons);

/// <summary>Ratings of one group item (an officer, a counter, a service or a day) in a report.</summary>
/// <param name="MeanPoints">Circular 01 points per rated ticket with indices, null when none was collected.</param>
/// <param name="GradePercent">The grade of <see cref="MeanPoints"/> by Circular01Score.</param>
public sealed record RatingRowDto(
    string Key,
    string Label,
    int VerySatisfied,
    int Satisfied,
    int Neutral,
    int Unhappy,
    int NotRated,
    int WithIndices,
    double? MeanPoints,
    double? GradePercent,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Circular01Band>))] Circular01Band? Band)
{
    public int Rated => VerySatisfied + Satisfied + Neutral + Unhappy;
}

/// <summary>Circular 01/2018 grading bands (docs/ratings.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Circular01Band>))]
public enum Circular01Band
{
    /// <summary>&lt; 3.5 points: under 70 %.</summary>
    Under70,

    /// <summary>3.5 to &lt; 5 points: 70 to &lt; 100 %.</summary>
    From70To100,

    /// <summary>&gt;= 5 points: 100 %.</summary>
    Full,
}

/// <summary>The ratings part of a report, per group.</summary>
public sealed record RatingReportDto(
    RatingRowDto Total,
    IReadOnlyList<RatingRowDto> ByOfficer,
    IReadOnlyList<RatingRowDto> ByCounter,
    IReadOnlyList<RatingRowDto> ByService,
    IReadOnlyList<RatingRowDto> ByDay);
