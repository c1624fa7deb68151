using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Common;

/// <summary>
/// Turns rule violations and unreadable bodies into ProblemDetails in the caller's language. When a
/// field is at fault it is named in "errors" (camelCase, like the JSON body) and in "field".
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var english = Messages.IsEnglish(httpContext);
        ProblemDetails details;
        switch (exception)
        {
            case DomainException d:
                details = Build(d.Status, d.Code, Messages.Get(d.Code, english, d.Args), d.Field, english);
                foreach (var (k, v) in d.Extensions)
                {
                    details.Extensions[k] = v;
                }

                break;
            case BadHttpRequestException bad:
                var field = FieldOf(bad);
                details = Build(400, "validation.body",
                    field is null ? Messages.Get("validation.body", english) : Messages.Get("validation.invalid", english, field),
                    field ?? "body", english);
                break;
            case System.Data.Common.DbException:
                // The database is down, restarting or out of reach: nothing was saved, trying again helps.
                logger.LogError(exception, "Database error on {Path}", httpContext.Request.Path);
                details = Build(503, "database.unavailable", Messages.Get("database.unavailable", english), null, english);
                break;
            default:
                logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
                details = Build(500, "error.unexpected", Messages.Get("error.unexpected", english), null, english);
                break;
        }

        httpContext.Response.StatusCode = details.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    public static ProblemDetails Build(int status, string code, string message, string? field, bool english)
    {
        var details = new ProblemDetails { Status = status, Title = field is null ? message : Messages.Get("validation.title", english), Detail = message };
        details.Extensions["code"] = code;
        if (field is not null)
        {
            details.Extensions["field"] = field;
            details.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
        }

        return details;
    }

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

/// <summary>Helpers for handlers: validation failures as DomainException so they share one path.</summary>
public static class Validate
{
    public static void Required(string? value, string field, int maxLength = 400)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException("validation.required", 400, field, field);
        }

        if (value.Length > maxLength)
        {
            throw new DomainException("validation.too_long", 400, field, field, maxLength);
        }
    }

    public static void Defined<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new DomainException("validation.invalid", 400, field, field);
        }
    }
}
