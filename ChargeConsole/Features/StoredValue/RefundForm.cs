using FluentValidation;

namespace ChargeConsole.Features.StoredValue;

/// <summary>
/// 申请退款, from the console's dialog and the mini-program alike: the amount in yuan, why, and the request id (made when
/// the dialog opens, or sent by the client), so a double click or a retry refunds once.
/// </summary>
public sealed class RefundForm
{
    public decimal? Amount { get; set; }
    public string? Reason { get; set; }
    public string? RequestId { get; set; }

    /// <summary>The dialog's form: its request id is made now, once per dialog.</summary>
    public static RefundForm New() => new() { RequestId = Guid.NewGuid().ToString("N") };
}

/// <summary>The one set of rules for a refund request; what is refundable is the service's to check, in its transaction.</summary>
public sealed class RefundFormValidator : AbstractValidator<RefundForm>
{
    public const int MaxReason = 80;

    public RefundFormValidator()
    {
        RuleFor(x => x.Amount).NotNull().WithMessage("请输入退款金额").GreaterThan(0).WithMessage("退款金额必须大于 0")
            .LessThanOrEqualTo(1_000_000).WithMessage("退款金额过大").PrecisionScale(12, 2, true).WithMessage("退款金额最多两位小数");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写退款原因").MaximumLength(MaxReason).WithMessage($"退款原因不能超过 {MaxReason} 个字");
        RuleFor(x => x.RequestId).NotEmpty().WithMessage("缺少请求号（requestId 或 Idempotency-Key）").MaximumLength(40).WithMessage("请求号不能超过 40 个字符");
    }
}
