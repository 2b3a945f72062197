namespace ChargeConsole.Features.Orders;

/// <summary>Settings under <c>Orders</c> in appsettings.json.</summary>
public sealed class OrdersOptions
{
    /// <summary>A user needs at least this spendable balance (yuan) to start a charge.</summary>
    public decimal MinimumBalanceYuan { get; set; } = 5m;

    /// <summary>Points earned per whole yuan paid for charging; 0 turns points off.</summary>
    public int PointsPerYuan { get; set; } = 1;

    /// <summary>An order still waiting for its pile's transaction record this long after it stopped is flagged.</summary>
    public int RecordOverdueMinutes { get; set; } = 30;

    /// <summary>Running orders one user may have at once (SPEC "Spending limit"): 1 unless the operator allows more.</summary>
    public int MaxRunningOrdersPerUser { get; set; } = 1;

    /// <summary>At settlement, use the user's best applicable coupon when they named none at start (SPEC "Coupon use").</summary>
    public bool AutoApplyBestCoupon { get; set; } = true;

    /// <summary>How often the overdue check runs.</summary>
    public int OverdueCheckSeconds { get; set; } = 60;
}
