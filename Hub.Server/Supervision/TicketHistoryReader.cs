using Microsoft.EntityFrameworkCore;
using QueueKiosk.Devices.Camera;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>
/// A ticket's story: its events in order, and for each visit to a counter (call -> finish, no-show,
/// transfer) the recording of that counter's camera as the MP4 segments covering the window.
/// </summary>
public sealed class TicketHistoryReader(HubDbContext db, CatalogueCache catalogueCache, TimeProvider time, CameraRegistry? cameras = null)
{
    private static readonly TicketEventKind[] VisitEnds =
        [TicketEventKind.Served, TicketEventKind.NoShow, TicketEventKind.Transferred, TicketEventKind.Cancelled, TicketEventKind.Expired, TicketEventKind.Called];

    /// <summary>Tickets of that local day whose number matches (case-insensitive), with their history.</summary>
    public async Task<IReadOnlyList<TicketHistoryDto>> FindAsync(Guid siteId, string number, DateOnly day, CancellationToken ct)
    {
        var wanted = number.Trim().ToUpperInvariant();
        var tickets = await db.Tickets.Where(t => t.SiteId == siteId && t.LocalDay == day && t.Number == wanted).ToListAsync(ct);
        var result = new List<TicketHistoryDto>(tickets.Count);
        foreach (var ticket in tickets.OrderBy(t => t.IssuedAt))
        {
            result.Add(await BuildAsync(ticket, ct));
        }

        return result;
    }

    public async Task<TicketHistoryDto?> GetAsync(Guid siteId, Guid ticketId, CancellationToken ct)
    {
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId && t.SiteId == siteId, ct);
        return ticket is null ? null : await BuildAsync(ticket, ct);
    }

    private async Task<TicketHistoryDto> BuildAsync(Ticket ticket, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var events = await db.TicketEvents.Where(e => e.TicketId == ticket.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
        var officerIds = events.Where(e => e.OfficerId != null).Select(e => e.OfficerId!.Value).Distinct().ToList();
        var officers = await db.Officers.Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, ct);
        var timeline = events.Select(e => new TicketTimelineEntryDto(
            e.Sequence, e.Kind, Utc(e.At),
            e.CounterId is { } c ? catalogue.Counters.GetValueOrDefault(c)?.Number : null,
            e.OfficerId is { } o ? officers.GetValueOrDefault(o) : null,
            e.Detail)).ToList();

        var clips = new List<RecordingClipDto>();
        for (var i = 0; i < events.Count; i++)
        {
            var call = events[i];
            if (call.Kind != TicketEventKind.Called || call.CounterId is not { } counterId || catalogue.Counters.GetValueOrDefault(counterId) is not { } counter)
            {
                continue;
            }

            var end = events.Skip(i + 1).FirstOrDefault(e => VisitEnds.Contains(e.Kind));
            var to = end?.At ?? time.GetUtcNow().UtcDateTime;
            clips.Add(Clip(counter, Utc(call.At), Utc(to), ongoing: end is null));
        }

        return new TicketHistoryDto(ticket.ToDto(catalogue), timeline, clips);
    }

    private RecordingClipDto Clip(CounterInfo counter, DateTimeOffset from, DateTimeOffset to, bool ongoing)
    {
        if (counter.CameraId is null)
        {
            return new RecordingClipDto(counter.Number, null, from, to, [], "Quầy chưa gắn camera");
        }

        var store = cameras?.Find(counter.CameraId)?.Recordings;
        if (store is null)
        {
            return new RecordingClipDto(counter.Number, counter.CameraId, from, to, [], "Camera của quầy không ghi hình trên máy chủ này");
        }

        // A window shorter than a second still shows the moment of the call.
        var windowEnd = to - from < TimeSpan.FromSeconds(1) ? from.AddSeconds(1) : to;
        var all = store.List();
        var parts = new List<RecordingPartDto>();
        for (var i = 0; i < all.Count; i++)
        {
            var s = all[i];
            if (!s.Overlaps(from, windowEnd))
            {
                continue;
            }

            var start = s.StartUtc > from ? s.StartUtc : from;
            var stop = s.EndUtc < windowEnd ? s.EndUtc : windowEnd;
            var url = $"{CameraEndpoints.DefaultPrefix}/{Uri.EscapeDataString(s.CameraId)}/recordings/{Uri.EscapeDataString(s.FileName)}";
            // The newest file is still being written by ffmpeg (its index comes at the end): not playable yet.
            var complete = i < all.Count - 1;
            parts.Add(new RecordingPartDto(s.FileName, url, s.StartUtc, s.EndUtc, Math.Max(0, (start - s.StartUtc).TotalSeconds), Math.Max(0, (stop - start).TotalSeconds), complete));
        }

        string? note = parts.Count switch
        {
            0 => "Không có đoạn ghi hình cho khoảng thời gian này (đã xóa theo thời hạn lưu hoặc camera không hoạt động) / no recording for this window",
            _ when parts.Any(p => !p.Complete) => "Đoạn cuối đang được ghi, xem được sau ít phút",
            _ when ongoing => "Số đang được phục vụ",
            _ => null,
        };
        return new RecordingClipDto(counter.Number, counter.CameraId, from, to, parts, note);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
