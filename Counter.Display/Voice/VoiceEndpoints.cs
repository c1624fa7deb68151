using Microsoft.AspNetCore.Http.HttpResults;
using QueueKiosk.Devices.Voice;

namespace QueueKiosk.CounterDisplay.Voice;

public static class VoiceEndpoints
{
    public const string DefaultPrefix = "/api/voice";

    /// <summary>
    /// Maps, under <paramref name="prefix"/> (needs the <see cref="AnnouncementStore"/> of <c>AddVoice</c>):
    /// <list type="bullet">
    /// <item>GET /announcements : the recent announcements, newest last (id, ticket, counter, text, status, duration)</item>
    /// <item>GET /announcements/{id}.wav : the WAV of one announcement, for an &lt;audio src&gt;</item>
    /// </list>
    /// Announcing (Enqueue) is left to the host, which knows who may call.
    /// </summary>
    public static RouteGroupBuilder MapVoiceEndpoints(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix)
    {
        var group = endpoints.MapGroup(prefix).WithTags("Voice");
        group.MapGet("/announcements", (AnnouncementStore store) => TypedResults.Ok(store.Recent()));
        group.MapGet("/announcements/{id}.wav", GetWav);
        return group;
    }

    /// <summary>The URL of one announcement's WAV, as mapped above; the hall page plays it.</summary>
    public static string WavPath(string id, string prefix = DefaultPrefix) => $"{prefix}/announcements/{Uri.EscapeDataString(id)}.wav";

    private static Results<FileContentHttpResult, ProblemHttpResult> GetWav(string id, AnnouncementStore store)
    {
        if (store.TryGetWav(id, out var wav))
        {
            return TypedResults.File(wav, "audio/wav", enableRangeProcessing: true);
        }

        var status = store.Find(id)?.Status;
        return status is AnnouncementStatus.Queued
            ? TypedResults.Problem($"Lời gọi {id} chưa sẵn sàng / announcement {id} is not ready yet", statusCode: StatusCodes.Status409Conflict)
            : TypedResults.Problem($"Không có lời gọi {id} / no announcement {id}", statusCode: StatusCodes.Status404NotFound);
    }
}
