using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Content;

public sealed partial class ArticleService
{
    public async Task<OperationResult> DeleteAsync(AccessScope scope, int id)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能管理协议公告");
        await using var db = await dbFactory.CreateDbContextAsync();
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id);
        if (article is null) return OperationResult.Fail("该内容已被删除，请刷新列表");
        db.Articles.Remove(article);
        var result = OperationResult.Ok("已删除");
        AuditTrail.Add(db, Now, scope.UserName, "删除协议公告", article.Title, result);
        await db.SaveChangesAsync();
        return result;
    }
}
