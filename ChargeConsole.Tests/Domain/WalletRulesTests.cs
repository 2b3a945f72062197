using ChargeConsole.Tests.Support;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;
using FsCheck;
using FsCheck.Xunit;

namespace ChargeConsole.Tests.Domain;

[Trait(TestKind.Name, TestKind.Fast)]
public class WalletRulesTests
{
    private static WalletBalance Wallet(decimal principal, decimal bonus, decimal frozen = 0) =>
        new(Money.FromYuan(principal), Money.FromYuan(bonus), 0, Money.FromYuan(frozen));

    [Fact]
    public void A_charge_spends_principal_first_then_bonus()
    {
        Assert.Equal(new Payment(Money.FromYuan(10), Money.FromYuan(2.5m)), WalletRules.Pay(Wallet(10, 5), Money.FromYuan(12.5m)));
        Assert.Equal(new Payment(Money.FromYuan(3), Money.Zero), WalletRules.Pay(Wallet(10, 5), Money.FromYuan(3)));
    }

    [Fact]
    public void Frozen_principal_is_not_spent_and_a_short_wallet_pays_nothing()
    {
        Assert.Equal(new Payment(Money.FromYuan(4), Money.FromYuan(5)), WalletRules.Pay(Wallet(10, 5, frozen: 6), Money.FromYuan(9)));
        Assert.Null(WalletRules.Pay(Wallet(10, 5, frozen: 6), Money.FromYuan(9.01m)));
    }

    [Property(MaxTest = 500)]
    public bool A_payment_is_exact_and_never_overdraws(NonNegativeInt principal, NonNegativeInt bonus, NonNegativeInt frozen, NonNegativeInt amount)
    {
        var w = new WalletBalance(Money.FromFen(principal.Get), Money.FromFen(bonus.Get), 0, Money.FromFen(frozen.Get % (principal.Get + 1)));
        var due = Money.FromFen(amount.Get % 1_000_000);
        var pay = WalletRules.Pay(w, due);
        if (pay is not { } p) return w.Spendable < due;
        return p.Total == due && p.FromPrincipal <= w.SpendablePrincipal && p.FromBonus <= w.Bonus
               && (p.FromBonus == Money.Zero || p.FromPrincipal == w.SpendablePrincipal); // bonus only once principal is gone
    }

    [Fact]
    public void Deductions_may_not_go_below_zero_or_touch_frozen_money()
    {
        Assert.Null(WalletRules.CheckDeduction(Wallet(10, 0), money: true, 1000, Money.Zero));
        Assert.Equal(new DeductionRefusal(DeductionRefusalKind.PrincipalShort, 500, Money.FromFen(4_00)), WalletRules.CheckDeduction(Wallet(10, 0, frozen: 6), money: true, 500, Money.Zero));
        Assert.Equal(new DeductionRefusal(DeductionRefusalKind.PointsShort, 1, Points: 0), WalletRules.CheckDeduction(Wallet(0, 0), money: false, 1, Money.Zero));
        Assert.Equal(DeductionRefusalKind.NotPositive, WalletRules.CheckDeduction(Wallet(10, 0), money: true, 0, Money.Zero)?.Kind);
    }

    [Fact]
    public void A_deduction_leaves_what_open_charging_orders_may_still_cost()
    {
        // 10.00 principal, 2.00 bonus; a running charge may still cost 8.12: the bonus covers 2.00 of it, so 3.88 may go.
        Assert.Null(WalletRules.CheckDeduction(Wallet(10, 2), money: true, 388, Money.FromFen(8_12)));
        Assert.Equal(new DeductionRefusal(DeductionRefusalKind.HeldByOpenOrders, 389, Money.FromFen(3_88), Money.FromFen(8_12)),
            WalletRules.CheckDeduction(Wallet(10, 2), money: true, 389, Money.FromFen(8_12)));
        // Points are not spent by a charge: they may go whatever runs.
        Assert.Null(WalletRules.CheckDeduction(new WalletBalance(Money.Zero, Money.Zero, 50, Money.Zero), money: false, 50, Money.FromFen(8_12)));
    }

    [Fact]
    public void Points_are_whole_yuan_paid_and_a_void_takes_back_no_more_than_is_left()
    {
        Assert.Equal(12, WalletRules.PointsFor(Money.FromYuan(12.99m), 1));
        Assert.Equal(0, WalletRules.PointsFor(Money.FromYuan(12.99m), 0));
        Assert.Equal(5, WalletRules.PointsToReverse(12, 5));
    }

    [Fact]
    public void Only_a_settled_order_can_be_voided_and_a_voided_order_goes_nowhere()
    {
        Assert.True(ChargingOrderLifecycle.CanMove(ChargingOrderStatus.Settled, ChargingOrderStatus.Voided));
        Assert.False(ChargingOrderLifecycle.CanMove(ChargingOrderStatus.Unpaid, ChargingOrderStatus.Voided));
        Assert.All(Enum.GetValues<ChargingOrderStatus>(), s => Assert.False(ChargingOrderLifecycle.CanMove(ChargingOrderStatus.Voided, s)));
        Assert.True(ChargingOrderLifecycle.CanMove(ChargingOrderStatus.Unpaid, ChargingOrderStatus.Settled));
        Assert.False(ChargingOrderLifecycle.CanMove(ChargingOrderStatus.Settled, ChargingOrderStatus.Unpaid));
    }
}
