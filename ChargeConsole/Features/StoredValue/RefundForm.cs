using FluentValidation;

namespace ChargeConsole.Features.StoredValue;

/// <summary>申请退款: the amount in yuan and why. The request id is made when the dialog opens, so a double click refunds once.</summary>
public sealed class RefundForm
{
    public int RechargeOrderId { get; set; }
    public decimal? Amount { get; set; }
    public string Reason { get; set; } = "";
    public string RequestId { get; set; } = Guid.NewGuid().ToString("N");
    /// <summary>What could be refunded when the dialog opened (the service checks again when it acts).</summary>
    public decimal Refundable { get; set; }
}

public sealed class RefundFormValidator : AbstractValidator<RefundForm>
{
    public RefundFormValidator()
    {
        RuleFor(x => x.Amount).NotNull().WithMessage("请输入退款金额").GreaterThan(0).WithMessage("退款金额必须大于 0")
            .PrecisionScale(12, 2, true).WithMessage("退款金额最多两位小数")
            .Must((form, amount) => amount <= form.Refundable).WithMessage(form => $"退款金额不能超过可退金额 {form.Refundable:0.00} 元");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写退款原因").MaximumLength(80).WithMessage("退款原因不能超过 80 个字");
    }
}
