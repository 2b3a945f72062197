using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using ChargeConsole.Devices.Simulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChargeConsole.Tests.Support;

/// <summary>
/// The whole app on real Kestrel sockets (web and YKC ports on loopback), with the demo data seeded but no
/// simulated fleet: each test connects the piles it needs. Heartbeats are fast (1 s) but a pile is dropped only after
/// 10 s of silence, so a loaded 2-core CI machine does not drop piles that are merely slow.
/// </summary>
public sealed class LiveWebApp : AppFactory
{
    public int YkcPort { get; } = FreePort();
    public ErrorLog Errors { get; } = new();

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;

    private LiveWebApp(IReadOnlyDictionary<string, string>? settings, Action<IServiceCollection>? services) =>
        (_settings, _services) = (settings ?? new Dictionary<string, string>(), services);

    /// <summary>
    /// Starts the app; <paramref name="settings"/> override the test defaults (e.g. <c>Ykc:MaxConnections</c>), and
    /// <paramref name="services"/> replaces services after the app's own (e.g. its clock).
    /// </summary>
    public static LiveWebApp Start(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var app = new LiveWebApp(settings, services);
        app.UseKestrel();
        app.StartServer();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Ykc:Port", YkcPort.ToString());
        builder.UseSetting("Ykc:Address", "127.0.0.1");
        builder.UseSetting("Ykc:HeartbeatSeconds", "1");
        builder.UseSetting("Ykc:MissedHeartbeats", "10");
        builder.UseSetting("Ykc:GarbageTimeoutSeconds", "10");
        builder.UseSetting("Ykc:CommandTimeoutSeconds", "3");
        builder.UseSetting("BillingSync:RetrySeconds", "1");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.AddProvider(Errors));
        if (_services is { } replace) builder.ConfigureTestServices(replace);
    }

    /// <summary>
    /// A simulated pile with fast timers, started; the caller disposes it. <paramref name="powerKw"/> makes it a more
    /// powerful pile than the demo's 120 kW so a test need not wait for energy — registered at that power too, so its
    /// records stay as plausible to the console as a real pile's (energy within rated power × the real duration).
    /// </summary>
    public SimulatedPile Pile(string code, int guns = 2, byte type = 0, decimal? powerKw = null, bool ignoreBalance = false, TimeSpan? unplugAfter = null, int? port = null)
    {
        if (powerKw is { } kw)
        {
            using var db = Context();
            db.Piles.Where(p => p.Code == code).ExecuteUpdate(u => u.SetProperty(p => p.PowerKw, kw));
        }
        var pile = new SimulatedPile(new SimulatedPileOptions
        {
            PileCode = code, GunCount = guns, PileType = type, PowerKw = powerKw ?? (type == 1 ? 7m : 120m), IgnoreBalance = ignoreBalance, UnplugAfterCharge = unplugAfter,
            ChargingReportInterval = TimeSpan.FromMilliseconds(400),
            HeartbeatInterval = TimeSpan.FromMilliseconds(500), ReconnectDelay = TimeSpan.FromMilliseconds(300),
            LoginRetryInterval = TimeSpan.FromSeconds(1), RecordResendInterval = TimeSpan.FromSeconds(2),
        }, "127.0.0.1", port ?? YkcPort);
        pile.Start();
        return pile;
    }

    /// <summary>A client of the real HTTP listener (not the in-memory test server).</summary>
    public HttpClient Http()
    {
        var address = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First(a => a.StartsWith("http://"));
        return new HttpClient { BaseAddress = new Uri(address) };
    }

    /// <summary>A mini-program client signed in as <paramref name="phone"/> (the SMS code is read where the development sender leaves it).</summary>
    public async Task<HttpClient> AppUserAsync(string phone)
    {
        var http = Http();
        (await http.PostAsJsonAsync("/api/app/v1/auth/sms-code", new { phone })).EnsureSuccessStatusCode();
        var code = await Get<ChargeConsole.Api.OneTimeCodes>().PeekAsync(phone);
        var token = await http.PostAsJsonAsync("/api/app/v1/auth/token", new { phone, code });
        token.EnsureSuccessStatusCode();
        var body = await token.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        return http;
    }

    /// <summary>Waits until the pile's login is in the database: online, its guns no longer Offline (what a start checks).</summary>
    public Task PileReadyAsync(SimulatedPile pile) => Eventually(async () =>
    {
        if (pile.Model is null) return false;
        await using var db = Context();
        return await db.Guns.Where(g => g.Pile.Code == pile.PileCode).AllAsync(g => g.Status != ChargeConsole.Data.Entities.GunStatus.Offline);
    }, $"{pile.PileCode} online with its billing model and its guns available");

    /// <summary>Waits until every pile state change queued so far is in the database (the writer applies them in order).</summary>
    public async Task FlushPileWritesAsync()
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Get<ChargeConsole.Features.Piles.PileStateWriter>().Enqueue($"test-flush:{Guid.NewGuid()}",
            new ChargeConsole.Features.Piles.PileStateWriter.Change((_, _) => Task.CompletedTask, () => flushed.TrySetResult()));
        await flushed.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Polls until <paramref name="condition"/> holds, failing after <paramref name="seconds"/> (generous: a loaded 2-core CI machine is slow, a passing run is not); <paramref name="describe"/> says what was there instead, for the failure message.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what, double seconds = 30, Func<Task<string>>? describe = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail($"Timed out waiting for: {what}{(describe is null ? "" : " — " + await describe())}");
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>Collects Error/Critical log entries, so a test can assert that nothing escaped unhandled; warnings apart, for tests that expect one.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    public List<string> Entries { get; } = [];
    public List<string> Warnings { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(ErrorLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var list = logLevel >= LogLevel.Error ? owner.Entries : owner.Warnings;
            lock (list) list.Add($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
