using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Api;

/// <summary>The <c>Sms</c> section of appsettings.json: how many codes may be sent, per client address and in all.</summary>
public sealed class SmsLimitOptions
{
    public int PerAddressPerMinute { get; set; } = 5;
    public int GlobalPerMinute { get; set; } = 60;
}

/// <summary>
/// Limits on sending sign-in codes: a few per client address per minute, and a ceiling for everyone together, so
/// nobody can run up the SMS bill by walking through phone numbers. The counts are in the database, so the limits
/// hold for the whole cluster, however the balancer spreads the requests. (The per-phone 60-second rule is
/// <see cref="OneTimeCodes"/>'.)
/// </summary>
public sealed class SmsRateLimits(IDbContextFactory<ChargeDbContext> dbFactory, IOptions<SmsLimitOptions> options, TimeProvider clock) : IEndpointFilter
{
    public const string Message = "发送验证码过于频繁，请稍后再试";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var limits = options.Value;
        var address = context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var ct = context.HttpContext.RequestAborted;
        if (!await TryTakeAsync($"sms:ip:{address}", limits.PerAddressPerMinute, ct) || !await TryTakeAsync("sms:all", limits.GlobalPerMinute, ct))
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Message, detail: Message);
        return await next(context);
    }

    /// <summary>Counts one more in this minute's window of <paramref name="key"/>; false when <paramref name="limit"/> were already counted.</summary>
    public async Task<bool> TryTakeAsync(string key, int limit, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var window = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc);
        limit = Math.Max(1, limit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            // One statement: two nodes counting at once cannot both take the last permit.
            if (await db.RateWindows.Where(w => w.Key == key && w.Window == window && w.Count < limit)
                    .ExecuteUpdateAsync(u => u.SetProperty(w => w.Count, w => w.Count + 1), ct) == 1) return true;
            if (await db.RateWindows.AnyAsync(w => w.Key == key && w.Window == window, ct)) return false;
            db.RateWindows.Add(new RateWindow { Key = key, Window = window, Count = 1 });
            try
            {
                await db.SaveChangesAsync(ct);
                // The first count of a minute clears windows that are over (bounded: a few minutes of addresses).
                var old = window.AddMinutes(-5);
                await db.RateWindows.Where(w => w.Window < old).ExecuteDeleteAsync(ct);
                return true;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another node opened the window first: count in it
            }
        }
        return false;
    }
}
