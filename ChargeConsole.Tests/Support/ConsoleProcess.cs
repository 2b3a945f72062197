using System.Diagnostics;

namespace ChargeConsole.Tests.Support;

/// <summary>The console as an operator starts it: its own process, with arguments and environment, read to its exit.</summary>
public static class ConsoleProcess
{
    public sealed record Exit(int Code, string[] ErrorLines, string Output);

    /// <summary>Runs the built console with a throw-away SQLite file and no ports of its own, until it exits (90 s at most).</summary>
    public static async Task<Exit> RunAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var database = Path.Combine(Path.GetTempPath(), $"cc-process-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChargeConsole.dll"));
        foreach (var a in new[] { "--urls", "http://127.0.0.1:0", "--Ykc:Port", "0", "--ConnectionStrings:Sqlite", $"Data Source={database}" }.Concat(args))
            start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }
            return new Exit(process.ExitCode, (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), await stdout);
        }
        finally
        {
            foreach (var f in new[] { database, database + "-wal", database + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        }
    }
}
