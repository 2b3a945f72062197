using ChargeConsole.Devices.Cluster;

namespace ChargeConsole.Devices.Piles;

/// <summary>The connection a new login took over: which node held it, and from which address the pile spoke there.</summary>
public sealed record PileTakeover(string Node, string RemoteAddress);

/// <summary>
/// Whether a pile is online and how a command reaches it, from any node. In the console it is the pile's grain
/// (<see cref="ClusterPileDirectory"/>); a process without a cluster (the benchmark tool, service-level tests) uses
/// <see cref="LocalPileDirectory"/>, which knows only this process's connections.
/// </summary>
public interface IPileDirectory
{
    /// <summary>This node's name as audit rows and <c>Pile.ConnectedNode</c> show it.</summary>
    string NodeName { get; }

    Task<bool> IsOnlineAsync(string pileCode);

    Task<CommandResult> SendAsync(string pileCode, PileCommand command, CancellationToken ct = default);

    /// <summary>The session logged in here (<paramref name="replacedHere"/> is this node's session it replaced);
    /// returns the connection it took over, on this node or another, which is being closed.</summary>
    Task<PileTakeover?> ConnectedAsync(IPileConnection session, IPileConnection? replacedHere, CancellationToken ct);

    /// <summary>This node's live session of the pile ended; true when it was still the pile's live connection anywhere.</summary>
    Task<bool> DisconnectedAsync(IPileConnection session);
}

/// <summary>One process, no cluster: this node's sessions are all there are.</summary>
public sealed class LocalPileDirectory(PileSessionRegistry registry, PileCommandService commands) : IPileDirectory
{
    public string NodeName => Environment.MachineName;

    public Task<bool> IsOnlineAsync(string pileCode) => Task.FromResult(registry.IsOnline(pileCode));

    public Task<CommandResult> SendAsync(string pileCode, PileCommand command, CancellationToken ct = default) => commands.ExecuteAsync(pileCode, command, ct);

    public Task<PileTakeover?> ConnectedAsync(IPileConnection session, IPileConnection? replacedHere, CancellationToken ct) =>
        Task.FromResult(replacedHere is null ? null : new PileTakeover(NodeName, replacedHere.RemoteAddress));

    public Task<bool> DisconnectedAsync(IPileConnection session) => Task.FromResult(true);
}
