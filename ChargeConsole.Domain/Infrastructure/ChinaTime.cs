namespace ChargeConsole.Domain.Infrastructure;

/// <summary>
/// China Standard Time (UTC+8, no daylight saving) for time-of-use periods, day boundaries and reports.
/// Times are stored as UTC; this converts at the edges.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime ToChina(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);

    public static DateTime ToUtc(DateTime chinaLocal) => DateTime.SpecifyKind(chinaLocal - Offset, DateTimeKind.Utc);

    /// <summary>An optional time (e.g. an open end of a publish window): no time stays no time.</summary>
    public static DateTime? ToChina(DateTime? utc) => utc is { } u ? ToChina(u) : null;

    public static DateTime? ToUtc(DateTime? chinaLocal) => chinaLocal is { } c ? ToUtc(c) : null;

    /// <summary>The UTC instant at which the China calendar day containing <paramref name="utc"/> starts.</summary>
    public static DateTime StartOfDayUtc(DateTime utc) => ToUtc(ToChina(utc).Date);

    public static DateTime Today(TimeProvider clock) => ToChina(clock.GetUtcNow().UtcDateTime).Date;

    public static string Format(DateTime? utc) => utc is null ? "" : ToChina(utc.Value).ToString("yyyy-MM-dd HH:mm:ss");
}
