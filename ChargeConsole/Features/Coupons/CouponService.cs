using System.Security.Cryptography;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Coupons;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Infrastructure.Live;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Coupons;

/// <summary>
/// 优惠券 templates and 领取记录 (SPEC "Coupons"). A coupon's phase follows the clock (<see cref="CouponPhases"/>, never
/// stored); threshold and discount are fixed once created; a template that was ever issued or
/// claimed is kept. Claims never pass the total or the per-user limit, however many arrive at once: the count is taken
/// with a conditional UPDATE and each copy has its own number per user under a unique index.
/// </summary>
public sealed class CouponService(IDbContextFactory<ChargeDbContext> dbFactory, IValidator<CouponForm> validator, AuditTrail audit, LiveEvents live, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static IQueryable<CouponRow> Query(ChargeDbContext db, AccessScope scope, CouponFilter f, DateTime now)
    {
        var q = db.Coupons.AsNoTracking().StaffOnly(scope);
        if (!string.IsNullOrWhiteSpace(f.Name)) { var name = f.Name.Trim(); q = q.Where(c => c.Name.Contains(name)); }
        if (f.Status is { } phase) q = q.InPhase(phase, now);
        // Valid at some time in the range: the window overlaps it.
        if (f.From is { } from) { var start = ChinaDays.StartUtc(from); q = q.Where(c => c.ValidTo > start); }
        if (f.To is { } to) { var end = ChinaDays.EndUtc(to); q = q.Where(c => c.ValidFrom < end); }
        return q.Select(c => new CouponRow
        {
            Id = c.Id, Name = c.Name, Threshold = c.Threshold, Discount = c.Discount, TotalQuantity = c.TotalQuantity, ClaimedCount = c.ClaimedCount,
            UsedCount = db.CouponClaims.Count(x => x.CouponId == c.Id && x.Status == CouponClaimStatus.Used), PerUserLimit = c.PerUserLimit,
            ValidFrom = c.ValidFrom, ValidTo = c.ValidTo, ClaimMethod = c.ClaimMethod, HasPoster = c.PosterPath != null, ClaimToken = c.ClaimToken, Remark = c.Remark,
            CreatedAt = c.CreatedAt, ReadAt = now,
        });
    }

    public IEnumerable<CouponExportRow> Export(ChargeDbContext db, AccessScope scope, CouponFilter f) =>
        Query(db, scope, f, Now).OrderByDescending(c => c.Id).AsEnumerable().Select(c => new CouponExportRow
        {
            Name = c.Name, Rule = c.Rule, Total = c.TotalQuantity, Claimed = c.ClaimedCount, Used = c.UsedCount, PerUser = c.PerUserLimit,
            Method = CouponText.Method(c.ClaimMethod), From = ChinaTime.Format(c.ValidFrom), To = ChinaTime.Format(c.ValidTo), Status = CouponText.Phase(c.Phase),
            Remark = c.Remark ?? "",
        });

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

    /// <summary>
    /// Gives <paramref name="userId"/> one copy if the coupon is live, has copies left and the user is under the limit.
    /// Null on success, or why not. Runs in the caller's transaction.
    /// </summary>
    public static async Task<string?> TakeAsync(ChargeDbContext db, Coupon coupon, int userId, CouponClaimMethod method, DateTime now, CancellationToken ct)
    {
        var phase = CouponRules.PhaseAt(coupon.ValidFrom, coupon.ValidTo, now);
        if (phase == CouponPhase.Expired) return "优惠券已过期";
        // Operators may issue ahead of the window; users claim while it is on.
        if (phase == CouponPhase.NotStarted && method != CouponClaimMethod.Issued) return "优惠券活动尚未开始";
        var held = await db.CouponClaims.CountAsync(c => c.CouponId == coupon.Id && c.AppUserId == userId, ct);
        if (held >= coupon.PerUserLimit) return $"每人限领 {coupon.PerUserLimit} 张，您已领取";
        if (await db.Coupons.Where(c => c.Id == coupon.Id && c.ClaimedCount < c.TotalQuantity)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.ClaimedCount, c => c.ClaimedCount + 1), ct) == 0)
            return "优惠券已领完";
        db.CouponClaims.Add(new CouponClaim { CouponId = coupon.Id, AppUserId = userId, Method = method, Status = CouponClaimStatus.Unused, ClaimedAt = now, Seq = held + 1 });
        return null;
    }

    /// <summary>One claim in its own transaction; a race lost on the per-user number is answered as the limit.</summary>
    public async Task<OperationResult> ClaimAsync(int couponId, int userId, CouponClaimMethod method, string actor, CancellationToken ct = default)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var coupon = await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == couponId, ct);
            if (coupon is null) return OperationResult.Fail("优惠券不存在");
            var why = await TakeAsync(db, coupon, userId, method, Now, ct);
            var result = why is null ? OperationResult.Ok($"已领取【{coupon.Name}】") : OperationResult.Fail(why);
            if (why is not null) return result;
            AuditTrail.Add(db, Now, actor, "领取优惠券", coupon.Name, result);
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                live.Publish(new CouponClaimsChanged());
                return result;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // The same user's other claim took this number first: read again.
            }
        }
        return OperationResult.Fail("领取的人太多，请稍后再试");
    }

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

    /// <summary>The QR claim link's coupon, or why it cannot be claimed (the manual: no poster reads as expired).</summary>
    public async Task<(Coupon? Coupon, string? Error)> ByTokenAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 32) return (null, "优惠券不存在");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var coupon = await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.ClaimToken == token, ct);
        if (coupon is null) return (null, "优惠券不存在");
        if (coupon.ClaimMethod != CouponClaimMethod.QrCode) return (null, "该优惠券不支持扫码领取");
        if (coupon.PosterPath is null || CouponRules.PhaseAt(coupon.ValidFrom, coupon.ValidTo, Now) == CouponPhase.Expired) return (null, "优惠券已过期");
        return (coupon, null);
    }

    /// <summary>A user's coupons, newest first; the status follows the clock (an unused one past its window reads 已过期).</summary>
    public async Task<(List<ClaimRow> Items, int Total)> MineAsync(int userId, int page, int pageSize, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.CouponClaims.AsNoTracking().Where(c => c.AppUserId == userId);
        var now = Now;
        var items = await q.OrderByDescending(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).Select(c => new ClaimRow
        {
            Id = c.Id, Coupon = c.Coupon.Name, Threshold = c.Coupon.Threshold, Discount = c.Coupon.Discount, Method = c.Method, ClaimedAt = c.ClaimedAt,
            UsedAt = c.UsedAt, ValidFrom = c.Coupon.ValidFrom, ValidTo = c.Coupon.ValidTo, Status = c.Status,
        }).ToListAsync(ct);
        return (items.Select(c => c with { Status = CouponClaimLifecycle.AsSeen(c.Status, CouponRules.PhaseAt(c.ValidFrom, c.ValidTo, now)) }).ToList(), await q.CountAsync(ct));
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

    public static IQueryable<ClaimRow> Claims(ChargeDbContext db, AccessScope scope, ClaimFilter f)
    {
        var q = db.CouponClaims.AsNoTracking().StaffOnly(scope);
        if (f.CouponId is { } coupon) q = q.Where(c => c.CouponId == coupon);
        if (f.Status is { } status) q = q.Where(c => c.Status == status);
        if (!string.IsNullOrWhiteSpace(f.User)) { var u = f.User.Trim(); q = q.Where(c => c.AppUser.Phone.StartsWith(u) || c.AppUser.Nickname.Contains(u)); }
        return q.WithinChinaDays(c => c.ClaimedAt, f.From, f.To).Select(c => new ClaimRow
        {
            Id = c.Id, Coupon = c.Coupon.Name, Threshold = c.Coupon.Threshold, Discount = c.Coupon.Discount, Phone = c.AppUser.Phone, Nickname = c.AppUser.Nickname,
            Method = c.Method, Status = c.Status, ClaimedAt = c.ClaimedAt, UsedAt = c.UsedAt, ValidFrom = c.Coupon.ValidFrom, ValidTo = c.Coupon.ValidTo,
            OrderNo = db.ChargingOrders.Where(o => o.Id == c.ChargingOrderId).Select(o => o.OrderNo).FirstOrDefault()
                ?? db.RechargeOrders.Where(o => o.Id == c.RechargeOrderId && c.Status == CouponClaimStatus.Used).Select(o => o.OrderNo).FirstOrDefault(),
        });
    }

    public static IEnumerable<ClaimExportRow> ExportClaims(ChargeDbContext db, AccessScope scope, ClaimFilter f) =>
        Claims(db, scope, f).OrderByDescending(c => c.Id).AsEnumerable().Select(c => new ClaimExportRow
        {
            Coupon = c.Coupon, Phone = c.Phone, Nickname = c.Nickname, Method = CouponText.Method(c.Method), Status = CouponText.Status(c.Status),
            ClaimedAt = ChinaTime.Format(c.ClaimedAt), UsedAt = ChinaTime.Format(c.UsedAt), OrderNo = c.OrderNo ?? "",
        });

    /// <summary>删除记录: only an unused copy, which goes back to the coupon's count.</summary>
    public async Task<OperationResult> DeleteClaimAsync(AccessScope scope, int id)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能管理优惠券");
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var claim = await db.CouponClaims.Include(c => c.Coupon).Include(c => c.AppUser).FirstOrDefaultAsync(c => c.Id == id);
        if (claim is null) return OperationResult.Fail("领取记录已被删除，请刷新列表");
        OperationResult result;
        if (claim.Status == CouponClaimStatus.Used) result = OperationResult.Fail("已使用的优惠券不能删除");
        else if (claim.Status == CouponClaimStatus.Reserved) result = OperationResult.Fail("该优惠券正被待支付的充值订单占用，不能删除");
        else
        {
            // Not used or reserved, checked in the same statement: a settlement or recharge taking it at this moment wins.
            var deleted = await db.CouponClaims.Where(c => c.Id == id && CouponClaimLifecycle.Deletable.Contains(c.Status))
                .ExecuteDeleteAsync();
            if (deleted == 1) await db.Coupons.Where(c => c.Id == claim.CouponId).ExecuteUpdateAsync(u => u.SetProperty(c => c.ClaimedCount, c => c.ClaimedCount - 1));
            result = deleted == 1 ? OperationResult.Ok("领取记录已删除") : OperationResult.Fail("该优惠券刚被使用，不能删除");
        }
        db.ChangeTracker.Clear();
        AuditTrail.Add(db, Now, scope.UserName, "删除领取记录", $"{claim.Coupon.Name} / {claim.AppUser.Phone}", result);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        if (result.Succeeded) live.Publish(new CouponClaimsChanged());
        return result;
    }
}
