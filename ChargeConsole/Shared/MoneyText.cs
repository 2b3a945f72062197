using System.Globalization;
using ChargeConsole.Domain.Values;

namespace ChargeConsole.Shared;

/// <summary>How money reads on screen: ¥ and thousands separators (¥87,525.72). Exports keep plain numbers for Excel.</summary>
public static class MoneyText
{
    public static string Yuan(Money m) => (m.IsNegative ? "-¥" : "¥") + Math.Abs(m.Yuan).ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Yuan(Money? m) => m is { } v ? Yuan(v) : "—";

    /// <summary>A signed movement: +¥12.34 / -¥5.00.</summary>
    public static string Signed(Money m) => m.IsNegative ? Yuan(m) : "+" + Yuan(m);
}
