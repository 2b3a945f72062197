using ChargeConsole.Data.Entities;

namespace ChargeConsole.Features.Piles;

public static class PileText
{
    public const int MaxGuns = 8;
    public const int MaxBatch = 1000;

    public static string Type(PileType t) => t == PileType.DC ? "直流" : "交流";
    public static string Protocol(PileProtocol p) => p switch
    {
        PileProtocol.Ykc16 => "YKC 1.6",
        PileProtocol.Ocpp16J => "OCPP 1.6J",
        _ => "YKC 1.5",
    };
    public static string Online(bool online) => online ? "在线" : "离线";

    public static string Status(GunStatus s) => s switch
    {
        GunStatus.Offline => "离线",
        GunStatus.Idle => "空闲",
        GunStatus.Charging => "充电中",
        GunStatus.Fault => "故障",
        GunStatus.Occupied => "占用中",
        GunStatus.Reserved => "预约锁定",
        _ => s.ToString(),
    };
}
