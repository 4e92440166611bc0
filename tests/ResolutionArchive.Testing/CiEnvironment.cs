using Xunit;

namespace ResolutionArchive.Testing;

/// <summary>
/// The rule for what a test needs from the machine (a browser, a checker, the corpus): on a developer's machine a
/// missing one skips the test with the reason; under <c>CI=true</c> (.ci/run installs everything and has ../shared) it
/// fails, so that CI never passes without having run the test.
/// </summary>
public static class CiEnvironment
{
    /// <summary>True when the environment variable <c>CI</c> is <c>true</c> (any case).</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="missing"/> (why the test cannot run here, or null) as the rule says: null passes; a reason throws
    /// under CI (<paramref name="underCi"/>, by default <see cref="IsCi"/>) and is returned otherwise, for the caller to
    /// skip with.
    /// </summary>
    /// <exception cref="InvalidOperationException">Under CI, when something is missing.</exception>
    public static string? Missing(string? missing, bool? underCi = null)
    {
        if (missing is not null && (underCi ?? IsCi))
        {
            throw new InvalidOperationException($"CI=true but {missing}");
        }

        return missing;
    }

    /// <summary><see cref="Missing"/>, then skips the test with the reason (xunit.v3's dynamic skip) when something is missing.</summary>
    /// <exception cref="InvalidOperationException">Under CI, when something is missing.</exception>
    public static void SkipIfMissing(string? missing, bool? underCi = null) => SkipWith(Missing(missing, underCi));

    /// <summary>
    /// Skips the test with <paramref name="reason"/> when there is one (xunit.v3's <see cref="Assert.Skip"/>); for a
    /// reason a fixture has already put through <see cref="Missing"/>.
    /// </summary>
    public static void SkipWith(string? reason)
    {
        if (reason is not null)
        {
            Assert.Skip(reason);
        }
    }
}
