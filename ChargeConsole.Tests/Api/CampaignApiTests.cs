using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChargeConsole.Data.Entities;
using ChargeConsole.Features.Content;
using ChargeConsole.Tests.Support;

namespace ChargeConsole.Tests.Api;

/// <summary>活动管理 as the mini-program asks: what a placement shows a user, as often as each campaign's frequency allows.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public class CampaignApiTests
{
    [Fact]
    public async Task A_placement_shows_each_campaign_as_often_as_its_frequency_allows_and_only_while_live()
    {
        await using var app = LiveWebApp.Start();
        var campaigns = app.Get<CampaignService>();
        async Task SaveAsync(string title, CampaignFrequency frequency, PublishStatus status = PublishStatus.Published, CampaignPlacement placement = CampaignPlacement.HomePopup)
        {
            var saved = await campaigns.SaveAsync(TestDatabase.Operator, new CampaignForm
            {
                Title = title, Frequency = frequency, Status = status, Placement = placement, ContentHtml = "<p onmouseover=\"x()\">充值送券</p><script>bad()</script>",
            });
            Assert.True(saved.Succeeded, saved.Error);
        }
        await SaveAsync("一次", CampaignFrequency.Once);
        await SaveAsync("每天", CampaignFrequency.Daily);
        await SaveAsync("每次", CampaignFrequency.EveryVisit);
        await SaveAsync("草稿", CampaignFrequency.EveryVisit, PublishStatus.Draft);
        await SaveAsync("电站页", CampaignFrequency.EveryVisit, placement: CampaignPlacement.StationPage);
        var user = await app.AppUserAsync("13910000000");
        async Task<string[]> ShownAsync() =>
            (await user.GetFromJsonAsync<JsonElement>("/api/app/v1/campaigns?placement=HomePopup")).EnumerateArray().Select(c => c.GetProperty("title").GetString()!).OrderBy(t => t).ToArray();

        var first = await user.GetFromJsonAsync<JsonElement>("/api/app/v1/campaigns?placement=HomePopup");
        Assert.Equal(["一次", "每天", "每次"], first.EnumerateArray().Select(c => c.GetProperty("title").GetString()!).OrderBy(t => t));
        Assert.All(first.EnumerateArray(), c => Assert.Equal("<p>充值送券</p>", c.GetProperty("html").GetString()));
        Assert.Equal(["每次"], await ShownAsync()); // the same day: once and daily have been seen

        // Another user sees them all; and a bad placement is refused in Chinese.
        var other = await app.AppUserAsync("13910000037");
        Assert.Equal(3, (await other.GetFromJsonAsync<JsonElement>("/api/app/v1/campaigns?placement=homepopup")).GetArrayLength());
        var bad = await other.GetAsync("/api/app/v1/campaigns?placement=Nowhere");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("placement 须为", await bad.Content.ReadAsStringAsync());
    }
}
