using System.Text;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Ratings;

/// <summary>
/// What a rating may say (docs/ratings.md): a level from 1 to 4, or "not rated" with nothing else;
/// reasons from the short list, each once; the citizen's words bounded and kept as given (NFC);
/// Circular 01 indices of 0, 1 or 2 points.
/// </summary>
public static class RatingRules
{
    /// <summary>The request as it will be stored, or a DomainException naming the field.</summary>
    public static CheckedRating Check(RatingRequest request)
    {
        var reasons = request.Reasons ?? [];
        if (request.NotRated)
        {
            if (request.Score is not null || reasons.Count > 0 || !string.IsNullOrEmpty(request.Reason) || request.Indices is not null)
            {
                throw new DomainException(Errors.NotRatedWithAnswers, "notRated");
            }

            return new CheckedRating(null, null, null, null);
        }

        if (request.Score is not (>= (int)SatisfactionLevel.Unhappy and <= (int)SatisfactionLevel.VerySatisfied))
        {
            throw new DomainException(Errors.ScoreRange, "score");
        }

        Validate.MaxLength(request.Reason, "reason", RatingLimits.MaxReasonLength);
        if (reasons.Count > RatingLimits.MaxReasons || reasons.Distinct(StringComparer.Ordinal).Count() != reasons.Count)
        {
            throw new DomainException(Errors.RatingTooManyReasons.With(RatingLimits.MaxReasons), "reasons");
        }

        foreach (var code in reasons)
        {
            if (code is null || !RatingReasons.Labels.ContainsKey(code))
            {
                throw new DomainException(Errors.RatingUnknownReason.With(SafeText.Clean(code, 40)), "reasons");
            }
        }

        if (request.Indices is { } indices)
        {
            Index(indices.Index1, "indices.index1");
            Index(indices.Index3, "indices.index3");
            Index(indices.Index4, "indices.index4");
            Index(indices.Index7, "indices.index7");
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Normalize(NormalizationForm.FormC);
        return new CheckedRating(request.Score, reason, reasons.Count == 0 ? null : string.Join(',', reasons), request.Indices);
    }

    public static bool IsLow(int? score) => score == (int)SatisfactionLevel.Unhappy;

    private static void Index(int? points, string field)
    {
        if (points is not null and not (>= 0 and <= Reports.Circular01Score.MaxIndexPoints))
        {
            throw new DomainException(Errors.RatingIndexRange.With(field), field);
        }
    }
}

/// <summary>A rating that passed <see cref="RatingRules.Check"/>: Score null means "not rated".</summary>
public sealed record CheckedRating(int? Score, string? Reason, string? Reasons, RatingIndicesDto? Indices);
