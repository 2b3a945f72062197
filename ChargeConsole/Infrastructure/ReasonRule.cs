using FluentValidation;

namespace ChargeConsole.Infrastructure;

/// <summary>
/// The reason an operator gives for a step that cannot be taken back (退单, 拒绝提现, 驳回或冲红发票, 处理异常订单):
/// required, at most <see cref="MaxLength"/> characters once trimmed. One rule for every such step and for
/// <c>ReasonDialog</c>, which caps its field at the same length.
/// </summary>
public sealed class ReasonRule : AbstractValidator<string>
{
    public const int MaxLength = 200;

    public static readonly ReasonRule Reason = new("原因"), VoidReason = new("退单原因"), RejectReason = new("拒绝原因");

    private ReasonRule(string what)
    {
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x)).WithMessage($"请填写{what}")
            .Must(x => x.Trim().Length <= MaxLength).WithMessage($"{what}不能超过 {MaxLength} 个字").OverridePropertyName(what);
    }

    /// <summary>The refusal for a missing or over-long reason, or null when it will do.</summary>
    public OperationResult? Refusal(string? reason) =>
        Validate(reason ?? "") is { IsValid: false } v ? OperationResult.Fail(v.Errors[0].ErrorMessage) : null;
}
