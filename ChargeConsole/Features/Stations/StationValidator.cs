using FluentValidation;

namespace ChargeConsole.Features.Stations;

public sealed class StationValidator : AbstractValidator<StationForm>
{
    public StationValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入电站名称").MaximumLength(100).WithMessage("电站名称不能超过100个字");
        RuleFor(x => x.Address).NotEmpty().WithMessage("请输入电站地址").MaximumLength(200).WithMessage("地址不能超过200个字");
        RuleFor(x => x.Latitude).NotNull().WithMessage("请输入纬度").InclusiveBetween(-90, 90).WithMessage("纬度必须在 -90 到 90 之间");
        RuleFor(x => x.Longitude).NotNull().WithMessage("请输入经度").InclusiveBetween(-180, 180).WithMessage("经度必须在 -180 到 180 之间");
        RuleFor(x => x.ContactPhone).MaximumLength(30).WithMessage("联系电话不能超过30位");
        RuleFor(x => x.Remark).MaximumLength(256).WithMessage("备注不能超过256个字");
        RuleFor(x => x.PowerLimitKw).InclusiveBetween(1, 100_000).WithMessage("功率限制须在1到100000kW之间").When(x => x.PowerLimitKw is not null);
        RuleFor(x => x.AllowedNetworks).MaximumLength(1000).WithMessage("允许登录的地址段不能超过1000个字符")
            .Must(v => Domain.Piles.AllowedNetworks.Invalid(v).Count == 0)
            .WithMessage(x => $"地址段格式不正确：{string.Join("、", Domain.Piles.AllowedNetworks.Invalid(x.AllowedNetworks))}（应为 CIDR，如 10.20.0.0/16）");
        RuleForEach(x => x.Investors).ChildRules(share =>
        {
            share.RuleFor(s => s.InvestorId).NotEmpty().WithMessage("请选择投资人");
            share.RuleFor(s => s.SharePercent).NotNull().WithMessage("请输入投资占比")
                .GreaterThan(0).WithMessage("投资占比必须大于 0").LessThanOrEqualTo(100).WithMessage("投资占比不能超过 100%")
                .Must(p => p is null || decimal.Round(p.Value, 2) == p.Value).WithMessage("投资占比最多两位小数");
        });
        RuleFor(x => x.Investors)
            .Must(list => list.Where(s => s.InvestorId is not null).GroupBy(s => s.InvestorId).All(g => g.Count() == 1)).WithMessage("同一投资人不能重复添加")
            .Must(list => list.Sum(s => s.SharePercent ?? 0) <= 100)
            .WithMessage(x => $"投资人占比合计 {x.Investors.Sum(s => s.SharePercent ?? 0):0.##}%，不能超过 100%（其余为平台所得）");
    }
}
