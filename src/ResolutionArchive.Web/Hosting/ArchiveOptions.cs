using System.Globalization;
using Microsoft.Extensions.Options;

namespace ResolutionArchive.Web.Hosting;

/// <summary>
/// Where the site's database is and how it is opened (docs/operations.md §1–§4), bound once from configuration and
/// validated before the site serves: <c>--db FILE</c> (key <c>db</c>), else <c>App_Data/archive.db</c> beside the app;
/// <c>--ReadOnly true</c> (key <c>ReadOnly</c>) for an instance that serves a copy it never writes; <c>--DbWaitSeconds N</c>
/// (key <c>DbWaitSeconds</c>) for how long the start waits for a database another process has locked; <c>--seeds-only</c>
/// (key <c>SeedsOnly</c>) and <c>--Corpus FILE.zip</c> for the background load of the UN corpus (docs/operations.md §8).
/// </summary>
internal sealed class ArchiveOptions
{
    /// <summary>The configuration key set by <c>--db FILE</c> on the command line.</summary>
    public const string DatabaseKey = "db";

    /// <summary>
    /// The configuration key of the read-only mode (<c>--ReadOnly true</c>, or the environment variable
    /// <c>ReadOnly=true</c>): the database is opened read-only, never created, migrated or seeded, and the site refuses to
    /// start when it is missing or its schema is out of date (each instance serves a read-only copy made by the CLI's
    /// <c>backup</c>).
    /// </summary>
    public const string ReadOnlyKey = "ReadOnly";

    /// <summary>
    /// The configuration key that skips the UN corpus (<c>--seeds-only</c>, or <c>SeedsOnly=true</c>): a new archive gets
    /// the five seed texts only, and the background load of the shipped corpus (<see cref="CorpusLoader"/>) does not run.
    /// The tests use it unless they need the corpus.
    /// </summary>
    public const string SeedsOnlyKey = "SeedsOnly";

    /// <summary>
    /// The configuration key of the corpus to load in the background: a zip of AKN4UN files. Unset, the corpus shipped in
    /// the assembly (<c>seeds/un-ga-75-77-akn4un-zh.zip</c>) is loaded.
    /// </summary>
    public const string CorpusKey = "Corpus";

    /// <summary>The configuration key of the start's wait for a locked database, in seconds (<see cref="DefaultWaitSeconds"/>).</summary>
    public const string WaitKey = "DbWaitSeconds";

    /// <summary>
    /// How long the start waits by default, in seconds, while another process holds a lock that stops it reading or
    /// writing the database (an exclusive lock, or a write while the empty archive needs seeding); then it refuses to start.
    /// </summary>
    public const int DefaultWaitSeconds = 10;

    /// <summary>The database file, absolute: the <c>db</c> setting (relative to the working folder), else <c>App_Data/archive.db</c> beside the app.</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>True in read-only mode (<see cref="ReadOnlyKey"/>).</summary>
    public bool ReadOnly { get; set; }

    /// <summary>The start's wait for a locked database, in whole seconds (<see cref="WaitKey"/>).</summary>
    public int WaitSeconds { get; set; } = DefaultWaitSeconds;

    /// <summary>True when the UN corpus is not loaded (<see cref="SeedsOnlyKey"/>).</summary>
    public bool SeedsOnly { get; set; }

    /// <summary>The zip to load instead of the shipped corpus (<see cref="CorpusKey"/>), absolute; null for the shipped one.</summary>
    public string? CorpusPath { get; set; }

    /// <summary>What could not be read from configuration, each in words; empty when all is well.</summary>
    public IReadOnlyList<string> Problems { get; set; } = [];

    /// <summary>
    /// The options in <paramref name="configuration"/>. A <c>ReadOnly</c> that is not <c>true</c> or <c>false</c>, and a
    /// <c>DbWaitSeconds</c> that is not a whole number of 0 or more, are problems (<see cref="Problems"/>): the site
    /// refuses to start rather than guess (a <c>ReadOnly=yes</c> read as false would write to a copy meant to be read-only).
    /// </summary>
    public static ArchiveOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var options = new ArchiveOptions
        {
            DatabasePath = configuration[DatabaseKey] is { Length: > 0 } path
                ? Path.GetFullPath(path)
                : Path.Combine(AppContext.BaseDirectory, "App_Data", "archive.db"),
        };
        if (configuration[ReadOnlyKey] is { } readOnly)
        {
            if (bool.TryParse(readOnly, out var value))
            {
                options.ReadOnly = value;
            }
            else
            {
                problems.Add($"the setting {ReadOnlyKey} is '{readOnly}', expected true or false");
            }
        }

        if (configuration[SeedsOnlyKey] is { } seedsOnly)
        {
            if (bool.TryParse(seedsOnly, out var value))
            {
                options.SeedsOnly = value;
            }
            else
            {
                problems.Add($"the setting {SeedsOnlyKey} is '{seedsOnly}', expected true or false");
            }
        }

        if (configuration[CorpusKey] is { Length: > 0 } corpus)
        {
            options.CorpusPath = Path.GetFullPath(corpus);
        }

        if (configuration[WaitKey] is { } wait)
        {
            if (int.TryParse(wait, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                options.WaitSeconds = seconds;
            }
            else
            {
                problems.Add($"the setting {WaitKey} is '{wait}', expected a whole number of seconds");
            }
        }

        options.Problems = problems;
        return options;
    }
}

/// <summary>Registers <see cref="ArchiveOptions"/>, bound from configuration and validated at start (<c>ValidateOnStart</c>).</summary>
internal static class ArchiveOptionsSetup
{
    /// <summary>Adds <see cref="ArchiveOptions"/> to <paramref name="services"/>.</summary>
    public static IServiceCollection AddArchiveOptions(this IServiceCollection services)
    {
        services.AddOptions<ArchiveOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                var read = ArchiveOptions.From(configuration);
                options.DatabasePath = read.DatabasePath;
                options.ReadOnly = read.ReadOnly;
                options.WaitSeconds = read.WaitSeconds;
                options.SeedsOnly = read.SeedsOnly;
                options.CorpusPath = read.CorpusPath;
                options.Problems = read.Problems;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ArchiveOptions>, ArchiveOptionsValidation>();
        return services;
    }

    private sealed class ArchiveOptionsValidation : IValidateOptions<ArchiveOptions>
    {
        public ValidateOptionsResult Validate(string? name, ArchiveOptions options) =>
            options.Problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Problems);
    }
}
