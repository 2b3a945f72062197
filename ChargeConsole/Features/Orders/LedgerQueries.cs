using ChargeConsole.Features.Wallets;
using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Orders;

public sealed class LedgerFilter
{
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public string? Phone { get; set; }
    public LedgerSource? Source { get; set; }
    public LedgerAccount? Account { get; set; }
    /// <summary>Income (positive) or expense (negative) only.</summary>
    public bool? Income { get; set; }
    public string? SourceNo { get; set; }
}

public sealed record LedgerRow
{
    public long Id { get; init; }
    public DateTime CreatedAt { get; init; }
    public string Phone { get; init; } = "";
    public string Nickname { get; init; } = "";
    public LedgerAccount Account { get; init; }
    public LedgerSource Source { get; init; }
    public long Amount { get; init; }
    public long BalanceAfter { get; init; }
    public string SourceNo { get; init; } = "";
    public string? Remark { get; init; }
}

public sealed class LedgerExportRow
{
    [ExcelColumnName("时间")] public string CreatedAt { get; set; } = "";
    [ExcelColumnName("手机号")] public string Phone { get; set; } = "";
    [ExcelColumnName("昵称")] public string Nickname { get; set; } = "";
    [ExcelColumnName("类型")] public string Source { get; set; } = "";
    [ExcelColumnName("账户")] public string Account { get; set; } = "";
    [ExcelColumnName("收支")] public string Amount { get; set; } = "";
    [ExcelColumnName("变动后余额")] public string BalanceAfter { get; set; } = "";
    [ExcelColumnName("关联单号")] public string SourceNo { get; set; } = "";
    [ExcelColumnName("备注")] public string Remark { get; set; } = "";
}

/// <summary>账单明细: every wallet movement (charges, recharges, refunds, adjustments, voids).</summary>
public static class LedgerQueries
{
    public static readonly RowList<LedgerFilter, LedgerRow> List = new(Query, x => x.Id);

    public static IQueryable<LedgerRow> Query(ChargeDbContext db, AccessScope scope, LedgerFilter f)
    {
        var q = db.LedgerEntries.AsNoTracking().StaffOnly(scope).WithinChinaDays(l => l.CreatedAt, f.From, f.To);
        if (f.Source is { } source) q = q.Where(l => l.Source == source);
        if (f.Account is { } account) q = q.Where(l => l.Account == account);
        if (f.Income == true) q = q.Where(l => l.Amount > 0);
        if (f.Income == false) q = q.Where(l => l.Amount < 0);
        if (!string.IsNullOrWhiteSpace(f.SourceNo)) q = q.Where(l => l.SourceNo.Contains(f.SourceNo.Trim()));
        if (!string.IsNullOrWhiteSpace(f.Phone))
        {
            var users = db.AppUsers.Where(u => u.Phone.Contains(f.Phone.Trim())).Select(u => u.Id);
            q = q.Where(l => users.Contains(l.AppUserId));
        }
        return q.Select(l => new LedgerRow
        {
            Id = l.Id, CreatedAt = l.CreatedAt, Phone = l.AppUser.Phone, Nickname = l.AppUser.Nickname, Account = l.Account, Source = l.Source,
            Amount = l.Amount, BalanceAfter = l.BalanceAfter, SourceNo = l.SourceNo, Remark = l.Remark,
        });
    }

    public static IEnumerable<LedgerExportRow> Export(ChargeDbContext db, AccessScope scope, LedgerFilter f) =>
        Query(db, scope, f).OrderByDescending(l => l.Id).AsEnumerable().Select(l => new LedgerExportRow
        {
            CreatedAt = ChinaTime.Format(l.CreatedAt), Phone = l.Phone, Nickname = l.Nickname, Source = LedgerText.Source(l.Source), Account = LedgerText.Account(l.Account),
            Amount = LedgerText.Amount(l.Account, l.Amount), BalanceAfter = LedgerText.Amount(l.Account, l.BalanceAfter).TrimStart('+'), SourceNo = l.SourceNo, Remark = l.Remark ?? "",
        });
}
