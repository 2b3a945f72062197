using ChargeConsole.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Features.Piles;

/// <summary>
/// An OCPP pile's Basic-auth password (security profile 1), kept only as Identity's salted PBKDF2 hash. Fewer
/// rounds than a person's password: the key is 16–40 characters set by the operator, and a reconnect storm of
/// thousands of piles verifies one per upgrade.
/// </summary>
public static class OcppPassword
{
    public const int MinLength = 16, MaxLength = 40;

    private static readonly PasswordHasher<Pile> Hasher = new(Options.Create(new PasswordHasherOptions { IterationCount = 10_000 }));

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Verify(string hash, string? presented) =>
        presented is { Length: >= MinLength and <= MaxLength } &&
        Hasher.VerifyHashedPassword(null!, hash, presented) != PasswordVerificationResult.Failed;
}
