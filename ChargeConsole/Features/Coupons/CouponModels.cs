using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Coupons;
using ChargeConsole.Domain.Values;
using FluentValidation;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Coupons;

/// <summary>A coupon template as the dialog edits it. Times are China time as typed; threshold and discount only on creation.</summary>
public sealed class CouponForm
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public decimal? Threshold { get; set; } = 0;
    public decimal? Discount { get; set; }
    public int? TotalQuantity { get; set; }
    public int? PerUserLimit { get; set; } = 1;
    public DateTime? ValidFrom { get; set; }
    public DateTime? ValidTo { get; set; }
    public CouponClaimMethod ClaimMethod { get; set; } = CouponClaimMethod.Issued;
    public string? Remark { get; set; }
}

public sealed class CouponFormValidator : AbstractValidator<CouponForm>
{
    public CouponFormValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入优惠券名称").MaximumLength(50).WithMessage("名称不能超过 50 个字");
        RuleFor(x => x.Threshold).NotNull().WithMessage("请输入使用门槛（无门槛填 0）").GreaterThanOrEqualTo(0).WithMessage("使用门槛不能为负")
            .LessThanOrEqualTo(10_000).WithMessage("使用门槛不能超过 10,000 元").PrecisionScale(12, 2, true).WithMessage("金额最多两位小数");
        RuleFor(x => x.Discount).NotNull().WithMessage("请输入优惠金额").GreaterThanOrEqualTo(0.01m).WithMessage("优惠金额至少 0.01 元")
            .LessThanOrEqualTo(1_000).WithMessage("优惠金额不能超过 1,000 元").PrecisionScale(12, 2, true).WithMessage("金额最多两位小数")
            .Must((f, d) => f.Threshold is not > 0 || d <= f.Threshold).WithMessage("优惠金额不能超过使用门槛");
        RuleFor(x => x.TotalQuantity).NotNull().WithMessage("请输入发放总量").InclusiveBetween(1, 10_000_000).WithMessage("发放总量必须在 1 到 10,000,000 之间");
        RuleFor(x => x.PerUserLimit).NotNull().WithMessage("请输入每人限领").InclusiveBetween(1, 100).WithMessage("每人限领必须在 1 到 100 之间");
        RuleFor(x => x.ValidFrom).NotNull().WithMessage("请选择生效时间");
        RuleFor(x => x.ValidTo).NotNull().WithMessage("请选择失效时间").GreaterThan(x => x.ValidFrom).WithMessage("失效时间必须晚于生效时间").When(x => x.ValidFrom is not null);
        RuleFor(x => x.Remark).MaximumLength(200).WithMessage("备注不能超过 200 个字");
    }
}

public sealed class CouponFilter
{
    public string? Name { get; set; }
    public CouponPhase? Status { get; set; }
    /// <summary>Coupons valid at some time within this range.</summary>
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
}

public sealed record CouponRow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public Money Threshold { get; init; }
    public Money Discount { get; init; }
    public int TotalQuantity { get; init; }
    public int ClaimedCount { get; init; }
    public int UsedCount { get; init; }
    public int PerUserLimit { get; init; }
    public DateTime ValidFrom { get; init; }
    public DateTime ValidTo { get; init; }
    public CouponClaimMethod ClaimMethod { get; init; }
    public bool HasPoster { get; init; }
    public string ClaimToken { get; init; } = "";
    public string? Remark { get; init; }
    public DateTime CreatedAt { get; init; }
    /// <summary>When the row was read: its phase is the clock's then.</summary>
    public DateTime ReadAt { get; init; }
    public CouponPhase Phase => CouponRules.PhaseAt(ValidFrom, ValidTo, ReadAt);
    public string Rule => Threshold == Money.Zero ? $"无门槛减 {Discount.Yuan:0.00}" : $"满 {Threshold.Yuan:0.00} 减 {Discount.Yuan:0.00}";
}

public sealed class CouponExportRow
{
    [ExcelColumnName("名称")] public string Name { get; set; } = "";
    [ExcelColumnName("规则")] public string Rule { get; set; } = "";
    [ExcelColumnName("发放总量")] public int Total { get; set; }
    [ExcelColumnName("已领取")] public int Claimed { get; set; }
    [ExcelColumnName("已使用")] public int Used { get; set; }
    [ExcelColumnName("每人限领")] public int PerUser { get; set; }
    [ExcelColumnName("领取方式")] public string Method { get; set; } = "";
    [ExcelColumnName("生效时间")] public string From { get; set; } = "";
    [ExcelColumnName("失效时间")] public string To { get; set; } = "";
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("备注")] public string Remark { get; set; } = "";
}

public sealed class ClaimFilter
{
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public int? CouponId { get; set; }
    /// <summary>Part of the user's phone or nickname.</summary>
    public string? User { get; set; }
    public CouponClaimStatus? Status { get; set; }
}

public sealed record ClaimRow
{
    public int Id { get; init; }
    public string Coupon { get; init; } = "";
    public Money Threshold { get; init; }
    public Money Discount { get; init; }
    public string Phone { get; init; } = "";
    public string Nickname { get; init; } = "";
    public CouponClaimMethod Method { get; init; }
    public CouponClaimStatus Status { get; init; }
    public DateTime ClaimedAt { get; init; }
    public DateTime? UsedAt { get; init; }
    public string? OrderNo { get; init; }
    public DateTime ValidFrom { get; init; }
    public DateTime ValidTo { get; init; }
    /// <summary>Held by a recharge order waiting to be paid.</summary>
    public bool Reserved => Status == CouponClaimStatus.Reserved;
}

public sealed class ClaimExportRow
{
    [ExcelColumnName("优惠券")] public string Coupon { get; set; } = "";
    [ExcelColumnName("手机号")] public string Phone { get; set; } = "";
    [ExcelColumnName("昵称")] public string Nickname { get; set; } = "";
    [ExcelColumnName("领取方式")] public string Method { get; set; } = "";
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("领取时间")] public string ClaimedAt { get; set; } = "";
    [ExcelColumnName("使用时间")] public string UsedAt { get; set; } = "";
    [ExcelColumnName("使用订单")] public string OrderNo { get; set; } = "";
}

public static class CouponText
{
    public static string Phase(CouponPhase p) => p switch { CouponPhase.NotStarted => "未开始", CouponPhase.Active => "已生效", _ => "已失效" };

    public static string Method(CouponClaimMethod m) => m switch { CouponClaimMethod.QrCode => "扫码领取", CouponClaimMethod.InApp => "小程序领取", _ => "后台发放" };

    public static string Status(CouponClaimStatus s) => s switch
    {
        CouponClaimStatus.Unused => "未使用", CouponClaimStatus.Reserved => "充值待支付占用", CouponClaimStatus.Used => "已使用", _ => "已过期",
    };
}
