using FluentValidation;

namespace ChargeConsole.Features.Accounts;

public sealed class AccountFilter
{
    public string? UserName { get; set; }
    public string? Role { get; set; }
}

public sealed record AccountRow
{
    public string Id { get; init; } = "";
    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Role { get; init; } = "";
    public bool LockedOut { get; init; }
    public DateTime CreatedAt { get; init; }

    public string Stations { get; init; } = "";
}
