using ChargeConsole.Domain.Revenue;

namespace ChargeConsole.Features.Stations;

public static class StationText
{
    public static string Open(bool isOpen) => isOpen ? "运营中" : "已停运";
    public static string Split(SplitBasis b) => b == SplitBasis.ServiceFee ? "按服务费分账" : "按订单总额分账";
}
