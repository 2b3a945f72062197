using ChargeConsole.Domain.Values;
using FluentValidation;

namespace ChargeConsole.Features.Pricing;

public sealed class ElectricityPriceForm : FourPrices
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public string? Remark { get; set; }
}

public sealed class ElectricityPriceValidator : AbstractValidator<ElectricityPriceForm>
{
    public ElectricityPriceValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入电价名称").MaximumLength(100).WithMessage("电价名称不能超过100个字");
        RuleFor(x => x.Remark).MaximumLength(256).WithMessage("备注不能超过256个字");
        Include(new FourPricesRules("电价"));
    }
}
