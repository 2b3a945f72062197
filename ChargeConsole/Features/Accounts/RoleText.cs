using FluentValidation;

namespace ChargeConsole.Features.Accounts;

public static class RoleText
{
    public static string Of(string role) => role switch
    {
        "Admin" => "管理员",
        "Operator" => "运营",
        "Investor" => "投资人",
        _ => role,
    };
}
