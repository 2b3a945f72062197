using ChargeConsole.Domain.Values;
using Microsoft.AspNetCore.Identity;

namespace ChargeConsole.Data.Entities;

/// <summary>A console account (operator, admin or investor).</summary>
public class ConsoleUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public List<StationInvestor> Stations { get; set; } = [];
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Operator = "Operator";
    public const string Investor = "Investor";
    public const string Staff = Admin + "," + Operator;
    public const string Any = Admin + "," + Operator + "," + Investor;
    public static readonly string[] All = [Admin, Operator, Investor];
}
