using ChargeConsole.Devices.Ykc;

namespace ChargeConsole.Devices.Piles;

/// <summary>
/// What the pile host asks of the application: the web app implements it (database, live events).
/// Devices never touches EF or UI itself. None of these is called on a connection's read loop: heartbeats are
/// answered there, and everything else waits its turn in the connection's bounded inbox.
/// </summary>
public interface IPileEventSink
{
    /// <summary>Whether this pile may log in from this address: only piles registered in the console may, and a
    /// station may restrict its piles to address ranges. Called before the pile's live session is touched.</summary>
    Task<bool> AuthorizeLoginAsync(LoginRequest login, string remoteAddress, CancellationToken ct);

    /// <summary>The authorised pile's session is now the live one. <paramref name="replaced"/> is the connection it
    /// took over, on this node or another, if any (written to the audit log).</summary>
    Task OnLoggedInAsync(LoginRequest login, string remoteAddress, PileTakeover? replaced, CancellationToken ct);

    /// <summary>The pile logged in on another node: this node forgets what it knew of it, and does not mark it offline.</summary>
    void OnMovedAway(string pileCode);

    /// <summary>The pile's effective billing model, or null when it has none yet.</summary>
    Task<BillingModel?> GetBillingModelAsync(string pileCode, CancellationToken ct);

    /// <summary>Every decoded message from a logged-in pile (heartbeats, real-time data, records, replies…).
    /// A returned message is sent back with the request's SEQ.</summary>
    Task<IYkcMessage?> OnMessageAsync(string pileCode, IYkcMessage message, CancellationToken ct);

    /// <summary>The pile's session ended (closed, dropped for silence, or replaced by a new login).</summary>
    Task OnDisconnectedAsync(string pileCode, CancellationToken ct);
}
