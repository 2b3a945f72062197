using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
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
/// One-time sign-in codes: 6 digits, valid 5 minutes, one per phone per 60 seconds, void after 5 tries.
/// Kept in the database so every node of the console checks the same code; a code is removed when it is used,
/// and expired ones are removed whenever a new code is issued, so the table holds only live codes.
/// </summary>
public sealed class OneTimeCodes(IDbContextFactory<ChargeDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(60);
    private const int MaxWrongTries = 5;

    /// <summary>A new code for the phone, or the seconds to wait before another may be sent.</summary>
    public async Task<(string? Code, int WaitSeconds)> IssueAsync(string phone, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.SmsCodes.Where(c => c.SentAt < now - Lifetime).ExecuteDeleteAsync(ct);
        var last = await db.SmsCodes.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == phone, ct);
        if (last is not null && now - last.SentAt < ResendAfter)
            return (null, (int)Math.Ceiling((ResendAfter - (now - last.SentAt)).TotalSeconds));
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("000000");
        // Replaces the phone's older code only if nobody issued another meanwhile (a double tap on two nodes sends one).
        var replaced = last is null ? 0 : await db.SmsCodes.Where(c => c.Phone == phone && c.SentAt == last.SentAt)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Code, code).SetProperty(c => c.SentAt, now).SetProperty(c => c.WrongTries, 0), ct);
        if (last is not null && replaced == 0) return (null, (int)ResendAfter.TotalSeconds);
        if (last is null)
        {
            db.SmsCodes.Add(new SmsCode { Phone = phone, Code = code, SentAt = now });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (e.IsUniqueViolation()) { return (null, (int)ResendAfter.TotalSeconds); }
        }
        return (code, 0);
    }

    /// <summary>Checks and consumes a code; null when it is right, otherwise why not.</summary>
    public async Task<string?> VerifyAsync(string phone, string code, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.SmsCodes.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == phone, ct);
        if (entry is null || now - entry.SentAt > Lifetime) return "验证码已过期，请重新获取";
        // Every try is taken from the code's allowance in the database before the code is compared, so tries racing on
        // any number of nodes never add up to more than five.
        var reserved = await db.SmsCodes.Where(c => c.Phone == phone && c.SentAt == entry.SentAt && c.WrongTries < MaxWrongTries)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.WrongTries, c => c.WrongTries + 1), ct);
        if (reserved == 0) return "验证码错误次数过多，请重新获取";
        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(entry.Code), System.Text.Encoding.ASCII.GetBytes(code)))
            return "验证码错误";
        // Used once: of two sign-ins racing with the same code, only the one that deletes it gets in.
        var used = await db.SmsCodes.Where(c => c.Phone == phone && c.SentAt == entry.SentAt).ExecuteDeleteAsync(ct);
        return used == 1 ? null : "验证码已失效，请重新获取";
    }

    /// <summary>For the demo's simulated users and the tests only: the code last issued to a phone.</summary>
    internal async Task<string?> PeekAsync(string phone, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SmsCodes.Where(c => c.Phone == phone).Select(c => c.Code).FirstOrDefaultAsync(ct);
    }
}
