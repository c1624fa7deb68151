namespace QueueKiosk.Devices.Displays.Framed;

/// <summary>An LED counter board speaking <see cref="FramedLedProtocol"/> on a shared <see cref="LedBus"/>.</summary>
public sealed class FramedCounterBoard : ICounterBoard
{
    private readonly LedBus _bus;
    private readonly byte _address;
    private readonly int _retries;

    public FramedCounterBoard(LedBus bus, byte address, DisplayFormat format, string? name = null, int retries = 1)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(format);
        if (address is < FramedLedProtocol.MinAddress or > FramedLedProtocol.MaxAddress)
        {
            throw new ArgumentOutOfRangeException(nameof(address), address, $"address must be {FramedLedProtocol.MinAddress}..{FramedLedProtocol.MaxAddress}");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(retries);
        _bus = bus;
        _address = address;
        _retries = retries;
        Format = format;
        Name = name ?? $"khung STX địa chỉ {address}";
    }

    public string Name { get; }

    public DisplayFormat Format { get; }

    public Task ShowNumberAsync(int number, CancellationToken cancellationToken = default) =>
        ShowTextAsync(BoardText.FormatNumber(number, Format), cancellationToken);

    public Task ShowTextAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(FramedLedProtocol.BuildShow(_address, BoardText.FormatText(text, Format)), cancellationToken);

    public Task BlankAsync(CancellationToken cancellationToken = default) =>
        SendAsync(
            Format.Blank == BlankStyle.Dark
                ? FramedLedProtocol.BuildBlank(_address)
                : FramedLedProtocol.BuildShow(_address, BoardText.BlankText(Format)),
            cancellationToken);

    public Task SetBrightnessAsync(int level, CancellationToken cancellationToken = default) =>
        SendAsync(FramedLedProtocol.BuildBrightness(_address, level), cancellationToken);

    private Task SendAsync(byte[] frame, CancellationToken cancellationToken) =>
        LedExchange.WithRetriesAsync(
            _retries,
            async ct =>
            {
                var reply = await _bus.ExchangeAsync(frame, static _ => FramedLedProtocol.ReplyLength, Name, ct);
                FramedLedProtocol.CheckReply(_address, reply, Name);
            },
            cancellationToken);
}
