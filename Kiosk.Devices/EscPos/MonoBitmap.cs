namespace QueueKiosk.Devices.EscPos;

/// <summary>The rows that hold ink and the columns from the left edge to the last inked column.</summary>
public readonly record struct InkBounds(int Left, int Top, int Right, int Bottom)
{
    public int Width => Right - Left + 1;
    public int Height => Bottom - Top + 1;
}

/// <summary>
/// A 1-bit image in the layout ESC/POS raster commands use: rows of <see cref="RowBytes"/> bytes,
/// most significant bit is the leftmost dot, 1 is black. Shared by the raster command, the ticket
/// renderer and the virtual printer so a bitmap travels through all three unchanged.
/// Bits past <see cref="Width"/> in the last byte of a row are always 0.
/// </summary>
public sealed class MonoBitmap : IEquatable<MonoBitmap>
{
    private readonly byte[] _data;

    public MonoBitmap(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        Width = width;
        Height = height;
        RowBytes = (width + 7) / 8;
        _data = new byte[RowBytes * height];
    }

    /// <summary>Wraps packed rows (e.g. the data of a GS v 0 command); bits past the width are cleared.</summary>
    public MonoBitmap(int width, int height, ReadOnlySpan<byte> packedRows)
        : this(width, height)
    {
        if (packedRows.Length != _data.Length)
        {
            throw new ArgumentException($"Expected {_data.Length} bytes for {width}x{height}, got {packedRows.Length}.", nameof(packedRows));
        }

        packedRows.CopyTo(_data);
        ClearPaddingBits();
    }

    public int Width { get; }

    public int Height { get; }

    public int RowBytes { get; }

    /// <summary>All rows, packed.</summary>
    public ReadOnlySpan<byte> Data => _data;

    public ReadOnlySpan<byte> Row(int y) => _data.AsSpan(y * RowBytes, RowBytes);

    public bool this[int x, int y]
    {
        get => (uint)x < (uint)Width && (uint)y < (uint)Height && (_data[(y * RowBytes) + (x >> 3)] & (0x80 >> (x & 7))) != 0;
        set
        {
            if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
            {
                return;
            }

            var index = (y * RowBytes) + (x >> 3);
            var mask = (byte)(0x80 >> (x & 7));
            _data[index] = value ? (byte)(_data[index] | mask) : (byte)(_data[index] & ~mask);
        }
    }

    public int CountInk()
    {
        var count = 0;
        foreach (var b in _data)
        {
            count += System.Numerics.BitOperations.PopCount(b);
        }

        return count;
    }

    /// <summary>The smallest rectangle holding every black dot, or null for a blank bitmap.</summary>
    public InkBounds? FindInk()
    {
        int top = -1, bottom = -1, left = int.MaxValue, right = -1;
        for (var y = 0; y < Height; y++)
        {
            var row = Row(y);
            var first = row.IndexOfAnyExcept((byte)0);
            if (first < 0)
            {
                continue;
            }

            if (top < 0)
            {
                top = y;
            }

            bottom = y;
            var last = row.LastIndexOfAnyExcept((byte)0);
            left = Math.Min(left, (first * 8) + System.Numerics.BitOperations.LeadingZeroCount((uint)row[first]) - 24);
            right = Math.Max(right, (last * 8) + 7 - System.Numerics.BitOperations.TrailingZeroCount(row[last]));
        }

        return top < 0 ? null : new InkBounds(left, top, right, bottom);
    }

    public MonoBitmap Crop(int x, int y, int width, int height)
    {
        var result = new MonoBitmap(width, height);
        for (var row = 0; row < height; row++)
        {
            for (var column = 0; column < width; column++)
            {
                if (this[x + column, y + row])
                {
                    result[column, row] = true;
                }
            }
        }

        return result;
    }

    /// <summary>ORs <paramref name="source"/> onto this bitmap with its top-left corner at (x, y); parts outside are dropped.</summary>
    public void Draw(MonoBitmap source, int x, int y)
    {
        for (var row = 0; row < source.Height; row++)
        {
            var targetY = y + row;
            if ((uint)targetY >= (uint)Height)
            {
                continue;
            }

            for (var column = 0; column < source.Width; column++)
            {
                if (source[column, row])
                {
                    this[x + column, targetY] = true;
                }
            }
        }
    }

    public void FillRectangle(int x, int y, int width, int height)
    {
        for (var row = y; row < y + height; row++)
        {
            for (var column = x; column < x + width; column++)
            {
                this[column, row] = true;
            }
        }
    }

    /// <summary>Nearest-neighbour enlargement, the way a printer enlarges characters with GS !.</summary>
    public MonoBitmap Scale(int factorX, int factorY)
    {
        if (factorX == 1 && factorY == 1)
        {
            return this;
        }

        var result = new MonoBitmap(Width * factorX, Height * factorY);
        for (var y = 0; y < result.Height; y++)
        {
            for (var x = 0; x < result.Width; x++)
            {
                if (this[x / factorX, y / factorY])
                {
                    result[x, y] = true;
                }
            }
        }

        return result;
    }

    public bool Equals(MonoBitmap? other) =>
        other is not null && other.Width == Width && other.Height == Height && other._data.AsSpan().SequenceEqual(_data);

    public override bool Equals(object? obj) => Equals(obj as MonoBitmap);

    public override int GetHashCode() => HashCode.Combine(Width, Height, _data.Length);

    public override string ToString() => $"MonoBitmap {Width}x{Height}";

    private void ClearPaddingBits()
    {
        var spare = (RowBytes * 8) - Width;
        if (spare == 0 || RowBytes == 0)
        {
            return;
        }

        var keep = (byte)(0xFF << spare);
        for (var y = 0; y < Height; y++)
        {
            _data[(y * RowBytes) + RowBytes - 1] &= keep;
        }
    }
}
