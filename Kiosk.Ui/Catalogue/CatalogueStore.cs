using System.Text.Json;
using Microsoft.Extensions.Options;
using QueueKiosk.KioskUi.Configuration;

namespace QueueKiosk.KioskUi.Catalogue;

/// <summary>
/// The catalogue the screens read: the last one fetched from the hub, kept in memory and in a
/// local JSON file so a kiosk restarted while the hub is down still answers every lookup.
/// </summary>
public sealed class CatalogueStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private readonly string _path;
    private readonly ILogger<CatalogueStore> _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile Snapshot? _snapshot;

    public CatalogueStore(IOptions<KioskOptions> options, IHostEnvironment environment, ILogger<CatalogueStore> logger)
        : this(Path.GetFullPath(options.Value.CataloguePath, environment.ContentRootPath), logger)
    {
    }

    public CatalogueStore(string path, ILogger<CatalogueStore> logger)
    {
        _path = path;
        _logger = logger;
        _snapshot = LoadFromDisk();
    }

    /// <summary>Null until a catalogue was fetched once or found on disk.</summary>
    public KioskCatalogue? Current => _snapshot?.Catalogue;

    /// <summary>True while the catalogue comes from the file, not from the hub in this run.</summary>
    public bool IsFromCache => _snapshot?.FromDisk ?? true;

    public ProcedureSearch Search => _snapshot?.Search ?? new ProcedureSearch([]);

    public async Task ReplaceAsync(KioskCatalogue catalogue, CancellationToken cancellationToken)
    {
        _snapshot = new Snapshot(catalogue, new ProcedureSearch(catalogue.Procedures), FromDisk: false);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            // Write then rename, so a power cut never leaves half a file behind.
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temp = _path + ".tmp";
            await using (var stream = File.Create(temp))
            {
                await JsonSerializer.SerializeAsync(stream, catalogue, Json, cancellationToken);
            }

            File.Move(temp, _path, overwrite: true);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private Snapshot? LoadFromDisk()
    {
        if (!File.Exists(_path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(_path);
            var catalogue = JsonSerializer.Deserialize<KioskCatalogue>(stream, Json);
            return catalogue is null ? null : new Snapshot(catalogue, new ProcedureSearch(catalogue.Procedures), FromDisk: true);
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            // A damaged cache must not stop the kiosk; the next fetch from the hub replaces it.
            _logger.LogWarning(e, "Catalogue cache {Path} unreadable; waiting for the hub", _path);
            return null;
        }
    }

    private sealed record Snapshot(KioskCatalogue Catalogue, ProcedureSearch Search, bool FromDisk);
}
