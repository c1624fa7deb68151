namespace QueueKiosk.HubServer.Administration.Import;

/// <summary>A procedure as stored now, for the plan: its values and whether it was retired.</summary>
public sealed record ExistingProcedure(ProcedureValues Values, bool IsRetired);

/// <summary>A stored procedure the file changes: the columns (<see cref="CatalogueColumn.Key"/>) that
/// differ, and whether a retired procedure comes back because the file lists it again.</summary>
public sealed record ProcedureUpdate(string Code, ProcedureValues Before, ProcedureValues After, IReadOnlyList<string> ChangedColumns, bool Reinstated);

/// <summary>
/// What writing a preview would do, computed before anything is written: the procedures to create,
/// to update (by code, with before and after), those already as the file says, and those to retire
/// (stored, not retired, absent from the file: only when the administrator asked). A blocked plan
/// (the preview has errors) changes nothing; <see cref="Problems"/> says why.
/// </summary>
public sealed record CatalogueImportPlan(
    IReadOnlyList<ProcedureValues> Creates,
    IReadOnlyList<ProcedureUpdate> Updates,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<ProcedureValues> Retirements,
    IReadOnlyList<FieldToCreate> FieldsToCreate,
    IReadOnlyList<ImportProblem> Problems)
{
    public bool IsBlocked => Problems.Count > 0;

    public bool ChangesAnything => Creates.Count + Updates.Count + Retirements.Count + FieldsToCreate.Count > 0;
}

/// <summary>Computes a <see cref="CatalogueImportPlan"/> from a preview and the stored procedures. Codes
/// match ignoring case, as duplicates in the file are found.</summary>
public static class CatalogueImportPlanner
{
    public static CatalogueImportPlan Plan(CatalogueImportPreview preview, IEnumerable<ExistingProcedure> existing, bool retireMissing)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(existing);
        if (!preview.CanImport)
        {
            var errors = preview.AllProblems.Where(p => p.Severity == ImportSeverity.Error).ToList();
            if (errors.Count == 0)
                errors.Add(ImportProblems.FileEmpty(preview.FileName));
            return new CatalogueImportPlan([], [], [], [], [], errors);
        }

        var stored = new Dictionary<string, ExistingProcedure>(StringComparer.OrdinalIgnoreCase);
        foreach (var procedure in existing)
            stored.TryAdd(procedure.Values.Code, procedure);

        var creates = new List<ProcedureValues>();
        var updates = new List<ProcedureUpdate>();
        var unchanged = new List<string>();
        var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in preview.Rows)
        {
            var after = row.Values;
            listed.Add(after.Code);
            if (!stored.TryGetValue(after.Code, out var current))
            {
                creates.Add(after);
                continue;
            }

            // The stored code keeps its spelling: the code is the key, not a value the file changes.
            after = after with { Code = current.Values.Code };
            var changed = CatalogueColumns.All
                .Where(c => !string.Equals(c.Read(current.Values), c.Read(after), StringComparison.Ordinal))
                .Select(c => c.Key)
                .ToList();
            if (changed.Count == 0 && !current.IsRetired)
                unchanged.Add(current.Values.Code);
            else
                updates.Add(new ProcedureUpdate(current.Values.Code, current.Values, after, changed, current.IsRetired));
        }

        var retirements = retireMissing
            ? stored.Values.Where(p => !p.IsRetired && !listed.Contains(p.Values.Code)).Select(p => p.Values).ToList()
            : [];
        return new CatalogueImportPlan(creates, updates, unchanged, retirements, preview.FieldsToCreate, []);
    }
}
