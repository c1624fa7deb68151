using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.Configuration;
using QueueKiosk.KioskUi.Localization;
using QueueKiosk.KioskUi.Status;

namespace QueueKiosk.KioskUi.Pages;

/// <summary>What every kiosk screen needs: the language, the texts, the catalogue and the state line.</summary>
public abstract class KioskPageModel(CatalogueStore store, KioskState state, IOptions<KioskOptions> options) : PageModel
{
    public string Language => KioskText.Normalize(Request.Cookies[KioskText.CookieName]);

    public KioskCatalogue? Catalogue => store.Current;

    public CatalogueStore Store => store;

    public KioskStateView State { get; } = state.Current();

    public KioskOptions Kiosk => options.Value;

    public string CentreName => Catalogue?.Site.Name ?? options.Value.Name;

    /// <summary>The logo's address with a version (so a new logo is not taken from the browser's cache), or null without one.</summary>
    public string? LogoSource => Catalogue?.Logo is { } logo ? $"{Api.KioskApi.LogoRoute}?v={logo.Version}" : null;

    /// <summary>Seconds without a touch before the screen returns home: the site's setting, the only source of it.</summary>
    public int IdleSeconds => Catalogue?.Site.KioskIdleSeconds ?? SiteDto.DefaultKioskIdleSeconds;

    /// <summary>The last seconds of <see cref="IdleSeconds"/>, during which a countdown asks whether the citizen is still there.</summary>
    public int IdleWarningSeconds => Math.Min(MaxIdleWarningSeconds, IdleSeconds);

    public const int MaxIdleWarningSeconds = 10;

    /// <summary>Shown on every screen but the welcome one.</summary>
    public virtual bool ShowBack => true;

    public string T(string key) => KioskText.Get(Language, key);

    public string T(string key, object? arg) => KioskText.Format(Language, key, arg);

    /// <summary>The one sentence for the current trouble, or null when all is well.</summary>
    public string? NoticeText => State.Notice switch
    {
        KioskNotice.None => null,
        KioskNotice.Closed when State.OpensAt is not null => T("notice.ClosedOpens", State.OpensAt),
        var notice => T("notice." + notice),
    };

    public string FieldName(Guid fieldId, string fallback) => FieldText(fieldId, fallback).Text;

    /// <summary>A field's name in the screen's language, saying whether it had to stay Vietnamese.</summary>
    public CatalogueText FieldText(Guid fieldId, string fallback) =>
        Catalogue?.FindField(fieldId) is { } field ? Catalogue.FieldText(field, Language) : CatalogueText.Pick(Language, fallback, null);

    public CatalogueText ProcedureText(ProcedureDto procedure) => KioskCatalogue.ProcedureText(procedure, Language);

    /// <summary>The lang attribute of a catalogue name: "vi" when it stayed Vietnamese, so a screen reader reads it as such.</summary>
    public string LangOf(CatalogueText text) => text.Translated ? Language : KioskText.Vietnamese;

    /// <summary>The class of a catalogue name: untranslated names are set apart (italics) and the list says why.</summary>
    public static string NameClass(CatalogueText text) => text.Translated ? "name" : "name untranslated";
}
