using ChargeConsole.Features.Piles;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ChargeConsole.Tests.Piles;

[Trait(TestKind.Name, TestKind.Fast)]
public class PileImportTests
{
    private static Dictionary<string, object> Row(string code, string station, string type = "直流", object? power = null, object? guns = null, string protocol = "1.5") => new()
    {
        ["电桩编码"] = code, ["电桩名称"] = "", ["所属电站"] = station, ["型号"] = "DC120",
        ["类型"] = type, ["功率(kW)"] = power ?? 120, ["枪数"] = guns ?? 2, ["协议版本"] = protocol,
    };

    private static MemoryStream Xlsx(IEnumerable<Dictionary<string, object>> rows)
    {
        var ms = new MemoryStream();
        ms.SaveAs(rows);
        ms.Position = 0;
        return ms;
    }

    [Fact]
    public async Task A_file_with_one_bad_row_imports_nothing_and_names_that_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddStationAsync("新街口站");
        var rows = Enumerable.Range(1, 100).Select(i => Row($"320102{i:00000000}", "新街口站")).ToList();
        rows[57] = Row("32010200000058", "不存在的站"); // sheet row 59: the header is row 1

        var result = await db.Get<PileImportService>().ImportAsync(TestDatabase.Operator, Xlsx(rows));

        var error = Assert.Single(result.Errors);
        Assert.Equal(59, error.RowNumber);
        Assert.Contains("电站【不存在的站】不存在", error.Message);
        Assert.Equal(0, result.Imported);
        await using var ctx = db.Context();
        Assert.Equal(0, await ctx.Piles.CountAsync());
    }

    [Fact]
    public async Task A_valid_file_imports_every_pile_with_its_guns()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddStationAsync("新街口站");
        var rows = Enumerable.Range(1, 20).Select(i => Row($"320102{i:00000000}", "新街口站", i % 2 == 0 ? "交流" : "直流", guns: i % 2 + 1)).ToList();

        var result = await db.Get<PileImportService>().ImportAsync(TestDatabase.Operator, Xlsx(rows));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(20, result.Imported);
        await using var ctx = db.Context();
        Assert.Equal(30, await ctx.Guns.CountAsync());
        Assert.Equal(10, await ctx.Piles.CountAsync(p => p.Type == ChargeConsole.Data.Entities.PileType.AC));
    }

    [Fact]
    public async Task Each_kind_of_bad_cell_is_reported_with_its_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddStationAsync("新街口站");
        await db.Get<PileService>().SaveAsync(TestDatabase.Operator, new PileForm { Code = "32010200000009", StationId = 1, PowerKw = 60, GunCount = 1 });
        var rows = new List<Dictionary<string, object>>
        {
            Row("3201020000001", "新街口站"),                      // row 2: 13 digits
            Row("32010200000002", "新街口站", type: "混合"),        // row 3
            Row("32010200000003", "新街口站", power: "很大"),       // row 4
            Row("32010200000004", "新街口站", guns: 9),             // row 5
            Row("32010200000002", "新街口站"),                      // row 6: duplicate of row 3
            Row("32010200000009", "新街口站"),                      // row 7: already in the console
            Row("32010200000010", "新街口站", protocol: "2.0"),     // row 8
        };

        var result = await db.Get<PileImportService>().ImportAsync(TestDatabase.Operator, Xlsx(rows));

        var byRow = result.Errors.ToDictionary(e => e.RowNumber, e => e.Message);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], byRow.Keys.Order());
        Assert.Contains("14位数字", byRow[2]);
        Assert.Contains("类型【混合】无效", byRow[3]);
        Assert.Equal("功率【很大】不是数字", byRow[4]);
        Assert.Contains("枪数必须在1到8之间", byRow[5]);
        Assert.Contains("与第 3 行重复", byRow[6]);
        Assert.Contains("已存在", byRow[7]);
        Assert.Contains("协议版本【2.0】无效", byRow[8]);
        await using var ctx = db.Context();
        Assert.Equal(1, await ctx.Piles.CountAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_xlsx_is_refused_with_a_message()
    {
        await using var db = await TestDatabase.CreateAsync();
        var result = await db.Get<PileImportService>().ImportAsync(TestDatabase.Operator, new MemoryStream("not a spreadsheet"u8.ToArray()));
        Assert.Contains("无法读取文件", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task The_downloadable_template_has_the_columns_the_import_reads()
    {
        await using var db = await TestDatabase.CreateAsync();
        var template = new MemoryStream(PileImportService.TemplateBytes());
        var header = ((IDictionary<string, object>)template.Query(useHeaderRow: true).First()).Keys;
        Assert.Equal(["电桩编码", "电桩名称", "所属电站", "型号", "类型", "功率(kW)", "枪数", "协议版本"], header);
    }
}
