using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace QueueKiosk.Devices.Printing.Layout;

/// <summary>
/// Checks a <see cref="PrinterProfile"/> and names every bad setting by its configuration key,
/// in Vietnamese first and English second, e.g.
/// "Printer:FontPath: không tìm thấy tệp phông chữ '/x.ttf' (font file not found)".
/// </summary>
public static class PrinterProfileValidation
{
    public static IReadOnlyList<string> Validate(PrinterProfile profile, string sectionName = PrinterProfile.DefaultSectionName)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = new List<string>();
        void Add(string key, string message) => errors.Add($"{sectionName}:{key}: {message}");

        if (!Enum.IsDefined(profile.Mode))
        {
            Add(nameof(profile.Mode), $"chế độ in '{profile.Mode}' không hợp lệ; dùng raster, tcvn3, cp1258 hoặc ascii (unknown text mode)");
        }

        if (profile.PaperWidthMm is not (58 or 80))
        {
            Add(nameof(profile.PaperWidthMm), $"khổ giấy phải là 58 hoặc 80 mm, nhận được {profile.PaperWidthMm} (paper width must be 58 or 80)");
        }

        var preset = PrinterPresets.Find(profile.Preset);
        if (preset is null)
        {
            Add(nameof(profile.Preset), $"không có mẫu máy in '{profile.Preset}'; chọn một trong: {string.Join(", ", PrinterPresets.All.Select(p => p.Name))} (unknown preset)");
        }

        CheckTable(profile.Tcvn3LowerTable, nameof(profile.Tcvn3LowerTable), Add);
        CheckTable(profile.Tcvn3UpperTable, nameof(profile.Tcvn3UpperTable), Add);
        CheckTable(profile.Cp1258Table, nameof(profile.Cp1258Table), Add);

        if (preset is not null)
        {
            var tables = profile.ResolveCodeTables();
            if (profile.Mode == PrinterTextMode.Tcvn3 && tables.Tcvn3Lower is null)
            {
                Add(nameof(profile.Tcvn3LowerTable), $"mẫu '{preset.Name}' không có bảng mã TCVN-3; hãy đặt số bảng hoặc dùng Mode raster (no TCVN-3 table number)");
            }

            if (profile.Mode == PrinterTextMode.Tcvn3 && tables.Tcvn3Upper is null)
            {
                Add(nameof(profile.Tcvn3UpperTable), $"mẫu '{preset.Name}' không có bảng mã TCVN-3 chữ hoa; hãy đặt số bảng hoặc dùng Mode raster (no TCVN-3 capitals table number)");
            }

            if (profile.Mode == PrinterTextMode.Cp1258 && tables.Cp1258 is null)
            {
                Add(nameof(profile.Cp1258Table), $"mẫu '{preset.Name}' không có bảng mã CP1258; hãy đặt số bảng hoặc dùng Mode raster (no CP1258 table number)");
            }
        }

        // The font draws raster tickets and the virtual printer's text in every mode, so it must exist.
        if (string.IsNullOrWhiteSpace(profile.FontPath))
        {
            Add(nameof(profile.FontPath), "chưa đặt tệp phông chữ (font path is empty)");
        }
        else if (!File.Exists(profile.FontPath))
        {
            Add(nameof(profile.FontPath), $"không tìm thấy tệp phông chữ '{profile.FontPath}' (font file not found)");
        }

        if (!string.IsNullOrWhiteSpace(profile.BoldFontPath) && !File.Exists(profile.BoldFontPath))
        {
            Add(nameof(profile.BoldFontPath), $"không tìm thấy tệp phông chữ '{profile.BoldFontPath}' (font file not found)");
        }

        if (profile.MaxRasterRowsPerBand is < 8 or > 2400)
        {
            Add(nameof(profile.MaxRasterRowsPerBand), $"số dòng điểm mỗi lệnh ảnh phải từ 8 đến 2400, nhận được {profile.MaxRasterRowsPerBand} (rows per band out of range)");
        }

        if (profile.QrModuleSize is < 1 or > 16)
        {
            Add(nameof(profile.QrModuleSize), $"cỡ ô mã QR phải từ 1 đến 16, nhận được {profile.QrModuleSize} (QR module size out of range)");
        }

        if (!Enum.IsDefined(profile.QrErrorCorrection))
        {
            Add(nameof(profile.QrErrorCorrection), $"mức sửa lỗi QR '{profile.QrErrorCorrection}' không hợp lệ (unknown QR error level)");
        }

        if (!Enum.IsDefined(profile.CutMode))
        {
            Add(nameof(profile.CutMode), $"kiểu cắt giấy '{profile.CutMode}' không hợp lệ (unknown cut mode)");
        }

        if (profile.CutFeedDots is < 0 or > 255)
        {
            Add(nameof(profile.CutFeedDots), $"khoảng đẩy giấy trước khi cắt phải từ 0 đến 255 điểm, nhận được {profile.CutFeedDots} (cut feed out of range)");
        }

        return errors;
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every bad setting.</summary>
    public static void ThrowIfInvalid(PrinterProfile profile, string sectionName = PrinterProfile.DefaultSectionName)
    {
        var errors = Validate(profile, sectionName);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(sectionName, typeof(PrinterProfile), errors);
        }
    }

    /// <summary>Binds <see cref="PrinterProfile"/> to a configuration section and validates it on start.</summary>
    public static OptionsBuilder<PrinterProfile> AddPrinterProfile(this IServiceCollection services, string sectionName = PrinterProfile.DefaultSectionName)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IValidateOptions<PrinterProfile>>(new PrinterProfileValidator(sectionName));
        return services.AddOptions<PrinterProfile>()
            .BindConfiguration(sectionName)
            .ValidateOnStart();
    }

    private static void CheckTable(int? table, string key, Action<string, string> add)
    {
        if (table is < 0 or > 255)
        {
            add(key, $"số bảng mã phải từ 0 đến 255, nhận được {table} (code table out of range)");
        }
    }
}

/// <summary>Options validation hook so a bad printer profile stops start-up.</summary>
public sealed class PrinterProfileValidator(string sectionName) : IValidateOptions<PrinterProfile>
{
    public ValidateOptionsResult Validate(string? name, PrinterProfile options)
    {
        var errors = PrinterProfileValidation.Validate(options, sectionName);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
