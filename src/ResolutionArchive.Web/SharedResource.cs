namespace ResolutionArchive.Web;

/// <summary>
/// The marker type of the interface's one shared resource (<c>Resources/SharedResource.*.resx</c>, docs/localization.md):
/// inject <c>IStringLocalizer&lt;SharedResource&gt;</c>. The keys are the Chinese interface strings themselves, so the
/// default culture (zh-Hans) needs no resource file.
/// </summary>
public sealed class SharedResource;
