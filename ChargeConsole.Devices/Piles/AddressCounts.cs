using System.Collections.Concurrent;
using System.Net;

namespace ChargeConsole.Devices.Piles;

/// <summary>A count per remote address with a cap (connections not logged in, upgrades being checked); an address
/// whose count drops to zero is forgotten, so the map holds only addresses with something open.</summary>
internal sealed class AddressCounts
{
    private readonly ConcurrentDictionary<IPAddress, int> _counts = new();

    /// <summary>Counts one more for <paramref name="ip"/>; false (and not counted) beyond <paramref name="max"/> (0: no cap).</summary>
    public bool TryAdd(IPAddress ip, int max, out int counted)
    {
        counted = _counts.AddOrUpdate(ip, 1, (_, n) => n + 1);
        if (max <= 0 || counted <= max) return true;
        Remove(ip);
        return false;
    }

    public void Remove(IPAddress ip)
    {
        while (_counts.TryGetValue(ip, out var n))
        {
            if (n <= 1 ? _counts.TryRemove(new KeyValuePair<IPAddress, int>(ip, n)) : _counts.TryUpdate(ip, n - 1, n)) return;
        }
    }
}
