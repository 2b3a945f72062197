namespace ChargeConsole.Domain.Values;

/// <summary>Investor share rules: each share is a percent in (0, 100] with at most 2 decimals; a station's shares sum to at most 100.</summary>
public static class InvestorShares
{
    public static bool IsValidShare(decimal percent) => percent > 0 && percent <= 100 && decimal.Round(percent, 2) == percent;

    public static bool SumWithinLimit(IEnumerable<decimal> percents) => percents.Sum() <= 100m;
}
