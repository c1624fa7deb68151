using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace QueueKiosk.Devices.Voice.Http;

public static class VoiceEndpoints
{
    public const string DefaultPrefix = "/api/voice";

    /// <summary>
    /// Maps, under <paramref name="prefix"/> (needs <c>AddVoice</c>):
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
