namespace ChargeConsole.Features.StoredValue;

public static class StoredValueRoutes
{
    public const string OrdersExport = "export/recharge-orders";
    public const string RefundsExport = "export/refunds";
    public const string PackagesExport = "export/recharge-packages";
    public const string WithdrawalsExport = "export/withdrawals";
}
