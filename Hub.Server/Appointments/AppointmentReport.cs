using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Appointments;

/// <summary>
/// The supervisor's appointments report (docs/appointments.md): bookings per slot with what became
/// of them, the check-in and no-show rates, and the wait (issue to first call) of appointment
/// tickets against walk-in tickets over the same days. A late check-in is a walk-in ticket.
/// </summary>
public static class AppointmentReport
{
    public static async Task<AppointmentReportDto> ReadAsync(HubDbContext db, CatalogueData catalogue, Guid siteId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.SiteId == siteId && b.Day >= from && b.Day <= to)
            .Select(b => new { b.Day, b.SlotStart, b.ServiceId, b.Status, b.LateCheckIn })
            .ToListAsync(ct);
        var slots = bookings
            .GroupBy(b => (b.Day, b.SlotStart, b.ServiceId))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.SlotStart).ThenBy(g => catalogue.Services.GetValueOrDefault(g.Key.ServiceId)?.Code, StringComparer.Ordinal)
            .Select(g => new AppointmentSlotRow(g.Key.Day, BookingRules.Time(g.Key.SlotStart), catalogue.Services.GetValueOrDefault(g.Key.ServiceId)?.Code ?? "",
                g.Count(b => b.Status != BookingStatus.Cancelled),
                g.Count(b => b.Status == BookingStatus.CheckedIn),
                g.Count(b => b.Status == BookingStatus.CheckedIn && b.LateCheckIn),
                g.Count(b => b.Status == BookingStatus.NoShow),
                g.Count(b => b.Status == BookingStatus.Cancelled)))
            .ToList();

        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.SiteId == siteId && t.LocalDay >= from && t.LocalDay <= to)
            .Select(t => new { t.Channel, t.Status, t.IssuedAt, t.CalledAt })
            .ToListAsync(ct);
        var appointmentWaits = tickets.Where(t => t.Channel == TicketChannel.Appointment && t.CalledAt is not null).Select(t => (t.CalledAt!.Value - t.IssuedAt).TotalMinutes).ToList();
        var walkIns = tickets.Where(t => t.Channel is TicketChannel.Kiosk or TicketChannel.Officer or TicketChannel.Api).ToList();
        var walkInWaits = walkIns.Where(t => t.CalledAt is not null).Select(t => (t.CalledAt!.Value - t.IssuedAt).TotalMinutes).ToList();

        var kept = bookings.Count(b => b.Status != BookingStatus.Cancelled);
        var checkedIn = bookings.Count(b => b.Status == BookingStatus.CheckedIn);
        var noShows = bookings.Count(b => b.Status == BookingStatus.NoShow);
        return new AppointmentReportDto(slots, kept, checkedIn, noShows, bookings.Count(b => b.Status == BookingStatus.Cancelled),
            Rate(checkedIn, kept), Rate(noShows, kept),
            tickets.Count(t => t.Channel == TicketChannel.Appointment), Average(appointmentWaits), walkIns.Count, Average(walkInWaits),
            tickets.Count(t => t.Channel == TicketChannel.Remote), tickets.Count(t => t.Channel == TicketChannel.Remote && t.Status == TicketStatus.NoShow));
    }

    /// <summary>UTF-8 with a BOM (Excel reads the Vietnamese headers right), comma separated: the per-slot rows, then the totals.</summary>
    public static byte[] ToCsv(AppointmentReportDto report)
    {
        var csv = new StringBuilder();
        csv.AppendLine("Ngày,Khung giờ,Dịch vụ,Đã đặt,Đã xác nhận,Xác nhận muộn,Vắng mặt,Đã hủy");
        foreach (var r in report.Slots)
        {
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{BookingRules.Day(r.Day)},{r.Slot},{r.ServiceCode},{r.Booked},{r.CheckedIn},{r.Late},{r.NoShow},{r.Cancelled}"));
        }

        csv.AppendLine();
        csv.AppendLine("Chỉ số,Giá trị");
        csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Lượt đặt lịch (không tính đã hủy),{report.Bookings}"));
        csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Tỷ lệ xác nhận (%),{Percent(report.CheckInRate)}"));
        csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Tỷ lệ vắng mặt (%),{Percent(report.NoShowRate)}"));
        csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Chờ trung bình - số theo lịch hẹn (phút),{Minutes(report.AppointmentAverageWaitMinutes)}"));
        csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Chờ trung bình - số thông thường (phút),{Minutes(report.WalkInAverageWaitMinutes)}"));
        csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Số lấy từ xa,{report.RemoteTickets}"));
        csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Số lấy từ xa vắng mặt,{report.RemoteNoShows}"));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static double? Average(List<double> values) => values.Count == 0 ? null : Math.Round(values.Average(), 1);

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) : "";

    private static string Minutes(double? minutes) => minutes?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
}
