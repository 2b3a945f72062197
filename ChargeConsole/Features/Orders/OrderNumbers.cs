using ChargeConsole.Domain.Infrastructure;

namespace ChargeConsole.Features.Orders;

/// <summary>Order numbers and YKC transaction serials. Both are unique in the database; these make clashes unlikely.</summary>
public static class OrderNumbers
{
    private static int _counter = Random.Shared.Next(10_000);

    private static int NextCounter() => (Interlocked.Increment(ref _counter) & 0x7FFFFFFF) % 10_000;

    /// <summary>32 digits, as the protocol has it: pile code (14) + gun (2) + China time yyMMddHHmmss (12) + counter (4).</summary>
    public static string Serial(string pileCode, int gun, DateTime utc) =>
        $"{pileCode}{gun:00}{ChinaTime.ToChina(utc):yyMMddHHmmss}{NextCounter():0000}";

    /// <summary>e.g. CD2611251530120042: a prefix, China time to the second, a 4-digit counter.</summary>
    public static string Next(string prefix, DateTime utc) => $"{prefix}{ChinaTime.ToChina(utc):yyMMddHHmmss}{NextCounter():0000}";
}
