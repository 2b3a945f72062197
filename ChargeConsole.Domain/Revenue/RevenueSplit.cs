using ChargeConsole.Domain.Values;

namespace ChargeConsole.Domain.Revenue;

/// <summary>What a station's revenue split is taken from: the service fee (the default) or the whole amount.</summary>
public enum SplitBasis { ServiceFee = 0, WholeAmount = 1 }

/// <summary>One investor's share of a station, in percent with at most two decimals.</summary>
public sealed record InvestorShare(string InvestorId, decimal Percent);

/// <summary>One party's part of a split; a null investor is the platform.</summary>
public sealed record SplitPart(string? InvestorId, decimal Percent, Money Amount);

/// <summary>
/// SPEC "Revenue split": each investor gets their percent of the base, the platform the rest; every part is a
/// whole fen and the parts add up to the base exactly. The fen lost to rounding down go, one each, to the parts
/// with the largest remainders (ties: investors in the order given, then the platform).
/// </summary>
public static class RevenueSplit
{
    public static Money BaseOf(SplitBasis basis, Money serviceFee, Money total) => basis == SplitBasis.WholeAmount ? total : serviceFee;

    public static IReadOnlyList<SplitPart> Split(Money @base, IReadOnlyList<InvestorShare> shares)
    {
        if (@base.IsNegative) throw new ArgumentOutOfRangeException(nameof(@base), "A split base cannot be negative.");
        if (shares.Any(s => !InvestorShares.IsValidShare(s.Percent)) || !InvestorShares.SumWithinLimit(shares.Select(s => s.Percent)))
            throw new ArgumentException("Shares must be 0–100 % each and total at most 100 %.", nameof(shares));
        if (shares.Select(s => s.InvestorId).Distinct().Count() != shares.Count)
            throw new ArgumentException("An investor may appear once.", nameof(shares));

        var parties = shares.Select(s => (Id: (string?)s.InvestorId, s.Percent))
            .Append((Id: null, Percent: 100m - shares.Sum(s => s.Percent))).ToList();
        // Exact parts in hundredths of a fen (percent has two decimals): base × percent × 100 / 100 = base × percent.
        var exact = parties.Select(p => @base.Fen * p.Percent).ToList();
        var floors = exact.Select(e => (long)decimal.Floor(e / 100m)).ToArray();
        var left = @base.Fen - floors.Sum();
        foreach (var i in Enumerable.Range(0, parties.Count).OrderByDescending(i => exact[i] / 100m - floors[i]).ThenBy(i => i).Take((int)left))
            floors[i]++;
        return parties.Select((p, i) => new SplitPart(p.Id, p.Percent, Money.FromFen(floors[i]))).ToList();
    }

    /// <summary>What a void writes: each part of the order's split again, negated, so the order's parts net to zero.</summary>
    public static IReadOnlyList<SplitPart> Reverse(IReadOnlyList<SplitPart> parts) =>
        parts.Select(p => p with { Amount = -p.Amount }).ToList();
}
