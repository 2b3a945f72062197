namespace ChargeConsole;

/// <summary>
/// The content root is the web project's folder when run from source (so <c>data/</c> and <c>wwwroot</c> are
/// found whatever the shell's working directory); otherwise the host decides (published app, test host).
/// </summary>
internal static class ContentRoot
{
    /// <summary>The web project's folder above the binaries, or null to keep the host's default.</summary>
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChargeConsole.csproj"))) return dir.FullName;
        }
        return null;
    }
}
