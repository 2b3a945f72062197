using ChargeConsole.Domain.Pricing;
using ChargeConsole.Domain.Values;
using FluentValidation;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Pricing;

public sealed class ElectricityPriceFilter
{
    public string? Name { get; set; }
}

public sealed record ElectricityPriceRow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public Price Sharp { get; init; }
    public Price Peak { get; init; }
    public Price Flat { get; init; }
    public Price Valley { get; init; }
    public string? Remark { get; init; }
    public int TemplateCount { get; init; }
    public DateTime UpdatedAt { get; init; }
}

public sealed class ElectricityPriceExportRow
{
    [ExcelColumnName("电价名称")] public string Name { get; set; } = "";
    [ExcelColumnName("尖(元/kWh)")] public decimal Sharp { get; set; }
    [ExcelColumnName("峰(元/kWh)")] public decimal Peak { get; set; }
    [ExcelColumnName("平(元/kWh)")] public decimal Flat { get; set; }
    [ExcelColumnName("谷(元/kWh)")] public decimal Valley { get; set; }
    [ExcelColumnName("引用模板数")] public int TemplateCount { get; set; }
    [ExcelColumnName("备注")] public string Remark { get; set; } = "";
    [ExcelColumnName("更新时间")] public string UpdatedAt { get; set; } = "";
}

/// <summary>Four per-kWh amounts in yuan, one per period (尖峰平谷).</summary>
public class FourPrices
{
    public decimal? Sharp { get; set; }
    public decimal? Peak { get; set; }
    public decimal? Flat { get; set; }
    public decimal? Valley { get; set; }

    public decimal? this[TouPeriod p]
    {
        get => p switch { TouPeriod.Sharp => Sharp, TouPeriod.Peak => Peak, TouPeriod.Flat => Flat, _ => Valley };
        set { switch (p) { case TouPeriod.Sharp: Sharp = value; break; case TouPeriod.Peak: Peak = value; break; case TouPeriod.Flat: Flat = value; break; default: Valley = value; break; } }
    }
}

public sealed class ElectricityPriceForm : FourPrices
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public string? Remark { get; set; }
}

public sealed class FourPricesRules : AbstractValidator<FourPrices>
{
    public FourPricesRules(string what)
    {
        foreach (var p in Enum.GetValues<TouPeriod>())
        {
            var name = TouText.Name(p);
            RuleFor(x => x[p]).NotNull().WithMessage($"请输入{name}时段{what}").WithName(p.ToString())
                .InclusiveBetween(0, 100).WithMessage($"{name}时段{what}必须在 0 到 100 元/kWh 之间")
                .Must(v => v is null || decimal.Round(v.Value, 5) == v.Value).WithMessage($"{name}时段{what}最多保留5位小数")
                .OverridePropertyName(p.ToString());
        }
    }
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
