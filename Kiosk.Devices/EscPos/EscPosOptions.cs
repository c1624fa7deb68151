namespace QueueKiosk.Devices.EscPos;

/// <summary>ESC a n.</summary>
public enum Justification : byte
{
    Left = 0,
    Center = 1,
    Right = 2,
}

/// <summary>GS V variants used by tickets.</summary>
public enum CutMode
{
    Full,
    Partial,

    /// <summary>GS V 66 n: feed n dots (so the last line clears the cutter) then partial cut.</summary>
    FeedThenPartial,

    /// <summary>GS V 65 n: feed n dots then full cut.</summary>
    FeedThenFull,
}

/// <summary>QR error correction levels as GS ( k function 69 takes them (48..51).</summary>
public enum QrErrorCorrection : byte
{
    Low = 48,
    Medium = 49,
    Quartile = 50,
    High = 51,
}

/// <summary>QR models as GS ( k function 65 takes them.</summary>
public enum QrModel : byte
{
    Model1 = EscPosBytes.QrModel1,
    Model2 = EscPosBytes.QrModel2,
}

/// <summary>GS H n: where the barcode's human-readable text goes.</summary>
public enum BarcodeTextPosition : byte
{
    None = 0,
    Above = 1,
    Below = 2,
    AboveAndBelow = 3,
}

/// <summary>DLE EOT n: which real-time status byte to ask for.</summary>
public enum StatusRequest : byte
{
    Printer = 1,
    OfflineCause = 2,
    ErrorCause = 3,
    PaperSensor = 4,
}
