using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Common;

/// <summary>
/// Turns rule violations and unreadable bodies into ProblemDetails in the caller's language: the
/// HTTP status from the error's kind, "code" the catalogue code, "detail" the text. When a field is
/// at fault it is named in "errors" (camelCase, like the JSON body) and in "field".
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var english = RequestLanguage.IsEnglish(httpContext);
        ProblemDetails details;
        switch (exception)
        {
            case DomainException d:
                details = Build(d.Error, d.Field, english);
                foreach (var (k, v) in d.Extensions)
                {
                    details.Extensions[k] = v;
                }

                break;
            case BadHttpRequestException bad:
                var field = FieldOf(bad);
                details = field is null ? Build(Errors.BadBody, "body", english) : Build(Errors.Invalid.With(field), field, english);
                details.Extensions["code"] = Errors.BadBody.Code;
                break;
            case System.Data.Common.DbException:
                // The database is down, restarting or out of reach: nothing was saved, trying again helps.
                logger.LogError(exception, "Database error on {Path}", httpContext.Request.Path);
                details = Build(Errors.DatabaseUnavailable, null, english);
                break;
            default:
                logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
                details = Build(Errors.Unexpected, null, english);
                break;
        }

        httpContext.Response.StatusCode = details.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    /// <summary>The ProblemDetails of a catalogue error, for handlers that answer one without throwing.</summary>
    public static ProblemDetails Build(ErrorMessage error, string? field, bool english)
    {
        var message = error.Text(english);
        var details = new ProblemDetails
        {
            Status = StatusOf(error.Entry.Kind),
            Title = field is null ? message : Errors.FieldsTitle.Text(english, []),
            Detail = message,
        };
        details.Extensions["code"] = error.Entry.Code;
        if (field is not null)
        {
            details.Extensions["field"] = field;
            details.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
        }

        return details;
    }

    /// <summary>The HTTP status of each kind of error: the only place the domain's refusals meet HTTP.</summary>
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Locked => StatusCodes.Status423Locked,
        ErrorKind.Throttled => StatusCodes.Status429TooManyRequests,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The JSON path of the bad member ("$.priority" -> "priority"), or the missing parameter.</summary>
    private static string? FieldOf(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException { Path: { Length: > 2 } path })
        {
            var name = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
            return name.Length > 0 ? char.ToLowerInvariant(name[0]) + name[1..] : null;
        }

        return bad.InnerException is JsonException ? "body" : null;
    }
}
