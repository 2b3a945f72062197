using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Coupons;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Coupons;

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

/// <summary>优惠券列表 and its export.</summary>
public sealed partial class CouponService
{
    /// <summary>优惠券列表, each coupon's phase as of the moment the page is read.</summary>
    public RowList<CouponFilter, CouponRow> List => new((db, scope, f) => Query(db, scope, f, Now), x => x.CreatedAt);

    /// <summary>The newest 200 coupons, for the coupon choice of 领取记录's filter.</summary>
    public async Task<List<(int Id, string Name)>> ChoicesAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return (await db.Coupons.AsNoTracking().OrderByDescending(c => c.Id).Take(200).Select(c => new { c.Id, c.Name }).ToListAsync()).Select(c => (c.Id, c.Name)).ToList();
    }

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
}
