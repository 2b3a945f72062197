using ChargeConsole.Domain.Values;
using FluentValidation;

namespace ChargeConsole.Features.Piles;

public sealed class PileSpecRules : AbstractValidator<PileSpec>
{
    public PileSpecRules()
    {
        RuleFor(x => x.StationId).NotNull().WithMessage("请选择所属电站");
        RuleFor(x => x.Name).MaximumLength(100).WithMessage("电桩名称不能超过100个字");
        RuleFor(x => x.Model).MaximumLength(100).WithMessage("型号不能超过100个字");
        RuleFor(x => x.PowerKw).NotNull().WithMessage("请输入功率").GreaterThan(0).WithMessage("功率必须大于0").LessThanOrEqualTo(2000).WithMessage("功率不能超过2000kW");
        RuleFor(x => x.GunCount).InclusiveBetween(1, PileText.MaxGuns).WithMessage($"枪数必须在1到{PileText.MaxGuns}之间");
        RuleFor(x => x.Type).IsInEnum().WithMessage("请选择电桩类型");
        RuleFor(x => x.Protocol).IsInEnum().WithMessage("请选择协议版本");
    }
}

public sealed class PileValidator : AbstractValidator<PileForm>
{
    public PileValidator()
    {
        Include(new PileSpecRules());
        RuleFor(x => x.Code).Must(PileCode.IsValid).WithMessage("电桩编码必须是14位数字");
        RuleFor(x => x.OcppPassword).Cascade(CascadeMode.Stop)
            .Must((f, _) => f.Protocol == Data.Entities.PileProtocol.Ocpp16J).WithMessage("只有 OCPP 1.6J 电桩可以设置接入密码")
            .Length(OcppPassword.MinLength, OcppPassword.MaxLength).WithMessage($"接入密码须为{OcppPassword.MinLength}到{OcppPassword.MaxLength}位")
            .Matches("^[\\x21-\\x7E]+$").WithMessage("接入密码只能用英文字母、数字和符号，不含空格")
            .When(x => !string.IsNullOrEmpty(x.OcppPassword) && !x.ClearOcppPassword);
    }
}

public sealed class PileBatchValidator : AbstractValidator<PileBatchForm>
{
    public PileBatchValidator()
    {
        Include(new PileSpecRules());
        RuleFor(x => x.Prefix).NotEmpty().WithMessage("请输入编码前缀")
            .Matches("^[0-9]{1,13}$").WithMessage("编码前缀必须是1到13位数字");
        RuleFor(x => x.Count).NotNull().WithMessage("请输入数量").InclusiveBetween(1, PileText.MaxBatch).WithMessage($"数量必须在1到{PileText.MaxBatch}之间");
        RuleFor(x => x.FirstSerial).NotNull().WithMessage("请输入起始序号").GreaterThanOrEqualTo(0).WithMessage("起始序号不能为负数");
        RuleFor(x => x).Must(FitsWidth).WithName("Count").WithMessage("起始序号加数量超出了编码剩余位数")
            .When(x => x.Count is > 0 && x.FirstSerial is >= 0 && System.Text.RegularExpressions.Regex.IsMatch(x.Prefix ?? "", "^[0-9]{1,13}$"));
    }

    private static bool FitsWidth(PileBatchForm f) =>
        f.FirstSerial!.Value + f.Count!.Value - 1 <= (long)Math.Pow(10, PileCode.Length - f.Prefix.Length) - 1;
}
