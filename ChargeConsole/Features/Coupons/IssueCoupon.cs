using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Live;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Coupons;

/// <summary>发放优惠券 to chosen users.</summary>
public sealed partial class CouponService
{
    /// <summary>发放优惠券: one copy to each chosen user (those at their limit, or beyond the total, are skipped and counted).</summary>
    public async Task<OperationResult> IssueAsync(AccessScope scope, int couponId, IReadOnlyCollection<int> userIds)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能发放优惠券");
        if (userIds.Count == 0) return OperationResult.Fail("请选择要发放的用户");
        if (userIds.Count > 500) return OperationResult.Fail("一次最多选择 500 位用户；更多请用全体发放");
        var issued = 0;
        var refusals = new Dictionary<string, int>();
        foreach (var userId in userIds.Distinct())
        {
            var one = await ClaimAsync(couponId, userId, CouponClaimMethod.Issued, scope.UserName);
            if (one.Succeeded) issued++;
            else refusals[one.Error!] = refusals.GetValueOrDefault(one.Error!) + 1;
        }
        var summary = $"已发放 {issued} 张" + (refusals.Count == 0 ? "" : "；未发放：" + string.Join("，", refusals.Select(r => $"{r.Key} {r.Value} 人")));
        await audit.WriteAsync(scope.UserName, "发放优惠券", $"优惠券 {couponId}", issued > 0, summary);
        return issued > 0 ? OperationResult.Ok(summary) : OperationResult.Fail(summary);
    }

    /// <summary>Users to pick from in 发放优惠券: by phone (at most 20).</summary>
    public async Task<List<(int Id, string Phone, string Nickname)>> FindUsersAsync(string phone)
    {
        if (string.IsNullOrWhiteSpace(phone) || phone.Trim().Length < 3) return [];
        await using var db = await dbFactory.CreateDbContextAsync();
        var p = phone.Trim();
        return (await db.AppUsers.AsNoTracking().Where(u => u.Phone.StartsWith(p) && !u.Disabled).OrderBy(u => u.Phone).Take(20)
            .Select(u => new { u.Id, u.Phone, u.Nickname }).ToListAsync()).Select(u => (u.Id, u.Phone, u.Nickname)).ToList();
    }
}
