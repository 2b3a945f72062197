using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Wallets;
using FluentValidation;

namespace ChargeConsole.Features.StoredValue;

/// <summary>The top-up/deduction form (资产管理 → 充值划扣).</summary>
public sealed class AdjustmentForm
{
    /// <summary>Made when the dialog opens: a double click or a retry of the same dialog acts once.</summary>
    public string RequestId { get; set; } = Guid.NewGuid().ToString("N");
    public int AppUserId { get; set; }
    public AdjustmentKind Kind { get; set; } = AdjustmentKind.TopUp;
    public AdjustmentAsset Asset { get; set; } = AdjustmentAsset.Money;
    /// <summary>Yuan for money (2 decimals), whole points for points.</summary>
    public decimal? Amount { get; set; }
    public string Reason { get; set; } = "";
}

public sealed class AdjustmentFormValidator : AbstractValidator<AdjustmentForm>
{
    public AdjustmentFormValidator()
    {
        RuleFor(x => x.AppUserId).GreaterThan(0).WithMessage("请选择用户");
        RuleFor(x => x.RequestId).NotEmpty().WithMessage("缺少请求编号，请重新打开对话框").MaximumLength(64).WithMessage("请求编号过长");
        RuleFor(x => x.Amount).NotNull().WithMessage("请输入数量")
            .GreaterThan(0).WithMessage("数量必须大于 0");
        RuleFor(x => x.Amount).Must(a => a is null || decimal.Round(a.Value, 2) == a.Value).When(x => x.Asset == AdjustmentAsset.Money)
            .WithMessage("金额最多保留两位小数");
        RuleFor(x => x.Amount).Must(a => a is null || decimal.Truncate(a.Value) == a.Value).When(x => x.Asset == AdjustmentAsset.Points)
            .WithMessage("积分必须是整数");
        RuleFor(x => x.Amount).LessThanOrEqualTo(100_000m).When(x => x.Asset == AdjustmentAsset.Money).WithMessage("单次调整金额不能超过 100000 元");
        RuleFor(x => x.Amount).LessThanOrEqualTo(10_000_000m).When(x => x.Asset == AdjustmentAsset.Points).WithMessage("单次调整积分不能超过 10000000");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写调整原因").MaximumLength(200).WithMessage("原因不能超过 200 个字");
    }
}
