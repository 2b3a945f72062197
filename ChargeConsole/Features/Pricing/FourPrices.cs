using ChargeConsole.Domain.Pricing;
using FluentValidation;

namespace ChargeConsole.Features.Pricing;

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
