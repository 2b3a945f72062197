using ChargeConsole.Features.Content;
using System.Net.Http.Json;
using System.Text.Json;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Content;

/// <summary>电站标签: the nearby-stations API returns and filters by them; a tag in use cannot be deleted, and the message names the stations.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public class StationTagTests
{
    [Fact]
    public async Task Nearby_stations_can_be_filtered_by_a_tag_and_a_tag_in_use_is_kept()
    {
        await using var app = LiveWebApp.Start();
        var tags = app.Get<StationTagService>();
        Assert.True((await tags.SaveAsync(TestDatabase.Operator, new StationTagForm { Name = "超充", SortOrder = 0 })).Succeeded);
        Assert.Equal("标签【超充】已存在", (await tags.SaveAsync(TestDatabase.Operator, new StationTagForm { Name = "超充" })).Error);
        int tagId, stationId;
        string stationName;
        await using (var db = app.Context())
        {
            tagId = await db.StationTags.Where(t => t.Name == "超充").Select(t => t.Id).SingleAsync();
            var station = await db.Stations.Include(s => s.Tags).OrderBy(s => s.Id).FirstAsync();
            (stationId, stationName) = (station.Id, station.Name);
            station.Tags.Add(await db.StationTags.SingleAsync(t => t.Id == tagId));
            await db.SaveChangesAsync();
        }

        var http = await app.AppUserAsync("13910000000");
        var all = await http.GetFromJsonAsync<JsonElement>("/api/app/v1/stations/nearby?lat=32.04&lng=118.78&radiusKm=50");
        var tagged = await http.GetFromJsonAsync<JsonElement>($"/api/app/v1/stations/nearby?lat=32.04&lng=118.78&radiusKm=50&tagId={tagId}");
        Assert.True(all.GetArrayLength() > 1);
        Assert.Equal([stationId], tagged.EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
        Assert.Contains("超充", tagged[0].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("超充", (await http.GetFromJsonAsync<JsonElement>("/api/app/v1/stations/tags")).EnumerateArray().Select(t => t.GetProperty("name").GetString()));

        var refused = await tags.DeleteAsync(TestDatabase.Operator, tagId);
        Assert.Equal($"该标签正在被电站【{stationName}】使用，无法删除", refused.Error);
    }
}
