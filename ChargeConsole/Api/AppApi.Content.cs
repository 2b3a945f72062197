using ChargeConsole.Data.Entities;
using ChargeConsole.Features.Content;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChargeConsole.Api;

/// <summary>协议公告 for the mini-program: open without sign-in (the agreement is shown before it). Only live items, sanitised again on the way out.</summary>
public static partial class AppApi
{
    private static void MapContent(RouteGroupBuilder api)
    {
        api.MapGet("/content/agreements/{kind}", AgreementAsync).WithSummary("用户协议（user）或隐私政策（privacy）：当前生效的一份").AllowAnonymous();
        api.MapGet("/content/notices", NoticesAsync).WithSummary("公告列表（已发布且在上线时间内）").AllowAnonymous();
        api.MapGet("/content/articles/{id:int}", ArticleAsync).WithSummary("一篇协议或公告").AllowAnonymous();
        api.MapGet("/content/banners", BannersAsync).WithSummary("首页轮播（已发布且在上线时间内，按排序）").AllowAnonymous();
    }

    private static async Task<Results<Ok<ArticleView>, ProblemHttpResult>> AgreementAsync(string kind, ArticleService articles, CancellationToken ct)
    {
        ArticleKind? which = kind switch { "user" => ArticleKind.Agreement, "privacy" => ArticleKind.Privacy, _ => null };
        if (which is null) return Problem(StatusCodes.Status404NotFound, "只有 user（用户协议）和 privacy（隐私政策）");
        return await articles.CurrentAsync(which.Value, ct) is { } a ? TypedResults.Ok(ArticleViewOf(a)) : Problem(StatusCodes.Status404NotFound, "暂无生效的协议");
    }

    private static async Task<Ok<List<ArticleView>>> NoticesAsync(ArticleService articles, CancellationToken ct) =>
        TypedResults.Ok((await articles.LiveListAsync(ArticleKind.Notice, 50, ct)).Select(ArticleViewOf).ToList());

    private static async Task<Results<Ok<ArticleView>, ProblemHttpResult>> ArticleAsync(int id, ArticleService articles, CancellationToken ct) =>
        await articles.LiveAsync(id, ct) is { } a ? TypedResults.Ok(ArticleViewOf(a)) : Problem(StatusCodes.Status404NotFound, "内容不存在或未发布");

    private static async Task<Ok<List<BannerView>>> BannersAsync(BannerService banners, CancellationToken ct) =>
        TypedResults.Ok((await banners.LiveAsync(ct)).Select(b => new BannerView(b.Id, b.Title, $"/media/{b.ImagePath}", $"/media/{b.ImagePath}?thumb=1", b.LinkUrl)).ToList());

    private static ArticleView ArticleViewOf(Article a) => new(a.Id, a.Kind, ContentText.Kind(a.Kind), a.Title, a.ContentHtml, a.PublishFrom ?? a.CreatedAt);
}
