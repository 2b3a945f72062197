using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ChargeConsole.Tests.Support;

/// <summary>The databases a test can run on: SQLite serialises writers and hides lost updates, PostgreSQL does not.</summary>
public enum Engine { Sqlite, Postgres }

/// <summary>
/// A throw-away PostgreSQL cluster for this test process, never a server left running: Debian's PostgreSQL binaries
/// (scripts/test.sh installs them when missing) initdb a cluster into a temporary folder and start it on a free
/// loopback port, as the <c>postgres</c> user when the tests run as root (PostgreSQL refuses root). Each test gets a
/// database of its own. The cluster is stopped and its folder removed when the process exits.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(() => Task.Run(Start));

    private readonly string _dir;
    private readonly string _bin;
    private readonly int _port;
    private int _databases;

    private PostgresServer(string dir, string bin, int port) => (_dir, _bin, _port) = (dir, bin, port);

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = "postgres", Database = database, Pooling = true, MaxPoolSize = 50 }.ToString();

    private static PostgresServer Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null) throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run bash scripts/test.sh, which installs it");
        RemoveStopped();
        var dir = Path.Combine(Path.GetTempPath(), $"cc-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", "postgres:postgres", dir);
        var port = FreePort();
        var data = Path.Combine(dir, "data");
        Run(asRoot, Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync");
        // fsync off: a test cluster need not survive a power cut, and it halves the time of every commit.
        Run(asRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(dir, "log"), "-w", "-o",
            $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300", "start");
        var server = new PostgresServer(dir, bin, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(asRoot, data);
        return server;
    }

    private void Stop(bool asRoot, string data)
    {
        try { Run(asRoot, Path.Combine(_bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop"); } catch (InvalidOperationException) { }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Clusters of earlier runs that are no longer running (no postmaster.pid): a test host may be ended before its
    /// exit handler has removed its folder, so each run also clears what the last one left.
    /// </summary>
    private static void RemoveStopped()
    {
        foreach (var old in Directory.GetDirectories(Path.GetTempPath(), "cc-pg-*"))
        {
            // Running, or so new that another test process may be starting it right now: left alone.
            if (File.Exists(Path.Combine(old, "data", "postmaster.pid")) || Directory.GetCreationTimeUtc(old) > DateTime.UtcNow.AddMinutes(-10)) continue;
            try { Directory.Delete(old, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static void Run(bool asPostgres, string program, params string[] args) =>
        Run(asPostgres ? "runuser" : program, asPostgres ? ["-u", "postgres", "--", program, .. args] : args);

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({p.ExitCode}): {error.Result}{output.Result}");
    }
}

/// <summary>For the tests whose point is concurrency: each runs on SQLite and on PostgreSQL.</summary>
public static class Engines
{
    public static TheoryData<Engine> Both => new(Engine.Sqlite, Engine.Postgres);
}
