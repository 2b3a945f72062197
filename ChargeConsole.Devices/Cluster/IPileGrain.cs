using Orleans.Concurrency;

namespace ChargeConsole.Devices.Cluster;

/// <summary>
/// Where a pile's live connection is: the node (silo) whose Kestrel handler holds the socket, the connection there,
/// the pile's address, and that node's observer that carries commands to the socket.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PileLink([property: Id(0)] string ConnectionId, [property: Id(1)] SiloAddress Node,
    [property: Id(2)] string RemoteAddress, [property: Id(3)] IPileNode Carrier)
{
    public string NodeName => Node.ToParsableString();
}

/// <summary>
/// One pile, whatever its protocol, wherever its connection landed: every node asks it whether the pile is online
/// and sends it commands. Keyed by pile code; it lives where the pile connects (its state is only the link, which
/// the connecting node restores when the grain is lost with a node).
/// </summary>
public interface IPileGrain : IGrainWithStringKey
{
    /// <summary>Makes <paramref name="link"/> the pile's live connection; returns the one it takes over, if any (that
    /// one's node is told to close it).</summary>
    Task<PileLink?> Connect(PileLink link);

    /// <summary>Sets the link only if the grain knows none (the grain was lost with a node; its connection is still up).</summary>
    Task Restore(PileLink link);

    /// <summary>The connection ended; true when it was still the pile's live one (the pile is now offline).</summary>
    Task<bool> Disconnect(string connectionId);

    [AlwaysInterleave]
    Task<bool> IsOnline();

    /// <summary>Carries the command to the pile's node and returns the pile's answer.</summary>
    [AlwaysInterleave]
    Task<CommandResult> Send(PileCommand command);
}

/// <summary>One per node: carries commands to the piles whose sockets this node holds.</summary>
public interface IPileNode : IGrainObserver
{
    Task<CommandResult> Execute(string pileCode, string connectionId, PileCommand command);

    /// <summary>The pile logged in on another node: this node closes its connection without marking the pile offline.</summary>
    [OneWay]
    Task Close(string pileCode, string connectionId, string reason);
}
