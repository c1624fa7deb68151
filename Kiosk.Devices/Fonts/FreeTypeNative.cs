using System.Runtime.InteropServices;

namespace QueueKiosk.Devices.Fonts;

/// <summary>
/// The few FreeType 2 entry points we need (libfreetype.so.6 from Debian's libfreetype6), and the
/// byte offsets of the struct fields we read. Offsets are for LP64 Linux (x86_64 and aarch64),
/// where FT_Long and FT_Pos are 8 bytes; a test checks them against DejaVu Sans's known values.
/// </summary>
internal static partial class FreeTypeNative
{
    private const string Library = "libfreetype.so.6";

    public const int LoadRender = 1 << 2;
    public const int LoadNoBitmap = 1 << 3;
    public const byte PixelModeMono = 1;
    public const byte PixelModeGray = 2;

    // FT_FaceRec
    public const int FaceFamilyName = 40;
    public const int FaceUnitsPerEm = 136;
    public const int FaceGlyph = 152;
    public const int FaceSize = 160;

    // FT_SizeRec: metrics (FT_Size_Metrics) start at 24.
    public const int SizeAscender = 48;
    public const int SizeDescender = 56;

    // FT_GlyphSlotRec
    public const int SlotAdvanceX = 128;
    public const int SlotBitmapRows = 152;
    public const int SlotBitmapWidth = 156;
    public const int SlotBitmapPitch = 160;
    public const int SlotBitmapBuffer = 168;
    public const int SlotBitmapPixelMode = 178;
    public const int SlotBitmapLeft = 192;
    public const int SlotBitmapTop = 196;

    [LibraryImport(Library, EntryPoint = "FT_Init_FreeType")]
    public static partial int InitFreeType(out IntPtr library);

    [LibraryImport(Library, EntryPoint = "FT_Done_FreeType")]
    public static partial int DoneFreeType(IntPtr library);

    [LibraryImport(Library, EntryPoint = "FT_New_Face", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int NewFace(IntPtr library, string path, nint faceIndex, out IntPtr face);

    [LibraryImport(Library, EntryPoint = "FT_Done_Face")]
    public static partial int DoneFace(IntPtr face);

    [LibraryImport(Library, EntryPoint = "FT_Set_Pixel_Sizes")]
    public static partial int SetPixelSizes(IntPtr face, uint width, uint height);

    [LibraryImport(Library, EntryPoint = "FT_Load_Char")]
    public static partial int LoadChar(IntPtr face, nuint charCode, int loadFlags);

    [LibraryImport(Library, EntryPoint = "FT_Get_Char_Index")]
    public static partial uint GetCharIndex(IntPtr face, nuint charCode);
}
