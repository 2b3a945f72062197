using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ChargeConsole.Api;

/// <summary>Sends a text message to a phone. Production plugs in the operator's SMS provider here.</summary>
public interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken ct);
}

/// <summary>The development sender: writes the message to the log instead of sending it.</summary>
public sealed class LoggingSmsSender(ILogger<LoggingSmsSender> log) : ISmsSender
{
    public Task SendAsync(string phone, string text, CancellationToken ct)
    {
        log.LogInformation("SMS to {Phone}: {Text}", phone, text);
        return Task.CompletedTask;
    }
}

/// <summary>
/// One-time sign-in codes: 6 digits, valid 5 minutes, one per phone per 60 seconds, void after 5 wrong tries.
/// Kept in memory: a restart only means asking for a new code.
/// </summary>
public sealed class OneTimeCodes(TimeProvider clock)
{
    private sealed record Entry(string Code, DateTime SentAt, int WrongTries);

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(60);
    private const int MaxWrongTries = 5;
    private readonly ConcurrentDictionary<string, Entry> _codes = new();

    /// <summary>A new code for the phone, or the seconds to wait before another may be sent.</summary>
    public (string? Code, int WaitSeconds) Issue(string phone)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_codes.TryGetValue(phone, out var last) && now - last.SentAt < ResendAfter)
            return (null, (int)Math.Ceiling((ResendAfter - (now - last.SentAt)).TotalSeconds));
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("000000");
        _codes[phone] = new Entry(code, now, 0);
        return (code, 0);
    }

    /// <summary>Checks and consumes a code; null when it is right, otherwise why not.</summary>
    public string? Verify(string phone, string code)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!_codes.TryGetValue(phone, out var entry) || now - entry.SentAt > Lifetime) return "验证码已过期，请重新获取";
        if (entry.WrongTries >= MaxWrongTries) return "验证码错误次数过多，请重新获取";
        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(entry.Code), System.Text.Encoding.ASCII.GetBytes(code)))
        {
            _codes.TryUpdate(phone, entry with { WrongTries = entry.WrongTries + 1 }, entry);
            return "验证码错误";
        }
        _codes.TryRemove(phone, out _);
        return null;
    }

    /// <summary>For the demo's simulated users only: the code last issued to a phone.</summary>
    internal string? Peek(string phone) => _codes.TryGetValue(phone, out var e) ? e.Code : null;
}
