using System.Security.Cryptography;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Coupons;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Live;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

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

/// <summary>新增/编辑优惠券, and its QR page poster.</summary>
public sealed partial class CouponService
{
    public const string StartInThePast = "优惠券的生效时间不得早于今天（今天的时间视为从现在起生效）";

    public async Task<OperationResult> SaveAsync(AccessScope scope, CouponForm form)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能管理优惠券");
        var validation = await validator.ValidateAsync(form);
        if (!validation.IsValid) return OperationResult.Invalid(validation);
        var from = ChinaTime.ToUtc(form.ValidFrom!.Value);
        var to = ChinaTime.ToUtc(form.ValidTo!.Value);
        await using var db = await dbFactory.CreateDbContextAsync();
        Coupon coupon;
        if (form.Id is { } id)
        {
            coupon = (await db.Coupons.FirstOrDefaultAsync(c => c.Id == id))!;
            if (coupon is null) return OperationResult.Fail("该优惠券已被删除，请刷新列表");
            if (Money.FromYuan(form.Threshold!.Value) != coupon.Threshold || Money.FromYuan(form.Discount!.Value) != coupon.Discount)
                return OperationResult.Fail("优惠券规则（满金额、减金额）创建后不允许修改；如需调整请新建优惠券");
            if (form.TotalQuantity < coupon.ClaimedCount) return OperationResult.Fail($"发放总量不能少于已领取的 {coupon.ClaimedCount} 张");
            // A window already running keeps its start; a changed start follows the rule for a new one.
            if (from != coupon.ValidFrom)
            {
                if (CouponRules.StartFor(from, Now) is not { } start) return OperationResult.Fail(StartInThePast);
                from = start;
            }
        }
        else
        {
            if (CouponRules.StartFor(from, Now) is not { } start) return OperationResult.Fail(StartInThePast);
            from = start;
            coupon = new Coupon
            {
                Threshold = Money.FromYuan(form.Threshold!.Value), Discount = Money.FromYuan(form.Discount!.Value), CreatedAt = Now,
                ClaimToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant(),
            };
            db.Coupons.Add(coupon);
        }
        (coupon.Name, coupon.TotalQuantity, coupon.PerUserLimit, coupon.ValidFrom, coupon.ValidTo, coupon.ClaimMethod, coupon.Remark) =
            (form.Name.Trim(), form.TotalQuantity!.Value, form.PerUserLimit!.Value, from, to, form.ClaimMethod, string.IsNullOrWhiteSpace(form.Remark) ? null : form.Remark.Trim());
        var result = OperationResult.Ok("优惠券已保存");
        AuditTrail.Add(db, Now, scope.UserName, form.Id is null ? "新增优惠券" : "修改优惠券", coupon.Name, result);
        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>A poster for the QR claim page (the caller has checked it is an image).</summary>
    public async Task<OperationResult> SetPosterAsync(AccessScope scope, int id, string key)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能管理优惠券");
        await using var db = await dbFactory.CreateDbContextAsync();
        var coupon = await db.Coupons.FirstOrDefaultAsync(c => c.Id == id);
        if (coupon is null) return OperationResult.Fail("该优惠券已被删除，请刷新列表");
        coupon.PosterPath = key;
        var result = OperationResult.Ok("海报已保存，扫码领取页将展示它");
        AuditTrail.Add(db, Now, scope.UserName, "上传优惠券海报", coupon.Name, result);
        await db.SaveChangesAsync();
        return result;
    }
}
