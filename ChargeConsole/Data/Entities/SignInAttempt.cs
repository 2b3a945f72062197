using ChargeConsole.Domain.Values;
using Microsoft.AspNetCore.Identity;

namespace ChargeConsole.Data.Entities;

/// <summary>
/// Sign-in tries counted in the database, so every node sees the same count: per account and client address, and per
/// address alone (SignInThrottle). A window starts with its first try and is forgotten after it.
/// </summary>
public class SignInAttempt
{
    /// <summary>"a:{address}" or "u:{user}|{address}".</summary>
    public string Key { get; set; } = "";
    public int Tries { get; set; }
    public DateTime WindowStart { get; set; }
}
