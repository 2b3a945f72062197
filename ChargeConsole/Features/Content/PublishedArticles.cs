using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Content;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Content;

/// <summary>What the mini-program reads: live articles only, sanitised again on the way out.</summary>
public sealed partial class ArticleService
{
    private IQueryable<Article> Live(ChargeDbContext db)
    {
        var now = Now;
        return db.Articles.AsNoTracking().LiveAt(now);
    }

    /// <summary>What the mini-program may show, sanitised once more on the way out (stored HTML is never trusted).</summary>
    public async Task<Article?> LiveAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Clean(await Live(db).FirstOrDefaultAsync(a => a.Id == id, ct));
    }

    /// <summary>The newest live article of a kind (the agreement or privacy policy shown at sign-in).</summary>
    public async Task<Article?> CurrentAsync(ArticleKind kind, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Clean(await Live(db).Where(a => a.Kind == kind).OrderByDescending(a => a.PublishFrom ?? a.CreatedAt).ThenByDescending(a => a.Id).FirstOrDefaultAsync(ct));
    }

    public async Task<List<Article>> LiveListAsync(ArticleKind kind, int max, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await Live(db).Where(a => a.Kind == kind).OrderByDescending(a => a.PublishFrom ?? a.CreatedAt).ThenByDescending(a => a.Id).Take(max).ToListAsync(ct))
            .Select(a => Clean(a)!).ToList();
    }

    private Article? Clean(Article? a)
    {
        if (a is not null) a.ContentHtml = richText.Sanitize(a.ContentHtml);
        return a;
    }
}
