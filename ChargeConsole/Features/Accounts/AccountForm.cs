using ChargeConsole.Domain.Values;
using FluentValidation;

namespace ChargeConsole.Features.Accounts;

public sealed class AccountForm
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Password { get; set; } = "";
    public string Role { get; set; } = ChargeConsole.Data.Entities.Roles.Operator;
}

public sealed class InvestorShareForm
{
    public int? StationId { get; set; }
    public decimal? SharePercent { get; set; }
}

public sealed class AccountValidator : AbstractValidator<AccountForm>
{
    public AccountValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().WithMessage("请输入账号")
            .Matches("^[A-Za-z0-9._@+-]{3,50}$").WithMessage("账号为3到50位字母、数字或 ._@+-");
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("请输入姓名").MaximumLength(50).WithMessage("姓名不能超过50个字");
        RuleFor(x => x.Password).SetValidator(new PasswordRule());
        RuleFor(x => x.Role).Must(r => ChargeConsole.Data.Entities.Roles.All.Contains(r)).WithMessage("请选择角色");
    }
}

public sealed class PasswordRule : AbstractValidator<string>
{
    public PasswordRule()
    {
        RuleFor(x => x).NotEmpty().WithMessage("请输入密码").MinimumLength(8).WithMessage("密码至少8位")
            .Matches("[0-9]").WithMessage("密码必须包含数字").Matches("[a-z]").WithMessage("密码必须包含小写字母");
    }
}

public sealed class InvestorShareValidator : AbstractValidator<InvestorShareForm>
{
    public InvestorShareValidator()
    {
        RuleFor(x => x.StationId).NotNull().WithMessage("请选择电站");
        RuleFor(x => x.SharePercent).NotNull().WithMessage("请输入占比")
            .Must(p => p is null || InvestorShares.IsValidShare(p.Value)).WithMessage("占比必须大于0、不超过100，最多两位小数");
    }
}
