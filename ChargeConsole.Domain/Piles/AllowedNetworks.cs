using System.Net;

namespace ChargeConsole.Domain.Piles;

/// <summary>
/// A station's optional restriction of where its piles may log in from: address ranges in CIDR notation,
/// separated by commas, spaces or new lines (e.g. <c>10.20.0.0/16, 203.0.113.7/32</c>). Empty allows every address.
/// </summary>
public static class AllowedNetworks
{
    private static readonly char[] Separators = [',', '，', ';', ' ', '\n', '\r', '\t'];

    public static IEnumerable<string> Entries(string? list) =>
        (list ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The entries that are not CIDR ranges, for the form's message.</summary>
    public static IReadOnlyList<string> Invalid(string? list) => Entries(list).Where(e => !IPNetwork.TryParse(e, out _)).ToList();

    /// <summary>Whether <paramref name="remote"/> (an address, with or without a port) is inside the list.</summary>
    public static bool Allows(string? list, string remote)
    {
        var entries = Entries(list).ToList();
        if (entries.Count == 0) return true;
        if (!TryAddress(remote, out var address)) return false;
        foreach (var entry in entries)
            if (IPNetwork.TryParse(entry, out var network) && network.Contains(address)) return true;
        return false;
    }

    private static bool TryAddress(string remote, out IPAddress address)
    {
        if (IPEndPoint.TryParse(remote, out var endpoint)) address = endpoint.Address;
        else if (!IPAddress.TryParse(remote, out address!)) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return true;
    }
}
