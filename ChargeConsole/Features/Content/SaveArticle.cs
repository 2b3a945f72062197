using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Content;

public sealed class ArticleForm
{
    public int? Id { get; set; }
    public ArticleKind Kind { get; set; } = ArticleKind.Notice;
    public string Title { get; set; } = "";
    public string ContentHtml { get; set; } = "";
    public PublishStatus Status { get; set; } = PublishStatus.Draft;
    /// <summary>China time; empty: from now / without end.</summary>
    public DateTime? PublishFrom { get; set; }
    public DateTime? PublishTo { get; set; }
}

public sealed class ArticleFormValidator : AbstractValidator<ArticleForm>
{
    public ArticleFormValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("请输入标题").MaximumLength(100).WithMessage("标题不能超过 100 个字");
        RuleFor(x => x.ContentHtml).NotEmpty().WithMessage("请输入正文").MaximumLength(50_000).WithMessage("正文过长（不超过 50,000 个字符）");
        RuleFor(x => x.PublishTo).GreaterThan(x => x.PublishFrom).WithMessage("下线时间必须晚于上线时间").When(x => x.PublishFrom is not null && x.PublishTo is not null);
    }
}

/// <summary>新增/编辑文章: the HTML is sanitised before it is stored.</summary>
public sealed partial class ArticleService
{
    public async Task<ArticleForm?> GetAsync(int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var a = await db.Articles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        return a is null ? null : new ArticleForm
        {
            Id = a.Id, Kind = a.Kind, Title = a.Title, ContentHtml = a.ContentHtml, Status = a.Status,
            PublishFrom = ChinaTime.ToChina(a.PublishFrom), PublishTo = ChinaTime.ToChina(a.PublishTo),
        };
    }

    private static readonly StaffEditTerms<Article> Terms = new("协议公告", "投资人账号不能管理协议公告", "该内容已被删除，请刷新列表", a => $"{ContentText.Kind(a.Kind)}：{a.Title}");

    public async Task<OperationResult> SaveAsync(AccessScope scope, ArticleForm form)
    {
        var now = Now;
        return await StaffEdit.SaveAsync(dbFactory, scope, now, form, validator, form.Id, Terms, () => new Article { CreatedAt = now }, (_, article) =>
        {
            var html = richText.Sanitize(form.ContentHtml);
            if (string.IsNullOrWhiteSpace(html)) return Task.FromResult(OperationResult.Fail("正文在去除不安全的内容后为空"));
            if (form.Id is not null) article.UpdatedAt = now;
            (article.Kind, article.Title, article.ContentHtml, article.Status) = (form.Kind, form.Title.Trim(), html, form.Status);
            (article.PublishFrom, article.PublishTo) = (ChinaTime.ToUtc(form.PublishFrom), ChinaTime.ToUtc(form.PublishTo));
            return Task.FromResult(OperationResult.Ok(html.Length < form.ContentHtml.Length ? "已保存（正文中不安全的脚本或链接已被去除）" : "已保存"));
        });
    }
}
