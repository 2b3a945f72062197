using ChargeConsole.Tests.Support;
using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;

namespace ChargeConsole.Tests.Domain;

[Trait(TestKind.Name, TestKind.Fast)]
public class RefundRulesTests
{
    private static WalletBalance Wallet(long principal, long frozen = 0, long bonus = 0) => new(Money.FromFen(principal), Money.FromFen(bonus), 0, Money.FromFen(frozen));

    [Fact]
    public void Refundable_is_paid_less_refunded_less_in_flight()
    {
        // 100 yuan paid, 30 refunded, 20 in flight (frozen): 50 left.
        Assert.Equal(Money.FromFen(50_00), RefundRules.Refundable(Money.FromFen(100_00), Money.FromFen(30_00), Money.FromFen(20_00), Wallet(500_00, frozen: 20_00), Money.Zero));
    }

    [Fact]
    public void Refundable_never_exceeds_the_principal_the_user_could_still_spend()
    {
        // The user charged 70 of the 100 yuan away and 5 are frozen for another refund: 25 yuan is all that can go back.
        Assert.Equal(Money.FromFen(25_00), RefundRules.Refundable(Money.FromFen(100_00), Money.Zero, Money.Zero, Wallet(30_00, frozen: 5_00), Money.Zero));
        Assert.Equal(Money.Zero, RefundRules.Refundable(Money.FromFen(100_00), Money.FromFen(100_00), Money.Zero, Wallet(30_00), Money.Zero));
    }

    [Fact]
    public void Refundable_leaves_what_open_charging_orders_may_still_cost()
    {
        // 100 yuan paid and held; a charge running with a 100-yuan limit: nothing may go back while it runs.
        Assert.Equal(Money.Zero, RefundRules.Refundable(Money.FromFen(100_00), Money.Zero, Money.Zero, Wallet(100_00), Money.FromFen(100_00)));
        // 100 principal and 20 bonus against a 90-yuan commitment: the bonus covers 20 of it, so 30 principal may go.
        Assert.Equal(Money.FromFen(30_00), RefundRules.Refundable(Money.FromFen(100_00), Money.Zero, Money.Zero, Wallet(100_00, bonus: 20_00), Money.FromFen(90_00)));
        // Committed beyond what is held (an unpaid order) leaves nothing, never a negative amount.
        Assert.Equal(Money.Zero, RefundRules.Refundable(Money.FromFen(100_00), Money.Zero, Money.Zero, Wallet(10_00), Money.FromFen(50_00)));
    }

    [Fact]
    public void Refunds_take_back_the_bonus_in_proportion_and_never_more_than_is_left()
    {
        // 100 yuan with 20.01 bonus; 30 yuan refunded: 6.003 → 6.00 taken back.
        Assert.Equal(Money.FromFen(6_00), RefundRules.BonusToReclaim(Money.FromFen(20_01), Money.FromFen(100_00), Money.FromFen(30_00), Money.Zero, Money.FromFen(50_00)));
        // Then 60 in all: 12.006 → 12.00 due, 6.00 already taken: 6.00 more.
        Assert.Equal(Money.FromFen(6_00), RefundRules.BonusToReclaim(Money.FromFen(20_01), Money.FromFen(100_00), Money.FromFen(60_00), Money.FromFen(6_00), Money.FromFen(50_00)));
        // All of it: 20.01 due, 12.00 taken, but only 3.00 bonus left in the wallet.
        Assert.Equal(Money.FromFen(3_00), RefundRules.BonusToReclaim(Money.FromFen(20_01), Money.FromFen(100_00), Money.FromFen(100_00), Money.FromFen(12_00), Money.FromFen(3_00)));
        Assert.Equal(Money.Zero, RefundRules.BonusToReclaim(Money.Zero, Money.FromFen(100_00), Money.FromFen(100_00), Money.Zero, Money.FromFen(3_00)));
    }
}
