using ChargeConsole.Devices.Cluster;
using ChargeConsole.Devices.Ykc;

namespace ChargeConsole.Devices.Piles;

/// <summary>The protocol a pile speaks on its connection.</summary>
public enum PileWire { Ykc, Ocpp16J }

/// <summary>A pile announcing itself, in no protocol's words: YKC's 0x01 login, or an OCPP charge point's upgrade
/// (which names no firmware: null keeps the one recorded). <paramref name="Password"/> is what an OCPP charge point
/// presented with HTTP Basic (security profile 1), null when it sent none.</summary>
public sealed record PileLogin(string PileCode, PileWire Wire, string? Firmware, string? Password = null);

/// <summary>The console's answer to a login: a wrong password is told apart so that OCPP can answer 401.</summary>
public enum LoginVerdict { Accepted, Refused, WrongPassword }

/// <summary>A live connection of a pile, whatever its protocol, as the cluster's directory registers it.</summary>
public interface IPileConnection
{
    string ConnectionId { get; }
    string? PileCode { get; }
    string RemoteAddress { get; }
    /// <summary>The connection's name in the cluster (node and connection id), set when its login is registered.</summary>
    string? LinkId { get; set; }
}

/// <summary>
/// What the pile host asks of the application: the web app implements it (database, live events).
/// Devices never touches EF or UI itself. None of these is called on a connection's read loop: heartbeats are
/// answered there, and everything else waits its turn in the connection's bounded inbox.
/// </summary>
public interface IPileEventSink
{
    /// <summary>Whether this pile may log in from this address: only piles registered in the console may, and a
    /// station may restrict its piles to address ranges, and an OCPP pile with a password set must present it. Called before the pile's live session is touched.</summary>
    Task<LoginVerdict> AuthorizeLoginAsync(PileLogin login, string remoteAddress, CancellationToken ct);

    /// <summary>The authorised pile's session is now the live one. <paramref name="replaced"/> is the connection it
    /// took over, on this node or another, if any (written to the audit log).</summary>
    Task OnLoggedInAsync(PileLogin login, string remoteAddress, PileTakeover? replaced, CancellationToken ct);

    /// <summary>The pile logged in on another node: this node forgets what it knew of it, and does not mark it offline.</summary>
    void OnMovedAway(string pileCode);

    /// <summary>The pile's effective billing model, or null when it has none yet.</summary>
    Task<BillingModel?> GetBillingModelAsync(string pileCode, CancellationToken ct);

    /// <summary>Every decoded message from a logged-in pile (heartbeats, real-time data, records, replies…).
    /// A returned message is sent back with the request's SEQ.</summary>
    Task<IYkcMessage?> OnMessageAsync(string pileCode, IYkcMessage message, CancellationToken ct);

    /// <summary>A gun's state as a protocol without YKC's 0x13 reports it (an OCPP StatusNotification);
    /// <paramref name="faultText"/> names the fault (the vendor's code) when <paramref name="condition"/> is Fault.</summary>
    Task OnGunConditionAsync(string pileCode, int gun, GunCondition condition, string? faultText, CancellationToken ct);

    /// <summary>The pile's session ended (closed, dropped for silence, or replaced by a new login).</summary>
    Task OnDisconnectedAsync(string pileCode, CancellationToken ct);
}
