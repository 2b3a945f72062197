using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChargeConsole.Data.Entities;
using ChargeConsole.Features.Content;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Api;

/// <summary>协议公告 as the mini-program receives them: only live items, never a script.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public class ContentApiTests
{
    [Fact]
    public async Task A_notice_with_a_script_is_served_without_it_and_only_live_items_are_served()
    {
        await using var app = LiveWebApp.Start();
        var articles = app.Get<ArticleService>();
        var china = DateTime.UtcNow.AddHours(8);
        async Task<int> SaveAsync(ArticleKind kind, string title, string html, PublishStatus status, DateTime? from = null, DateTime? to = null)
        {
            var saved = await articles.SaveAsync(TestDatabase.Operator, new ArticleForm { Kind = kind, Title = title, ContentHtml = html, Status = status, PublishFrom = from, PublishTo = to });
            Assert.True(saved.Succeeded, saved.Error);
            await using var db = app.Context();
            return await db.Articles.Where(a => a.Title == title).Select(a => a.Id).SingleAsync();
        }

        var notice = await SaveAsync(ArticleKind.Notice, "停电通知", "<p onclick=\"steal()\">明日检修</p><script>alert(1)</script><a href=\"javascript:alert(2)\">详情</a>", PublishStatus.Published);
        await SaveAsync(ArticleKind.Notice, "草稿通知", "<p>未发布</p>", PublishStatus.Draft);
        await SaveAsync(ArticleKind.Notice, "将来的通知", "<p>明天才上线</p>", PublishStatus.Published, from: china.AddDays(1));
        await SaveAsync(ArticleKind.Notice, "过期的通知", "<p>已下线</p>", PublishStatus.Published, from: china.AddDays(-3), to: china.AddDays(-1));
        await SaveAsync(ArticleKind.Agreement, "用户协议 v1", "<p>旧协议</p>", PublishStatus.Published, from: china.AddDays(-10));
        await SaveAsync(ArticleKind.Agreement, "用户协议 v2", "<p>新协议</p>", PublishStatus.Published, from: china.AddDays(-1));

        // Stored HTML that bypassed the save (an old row, a database edit) is still cleaned on the way out.
        await using (var db = app.Context())
            await db.Articles.Where(a => a.Id == notice).ExecuteUpdateAsync(u => u.SetProperty(a => a.ContentHtml, a => a.ContentHtml + "<img src=x onerror=alert(3)>"));

        var http = app.Http(); // no sign-in: the agreement is shown before it
        var notices = await http.GetFromJsonAsync<JsonElement>("/api/app/v1/content/notices");
        Assert.Equal(["停电通知"], notices.EnumerateArray().Select(n => n.GetProperty("title").GetString()));
        var html = notices[0].GetProperty("html").GetString()!;
        Assert.Equal("<p>明日检修</p><a>详情</a><img>", html); // and an image not from the console's own uploads loses its source
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/app/v1/content/articles/{notice + 1}")).StatusCode); // the draft
        var agreement = await http.GetFromJsonAsync<JsonElement>("/api/app/v1/content/agreements/user");
        Assert.Equal(("用户协议 v2", "<p>新协议</p>"), (agreement.GetProperty("title").GetString(), agreement.GetProperty("html").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/app/v1/content/agreements/privacy")).StatusCode);
    }

    [Fact]
    public async Task Only_published_banners_inside_their_window_are_served_in_order_with_their_images()
    {
        await using var app = LiveWebApp.Start();
        var banners = app.Get<BannerService>();
        var (key, _) = await app.Get<ChargeConsole.Infrastructure.Files.ImageUploads>().SaveAsync("banners", Png(), default);
        var china = DateTime.UtcNow.AddHours(8);
        async Task SaveAsync(string title, int sort, PublishStatus status, DateTime? from = null, DateTime? to = null, string? link = null)
        {
            var saved = await banners.SaveAsync(TestDatabase.Operator, new BannerForm { Title = title, ImagePath = key, SortOrder = sort, Status = status, PublishFrom = from, PublishTo = to, LinkUrl = link });
            Assert.True(saved.Succeeded, saved.Error);
        }
        await SaveAsync("第二", 2, PublishStatus.Published, link: "article:12");
        await SaveAsync("第一", 1, PublishStatus.Published, link: "/pages/station/detail?id=3");
        await SaveAsync("草稿", 0, PublishStatus.Draft);
        await SaveAsync("已下线", 0, PublishStatus.Withdrawn);
        await SaveAsync("还没到", 0, PublishStatus.Published, from: china.AddDays(1));
        await SaveAsync("已过期", 0, PublishStatus.Published, from: china.AddDays(-2), to: china.AddDays(-1));
        var badLink = await banners.SaveAsync(TestDatabase.Operator, new BannerForm { Title = "坏链接", ImagePath = key, LinkUrl = "javascript:alert(1)" });
        Assert.False(badLink.Succeeded);

        var http = app.Http();
        var live = await http.GetFromJsonAsync<JsonElement>("/api/app/v1/content/banners");
        Assert.Equal(["第一", "第二"], live.EnumerateArray().Select(b => b.GetProperty("title").GetString()));
        Assert.Equal("/pages/station/detail?id=3", live[0].GetProperty("link").GetString());
        var image = await http.GetAsync(live[0].GetProperty("thumbnailUrl").GetString());
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
    }

    private static byte[] Png()
    {
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgba32>(750, 300);
        using var stream = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, stream);
        return stream.ToArray();
    }
}
