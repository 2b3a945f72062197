using ChargeConsole.Tests.Support;
using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;

namespace ChargeConsole.Tests.Domain;

[Trait(TestKind.Name, TestKind.Fast)]
public class WithdrawalRulesTests
{
    [Fact]
    public void The_fee_is_the_rate_of_the_amount_to_the_fen()
    {
        Assert.Equal(Money.FromFen(1_50), WithdrawalRules.Fee(Money.FromFen(100_00), 1.5m));
        Assert.Equal(Money.Zero, WithdrawalRules.Fee(Money.FromFen(33), 1.5m)); // 0.495 fen: no fee
        Assert.Equal(Money.FromFen(1), WithdrawalRules.Fee(Money.FromFen(100), 0.5m)); // half a fen rounds away from zero
        Assert.Equal(Money.Zero, WithdrawalRules.Fee(Money.FromFen(100_00), 0m));
    }

    [Fact]
    public void The_payout_is_taken_from_the_newest_orders_first_within_what_each_may_refund()
    {
        var parts = WithdrawalRules.Allocate(Money.FromFen(250_00), [(9, Money.FromFen(100_00)), (7, Money.Zero), (5, Money.FromFen(200_00)), (2, Money.FromFen(500_00))]);
        Assert.Equal([(9, Money.FromFen(100_00)), (5, Money.FromFen(150_00))], parts);
        Assert.Null(WithdrawalRules.Allocate(Money.FromFen(250_00), [(9, Money.FromFen(100_00)), (5, Money.FromFen(149_99))]));
    }
}
