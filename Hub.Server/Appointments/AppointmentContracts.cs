using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Appointments;

// What the booking page, the administration page and the report exchange with the hub (docs/appointments.md).
// The kiosk's check-in contract is shared with Kiosk.Ui in Hub.Client (AppointmentCheckInRequest/Result).

/// <summary>One service's booking settings; Days are DayOfWeek numbers (0 = Sunday), SlotTimes "HH:mm".</summary>
public sealed record BookingSettingsDto(
    Guid ServiceId, bool Enabled, IReadOnlyList<int> Days, IReadOnlyList<string> SlotTimes, int SlotMinutes, int PlacesPerSlot,
    int CheckInBeforeMinutes, int CheckInAfterMinutes, int DaysAhead, bool RemoteTicketsAllowed, int RemoteDailyLimitPerPhone,
    AppointmentServingRule ServingRule);

public sealed record BookingProcedureDto(Guid Id, string Code, string Name);

public sealed record BookingServiceDto(Guid Id, string Code, string Name, string? NameEn, bool Bookable, bool RemoteTicketsAllowed,
    IReadOnlyList<BookingProcedureDto> Procedures);

public sealed record BookingSlotDto(string Time, int PlacesLeft);

public sealed record BookingDayDto(DateOnly Day, IReadOnlyList<BookingSlotDto> Slots);

public sealed record CreateBookingRequest(Guid ServiceId, Guid? ProcedureId, DateOnly Day, string Slot, string Name, string Phone,
    string? CitizenIdNumber = null);

/// <summary>The booking the citizen keeps: the code (typed or scanned at the kiosk) and its QR code as a data: URL.</summary>
public sealed record BookingConfirmationDto(string Code, string ServiceName, DateOnly Day, string Slot, string CheckInFrom, string CheckInUntil,
    string QrDataUrl);

public sealed record CancelBookingResult(string Code, string MessageVi, string MessageEn);

public sealed record RemoteTicketRequest(Guid ServiceId, string Phone);

/// <summary>A ticket taken from home: its number and the tracking page (relative path, and the absolute link when a public address is set).</summary>
public sealed record RemoteTicketResult(string Number, string ServiceName, string TrackPath, string? TrackingUrl, int PeopleAhead);

public sealed record AppointmentSlotRow(DateOnly Day, string Slot, string ServiceCode, int Booked, int CheckedIn, int Late, int NoShow, int Cancelled);

/// <summary>
/// The appointments report: per slot, and the rates over the window. CheckInRate and NoShowRate are
/// shares of the bookings that were not cancelled; the waits are minutes from issue to first call.
/// </summary>
public sealed record AppointmentReportDto(
    IReadOnlyList<AppointmentSlotRow> Slots, int Bookings, int CheckedIn, int NoShows, int Cancelled, double? CheckInRate, double? NoShowRate,
    int AppointmentTickets, double? AppointmentAverageWaitMinutes, int WalkInTickets, double? WalkInAverageWaitMinutes,
    int RemoteTickets, int RemoteNoShows);
