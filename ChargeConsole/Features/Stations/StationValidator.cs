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
        RuleFor(x => x.AllowedNetworks).MaximumLength(1000).WithMessage("允许登录的地址段不能超过1000个字符")
            .Must(v => Domain.Piles.AllowedNetworks.Invalid(v).Count == 0)
            .WithMessage(x => $"地址段格式不正确：{string.Join("、", Domain.Piles.AllowedNetworks.Invalid(x.AllowedNetworks))}（应为 CIDR，如 10.20.0.0/16）");
    }
}
