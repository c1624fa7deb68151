namespace QueueKiosk.Devices.Displays;

/// <summary>What a board shows when blanked.</summary>
public enum BlankStyle
{
    /// <summary>Every segment off.</summary>
    Dark,

    /// <summary>A dash in every digit ("----"): shows the board is alive but idle.</summary>
    Dashes,
}

/// <summary>How text is laid out on a board with a fixed number of digits.</summary>
/// <param name="Digits">Digits on the board (boards sold here have 3 or 4; 1 to 8 accepted).</param>
/// <param name="LeadingZeros">Pad numbers with zeros ("0015") rather than dark digits ("  15").</param>
/// <param name="Blank">What blanking shows.</param>
public sealed record DisplayFormat(int Digits = 4, bool LeadingZeros = true, BlankStyle Blank = BlankStyle.Dark)
{
    public const int MinDigits = 1;
    public const int MaxDigits = 8;
}
