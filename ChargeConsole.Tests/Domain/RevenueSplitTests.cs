using ChargeConsole.Tests.Support;
using ChargeConsole.Domain.Revenue;
using ChargeConsole.Domain.Values;
using FsCheck;
using FsCheck.Xunit;

namespace ChargeConsole.Tests.Domain;

[Trait(TestKind.Name, TestKind.Fast)]
public class RevenueSplitTests
{
    [Fact]
    public void Two_investors_and_the_platform_share_a_base_to_the_fen_largest_remainder_first()
    {
        // 10.01 yuan at 33.33 % / 33.33 %: exact 333.6333 fen each, platform 333.7334 → 333, 333, 333 and 2 fen left:
        // the platform's remainder (0.7334) and then the first investor's (0.6333) get one each.
        var parts = RevenueSplit.Split(Money.FromFen(10_01), [new("a", 33.33m), new("b", 33.33m)]);

        Assert.Equal([("a", 3_34L), ("b", 3_33L), (null, 3_34L)], parts.Select(p => (p.InvestorId, p.Amount.Fen)).ToArray());
        Assert.Equal(33.34m, parts[2].Percent);
    }

    [Fact]
    public void A_station_without_investors_is_all_the_platforms_and_a_zero_base_gives_zero_parts()
    {
        Assert.Equal([(null, 12_34L)], RevenueSplit.Split(Money.FromFen(12_34), []).Select(p => (p.InvestorId, p.Amount.Fen)).ToArray());
        Assert.All(RevenueSplit.Split(Money.Zero, [new("a", 60m)]), p => Assert.Equal(Money.Zero, p.Amount));
    }

    [Fact]
    public void The_base_is_the_service_fee_unless_the_station_splits_the_whole_amount()
    {
        Assert.Equal(Money.FromFen(6_17), RevenueSplit.BaseOf(SplitBasis.ServiceFee, Money.FromFen(6_17), Money.FromFen(18_52)));
        Assert.Equal(Money.FromFen(18_52), RevenueSplit.BaseOf(SplitBasis.WholeAmount, Money.FromFen(6_17), Money.FromFen(18_52)));
    }

    [Fact]
    public void Shares_over_100_percent_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RevenueSplit.Split(Money.FromFen(100), [new("a", 60m), new("b", 40.01m)]));
    }

    [Property(MaxTest = 1000)]
    public bool Parts_sum_to_the_base_none_is_negative_and_each_is_within_a_fen_of_its_exact_share(PositiveInt baseFen, byte n, int seed)
    {
        var random = new Random(seed);
        var count = n % 5;
        var shares = new List<InvestorShare>();
        var room = 10_000; // hundredths of a percent
        for (var i = 0; i < count && room > 0; i++)
        {
            var hundredths = random.Next(1, room + 1);
            room -= hundredths;
            shares.Add(new InvestorShare($"inv{i}", hundredths / 100m));
        }
        var @base = Money.FromFen(baseFen.Get);
        var parts = RevenueSplit.Split(@base, shares);
        return parts.Sum(p => p.Amount.Fen) == @base.Fen
            && parts.All(p => !p.Amount.IsNegative)
            && parts.All(p => Math.Abs(p.Amount.Fen - @base.Fen * p.Percent / 100m) < 1m);
    }

    [Property(MaxTest = 1000)]
    public bool A_voids_reversal_nets_every_party_to_zero(PositiveInt baseFen, byte n, int seed)
    {
        var random = new Random(seed);
        var shares = Enumerable.Range(0, n % 5).Select(i => new InvestorShare($"inv{i}", random.Next(0, 2_000) / 100m)).ToList();
        var parts = RevenueSplit.Split(Money.FromFen(baseFen.Get), shares);
        var book = parts.Concat(RevenueSplit.Reverse(parts)).ToList();
        return book.Sum(p => p.Amount.Fen) == 0
            && book.GroupBy(p => p.InvestorId).All(g => g.Sum(p => p.Amount.Fen) == 0)
            && RevenueSplit.Reverse(parts).All(p => p.Amount.Fen <= 0);
    }

    [Fact]
    public void A_reversal_is_each_part_negated_to_the_fen()
    {
        var reversed = RevenueSplit.Reverse(RevenueSplit.Split(Money.FromFen(10_01), [new("a", 33.33m), new("b", 33.33m)]));
        Assert.Equal([("a", -3_34L), ("b", -3_33L), (null, -3_34L)], reversed.Select(p => (p.InvestorId, p.Amount.Fen)).ToArray());
    }
}
