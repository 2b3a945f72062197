using ChargeConsole.Domain.Infrastructure;

namespace ChargeConsole.Shared;

/// <summary>
/// The calendars mark the China date as today. MudBlazor marks the server's own date (UTC here, so before 08:00 China
/// time it circles yesterday); app.css hides its mark and draws this one instead.
/// </summary>
public static class ChinaToday
{
    public const string CssClass = "cc-china-today";

    public static DateTime Date(TimeProvider clock) => ChinaTime.ToChina(clock.GetUtcNow().UtcDateTime).Date;

    /// <summary>For a picker's AdditionalDateClassesFunc.</summary>
    public static Func<DateTime, string> Classes(TimeProvider clock)
    {
        var today = Date(clock);
        return day => day.Date == today ? CssClass : "";
    }
}
