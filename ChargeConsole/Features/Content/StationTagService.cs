using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Content;

public sealed class StationTagFilter
{
    public string? Name { get; set; }
}

/// <summary>Init properties, not a positional record: the grid sorts on them in the database.</summary>
public sealed record StationTagRow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public int SortOrder { get; init; }
    public int Stations { get; init; }
}

public sealed class StationTagExportRow
{
    [ExcelColumnName("标签")] public string Name { get; set; } = "";
    [ExcelColumnName("排序")] public int SortOrder { get; set; }
    [ExcelColumnName("使用电站数")] public int Stations { get; set; }
}

public sealed class StationTagForm
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}

public sealed class StationTagFormValidator : AbstractValidator<StationTagForm>
{
    public StationTagFormValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入标签名称").MaximumLength(10).WithMessage("标签不能超过 10 个字");
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 9999).WithMessage("排序必须在 0 到 9999 之间");
    }
}

/// <summary>电站标签: what the mini-program shows on a station and filters by. A tag in use is kept (the message names who uses it).</summary>
public sealed class StationTagService(IDbContextFactory<ChargeDbContext> dbFactory, IValidator<StationTagForm> validator, TimeProvider clock)
{
    public static readonly RowList<StationTagFilter, StationTagRow> List = new(Query, x => x.SortOrder, Descending: false);

    public static IQueryable<StationTagRow> Query(ChargeDbContext db, AccessScope scope, StationTagFilter f)
    {
        var q = db.StationTags.AsNoTracking().StaffOnly(scope);
        if (!string.IsNullOrWhiteSpace(f.Name)) { var name = f.Name.Trim(); q = q.Where(t => t.Name.Contains(name)); }
        return q.Select(t => new StationTagRow { Id = t.Id, Name = t.Name, SortOrder = t.SortOrder, Stations = t.Stations.Count });
    }

    public static IEnumerable<StationTagExportRow> Export(ChargeDbContext db, AccessScope scope, StationTagFilter f) =>
        Query(db, scope, f).OrderBy(t => t.SortOrder).ThenBy(t => t.Name).AsEnumerable()
            .Select(t => new StationTagExportRow { Name = t.Name, SortOrder = t.SortOrder, Stations = t.Stations });

    public async Task<List<StationTag>> AllAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StationTags.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(ct);
    }

    private static readonly StaffEditTerms<StationTag> Terms = new("电站标签", "投资人账号不能管理电站标签", "该标签已被删除，请刷新列表", t => t.Name);

    public async Task<OperationResult> SaveAsync(AccessScope scope, StationTagForm form)
    {
        return await StaffEdit.SaveAsync(dbFactory, scope, clock.GetUtcNow().UtcDateTime, form, validator, form.Id, Terms, () => new StationTag(), async (db, tag) =>
        {
            var name = form.Name.Trim();
            if (await db.StationTags.AnyAsync(t => t.Name == name && t.Id != tag.Id)) return OperationResult.Fail($"标签【{name}】已存在");
            (tag.Name, tag.SortOrder) = (name, form.SortOrder);
            return OperationResult.Ok("标签已保存");
        });
    }

    public async Task<OperationResult> DeleteAsync(AccessScope scope, int id)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能管理电站标签");
        await using var db = await dbFactory.CreateDbContextAsync();
        var tag = await db.StationTags.FirstOrDefaultAsync(t => t.Id == id);
        if (tag is null) return OperationResult.Fail("该标签已被删除，请刷新列表");
        var users = await db.Stations.Where(s => s.Tags.Any(t => t.Id == id)).OrderBy(s => s.Name).Select(s => s.Name).ToListAsync();
        OperationResult result;
        if (users.Count > 0)
            result = OperationResult.Fail($"该标签正在被电站【{string.Join("、", users.Take(5))}】{(users.Count > 5 ? $"等 {users.Count} 个电站" : "")}使用，无法删除");
        else
        {
            db.StationTags.Remove(tag);
            result = OperationResult.Ok("标签已删除");
        }
        AuditTrail.Add(db, clock.GetUtcNow().UtcDateTime, scope.UserName, "删除电站标签", tag.Name, result);
        await db.SaveChangesAsync();
        return result;
    }
}
