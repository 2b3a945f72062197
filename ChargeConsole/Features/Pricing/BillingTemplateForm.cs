using ChargeConsole.Domain.Pricing;
using FluentValidation;

namespace ChargeConsole.Features.Pricing;

/// <summary>The template form: the electricity price picked from the list, a service fee per period, and the 48 slots.</summary>
public sealed class BillingTemplateForm : FourPrices
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public int? ElectricityPriceId { get; set; }
    public TouPeriod[] Slots { get; set; } = Enumerable.Repeat(TouPeriod.Flat, TouSchedule.SlotCount).ToArray();
    public string? Remark { get; set; }
}

public sealed class BillingTemplateValidator : AbstractValidator<BillingTemplateForm>
{
    public BillingTemplateValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入模板名称").MaximumLength(100).WithMessage("模板名称不能超过100个字");
        RuleFor(x => x.ElectricityPriceId).NotNull().WithMessage("请选择基础电价");
        RuleFor(x => x.Slots).Must(s => s.Length == TouSchedule.SlotCount && s.All(Enum.IsDefined)).WithMessage("时段必须覆盖全天 48 个半小时");
        RuleFor(x => x.Remark).MaximumLength(256).WithMessage("备注不能超过256个字");
        Include(new FourPricesRules("服务费"));
    }
}
