using ChargeConsole.Tests.Support;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;

namespace ChargeConsole.Tests.Domain;

/// <summary>Issue 21, item 2: the start rule, in Domain — what a start is refused for and the limit its pile is told.</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class StartRulesTests
{
    private static readonly Money Minimum = Money.FromFen(5_00);

    private static WalletBalance Wallet(long principalFen, long bonusFen, long frozenFen = 0) =>
        new(Money.FromFen(principalFen), Money.FromFen(bonusFen), 0, Money.FromFen(frozenFen));

    private static StartDecision Decide(WalletBalance wallet, int maxRunning = 1, string? unpaid = null, params OpenCharge[] open) =>
        StartRules.Decide(new StartFacts(unpaid, open, maxRunning, wallet, Minimum));

    [Fact]
    public void A_free_wallet_tells_the_pile_all_it_may_spend_frozen_money_excluded() =>
        Assert.Equal(new StartDecision(null, Money.FromFen(80_00)), Decide(Wallet(100_00, 10_00, frozenFen: 30_00)));

    [Fact]
    public void A_second_start_is_told_only_what_the_first_charge_leaves()
    {
        // 50.00 held; the running charge may still reach its 30.00 limit (12.34 so far): 20.00 is left.
        var running = new OpenCharge("CD1", ChargingOrderStatus.Charging, Money.FromFen(30_00), Money.FromFen(12_34));
        Assert.Equal(Money.FromFen(20_00), Decide(Wallet(50_00, 0), maxRunning: 2, open: running).Limit);
        // A priced, unsettled charge costs what it charges: 50.00 − 41.00 = 9.00.
        var priced = new OpenCharge("CD2", ChargingOrderStatus.PendingReview, Money.FromFen(30_00), Money.FromFen(41_00));
        Assert.Equal(Money.FromFen(9_00), Decide(Wallet(50_00, 0), open: priced).Limit);
    }

    [Fact]
    public void A_start_is_refused_while_an_order_is_unpaid_before_anything_else() =>
        Assert.Equal(new StartRefusalReason(StartRefusalKind.UnpaidOrder, "CD9"), Decide(Wallet(0, 0), unpaid: "CD9").Refusal);

    [Fact]
    public void A_user_at_the_running_allowance_is_refused_naming_the_charge_and_a_zero_allowance_means_one()
    {
        var running = new OpenCharge("CD1", ChargingOrderStatus.Starting, Money.FromFen(10_00), Money.Zero);
        Assert.Equal(new StartRefusalReason(StartRefusalKind.RunningAlready, "CD1"), Decide(Wallet(100_00, 0), maxRunning: 0, open: running).Refusal);
        Assert.True(Decide(Wallet(100_00, 0), maxRunning: 2, open: running).Allowed);
    }

    [Fact]
    public void A_start_that_would_be_told_less_than_the_minimum_is_refused_with_the_figures()
    {
        Assert.True(Decide(Wallet(5_00, 0)).Allowed); // exactly the minimum
        Assert.Equal(new StartRefusalReason(StartRefusalKind.BalanceTooLow, Spendable: Money.FromFen(4_99), Minimum: Minimum), Decide(Wallet(4_00, 99)).Refusal);
        var finished = new OpenCharge("CD1", ChargingOrderStatus.Finished, Money.FromFen(8_00), Money.FromFen(6_50));
        Assert.Equal(new StartRefusalReason(StartRefusalKind.BalanceTooLow, Spendable: Money.FromFen(12_00), Committed: Money.FromFen(8_00), Minimum: Minimum),
            Decide(Wallet(12_00, 0), maxRunning: 2, open: finished).Refusal);
    }
}
