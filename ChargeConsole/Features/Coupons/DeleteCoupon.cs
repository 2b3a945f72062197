using ChargeConsole.Data;
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

public sealed partial class CouponService
{
    public async Task<OperationResult> DeleteAsync(AccessScope scope, int id)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能管理优惠券");
        await using var db = await dbFactory.CreateDbContextAsync();
        var coupon = await db.Coupons.FirstOrDefaultAsync(c => c.Id == id);
        if (coupon is null) return OperationResult.Fail("该优惠券已被删除，请刷新列表");
        var claims = await db.CouponClaims.CountAsync(c => c.CouponId == id);
        var runs = await db.CouponIssueRuns.AnyAsync(r => r.CouponId == id);
        OperationResult result;
        if (claims > 0) result = OperationResult.Fail($"该优惠券已有 {claims} 条领取记录，无法删除（可先在领取记录中删除未使用的记录）");
        else if (runs) result = OperationResult.Fail("该优惠券做过全体发放，无法删除");
        else
        {
            db.Coupons.Remove(coupon);
            result = OperationResult.Ok("优惠券已删除");
        }
        AuditTrail.Add(db, Now, scope.UserName, "删除优惠券", coupon.Name, result);
        await db.SaveChangesAsync();
        return result;
    }
}
