namespace QueueKiosk.Devices.EscPos.CodePages;

/// <summary>Writes Unicode text as the bytes one printer text mode understands, switching code tables as needed.</summary>
public interface IPrinterTextEncoder
{
    void Write(EscPosBuilder builder, string text);
}

/// <summary>
/// TCVN-3: lower case letters from the lower table, capitals with diacritics from the capitals
/// table. ASCII prints in either, so a switch happens only at the first letter that needs the other table.
/// </summary>
public sealed class Tcvn3TextEncoder(byte lowerTable, byte upperTable) : IPrinterTextEncoder
{
    public void Write(EscPosBuilder builder, string text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        var run = new List<byte>(text.Length);
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormC))
        {
            if (Tcvn3.Encode(c) is not { } encoded)
            {
                // Not in TCVN-3 (a stray combining mark, a dash, an ellipsis): its ASCII stand-in,
                // which prints the same in both tables; a mark alone disappears.
                foreach (var ascii in AsciiFold.Fold(c.ToString()))
                {
                    if (builder.CurrentCodeTable is null)
                    {
                        builder.SelectCodeTable(lowerTable);
                    }

                    run.Add((byte)ascii);
                }

                continue;
            }

            if (encoded.Table is { } table)
            {
                var needed = table == Tcvn3Table.Lower ? lowerTable : upperTable;
                if (builder.CurrentCodeTable != needed)
                {
                    builder.Append(run.ToArray());
                    run.Clear();
                    builder.SelectCodeTable(needed);
                }
            }
            else if (builder.CurrentCodeTable is null)
            {
                builder.SelectCodeTable(lowerTable);
            }

            run.Add(encoded.Value);
        }

        builder.Append(run.ToArray());
    }
}

/// <summary>CP1258 in one code table (tones as combining marks); what CP1258 lacks is folded (Cp1258.Encode).</summary>
public sealed class Cp1258TextEncoder(byte table) : IPrinterTextEncoder
{
    public void Write(EscPosBuilder builder, string text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.EnsureCodeTable(table).Append(Cp1258.Encode(text));
    }
}

/// <summary>Diacritics folded to ASCII; needs no table switch.</summary>
public sealed class AsciiTextEncoder : IPrinterTextEncoder
{
    public void Write(EscPosBuilder builder, string text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append(AsciiFold.Encode(text));
    }
}
