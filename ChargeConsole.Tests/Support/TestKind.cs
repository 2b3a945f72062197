namespace ChargeConsole.Tests.Support;

/// <summary>
/// The kind trait every test class carries, so a filter picks a loop: <c>--filter Kind=Fast</c> (Domain rules, codecs,
/// components, services on a throw-away SQLite file: no host, no browser) runs in about a minute; <c>Live</c> starts
/// the console in process with its pile port, or a whole console process; <c>Browser</c> drives Chromium against a live console.
/// </summary>
public static class TestKind
{
    public const string Name = "Kind";
    public const string Fast = "Fast";
    public const string Live = "Live";
    public const string Browser = "Browser";
}
