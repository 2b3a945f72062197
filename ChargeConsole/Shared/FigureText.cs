using ChargeConsole.Domain.Values;

namespace ChargeConsole.Shared;

/// <summary>How summed figures read on the home pages and reports: fen as ¥1,234.56, kWh×10⁴ as 1,234.56.</summary>
public static class FigureText
{
    public static string Yuan(long fen) => MoneyText.Yuan(Money.FromFen(fen));

    public static string Kwh(long units) => (units / 10_000m).ToString("#,##0.00");

    /// <summary>How far <paramref name="now"/> is from <paramref name="before"/>, to 0.1 %: 「+12.5%」, 「-3.0%」; 「—」 with nothing to compare to.</summary>
    public static string Change(long now, long before) =>
        before == 0 ? "—" : ((now - before) * 100m / before).ToString("+0.0'%';-0.0'%';0.0'%'", System.Globalization.CultureInfo.InvariantCulture);
}
