using ChargeConsole.Tests.Support;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace ChargeConsole.Tests.EndToEnd;

/// <summary>电桩管理 as an operator uses it.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestKind.Name, TestKind.Browser)]
public class PileScenarios(BrowserApp app)
{
    [Fact]
    public Task Five_piles_added_in_one_batch_appear_in_the_list() =>
        app.RunAsync("piles_batch", async page =>
        {
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/piles");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "批量新增" }).ClickAsync();

            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("编码前缀").FillAsync("32010288");
            await dialog.GetByLabel("起始序号").FillAsync("1");
            await dialog.GetByLabel("数量").FillAsync("5");
            await Expect(dialog).ToContainTextAsync("将新增 5 台：32010288000001 ~ 32010288000005");
            await dialog.Locator(".mud-select").Filter(new() { HasText = "所属电站" }).First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "南京新街口充电站" }).ClickAsync();
            await dialog.GetByLabel("功率(kW)").FillAsync("60");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "批量新增" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            await BrowserApp.FilterAsync(page, "电桩编码/名称", "32010288");
            await Expect(page.Locator(".mud-table-body tr", new() { HasText = "32010288" })).ToHaveCountAsync(5);
            await Expect(page.Locator(".mud-table-body")).ToContainTextAsync("32010288000005");
        });

    [Fact]
    public Task A_pile_added_in_the_form_appears_with_its_guns_and_a_bad_code_is_refused_in_chinese() =>
        app.RunAsync("piles_add", async page =>
        {
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/piles");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "新增", Exact = true }).ClickAsync();

            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("电桩编码").FillAsync("3201");
            await dialog.GetByLabel("电桩名称").FillAsync("东门快充1号");
            await dialog.Locator(".mud-select").Filter(new() { HasText = "所属电站" }).First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "南京新街口充电站" }).ClickAsync();
            await dialog.GetByLabel("型号").FillAsync("DC120");
            await dialog.GetByLabel("功率(kW)").FillAsync("120");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(dialog).ToContainTextAsync("电桩编码必须是14位数字");

            await dialog.GetByLabel("电桩编码").FillAsync("32010277000001");
            await dialog.GetByLabel("电桩编码").BlurAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            await BrowserApp.FilterAsync(page, "电桩编码/名称", "32010277000001");
            var row = page.Locator(".mud-table-body tr", new() { HasText = "32010277000001" });
            await Expect(row).ToContainTextAsync("东门快充1号");
            await Expect(row).ToContainTextAsync("南京新街口充电站");
            await Expect(row).ToContainTextAsync("离线");

            await page.GotoAsync("/guns");
            await BrowserApp.WaitForCircuitAsync(page);
            await BrowserApp.FilterAsync(page, "电桩编码", "32010277000001");
            await Expect(page.Locator(".mud-table-body tr", new() { HasText = "3201027700000101" })).ToHaveCountAsync(1);
        });

    [Fact]
    public Task An_xlsx_with_one_bad_row_imports_nothing_and_shows_that_row_then_the_corrected_file_imports() =>
        app.RunAsync("piles_import", async page =>
        {
            static byte[] Xlsx(string secondStation)
            {
                var rows = new[] { "南京新街口充电站", secondStation, "南京新街口充电站" }.Select((station, i) => new Dictionary<string, object>
                {
                    ["电桩编码"] = $"3201026600000{i + 1}", ["电桩名称"] = "", ["所属电站"] = station, ["型号"] = "AC7",
                    ["类型"] = "交流", ["功率(kW)"] = 7, ["枪数"] = 1, ["协议版本"] = "1.6",
                });
                using var ms = new MemoryStream();
                ms.SaveAs(rows);
                return ms.ToArray();
            }
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/piles");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            var input = dialog.Locator("input[type=file]");

            await BrowserApp.PickFileAsync(input, new FilePayload { Name = "电桩.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = Xlsx("不存在的电站") });
            await Expect(dialog).ToContainTextAsync("1 行有误，未导入任何数据");
            await Expect(dialog.Locator("tbody tr td").First).ToHaveTextAsync("3"); // the sheet's row: the header is row 1
            await Expect(dialog.Locator("tbody tr td").Nth(1)).ToContainTextAsync("电站【不存在的电站】不存在");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "关闭" }).ClickAsync();
            await BrowserApp.FilterAsync(page, "电桩编码/名称", "32010266");
            await Expect(page.Locator(".mud-table-body")).ToContainTextAsync("暂无数据");

            await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
            await BrowserApp.PickFileAsync(dialog.Locator("input[type=file]"), new FilePayload { Name = "电桩.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = Xlsx("南京新街口充电站") });
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("成功导入 3 台电桩");
            await BrowserApp.SearchAsync(page);
            await Expect(page.Locator(".mud-table-body tr", new() { HasText = "32010266" })).ToHaveCountAsync(3);
        });

    [Fact]
    public Task The_exported_file_holds_the_rows_the_grid_shows() =>
        app.RunAsync("piles_export", async page =>
        {
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/piles");
            await BrowserApp.WaitForCircuitAsync(page);
            await BrowserApp.FilterAsync(page, "电桩编码/名称", "3201020000000");
            var rows = page.Locator(".mud-table-body tr");
            await Expect(rows.First).ToContainTextAsync("3201020000000");
            var shown = (await rows.Locator("td:first-child").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
            Assert.NotEmpty(shown);

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "导出" }).ClickAsync());
            Assert.EndsWith(".xlsx", download.SuggestedFilename);
            var path = await download.PathAsync();
            var exported = MiniExcel.Query(path, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();

            Assert.Equal(shown.Order(), exported.Select(r => r["电桩编码"]?.ToString()).Order());
            Assert.All(exported, r => Assert.Equal("南京新街口充电站", r["所属电站"]?.ToString()));
        });

    [Fact]
    public Task An_OCPP_pile_s_configuration_is_read_and_set_its_password_checked_and_its_gun_read_and_reserved() =>
        app.RunAsync("piles_ocpp", async page =>
        {
            const string code = "32010300000001"; // the demo's OCPP station
            await using var chargePoint = new ChargeConsole.Devices.Simulator.SimulatedChargePoint(
                new() { PileCode = code, ReconnectDelay = TimeSpan.FromSeconds(1) }, new Uri(app.BaseUrl.Replace("http://", "ws://") + "/"));
            chargePoint.Start();
            await LiveWebApp.Eventually(() => Task.FromResult(chargePoint.Online), "the OCPP pile online");

            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/piles");
            await BrowserApp.WaitForCircuitAsync(page);
            await BrowserApp.FilterAsync(page, "电桩编码/名称", code);
            var row = page.Locator(".mud-table-body tr", new() { HasText = code });
            await Expect(row).ToContainTextAsync("OCPP 1.6J");
            await Expect(row).ToContainTextAsync("在线");

            await row.GetByRole(AriaRole.Button, new() { Name = "远程操作" }).ClickAsync();
            await page.Locator(".mud-popover-open .mud-menu-item, .mud-popover-open .mud-list-item").Filter(new() { HasText = "配置项" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync("NumberOfConnectors");
            await Expect(dialog.Locator("tr", new() { HasText = "NumberOfConnectors" })).ToContainTextAsync("只读");
            var heartbeat = dialog.Locator("tr", new() { HasText = "HeartbeatInterval" });
            await heartbeat.Locator("input").FillAsync("90");
            await heartbeat.Locator("input").BlurAsync();
            await heartbeat.GetByRole(AriaRole.Button, new() { Name = "下发" }).ClickAsync();
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("配置项 HeartbeatInterval 已设为 90");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "关闭" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            // 固件与诊断: a bad address is refused in Chinese; a good one is sent, and the pile's progress shows.
            await row.GetByRole(AriaRole.Button, new() { Name = "远程操作" }).ClickAsync();
            await page.Locator(".mud-popover-open .mud-menu-item, .mud-popover-open .mud-list-item").Filter(new() { HasText = "固件与诊断" }).ClickAsync();
            await dialog.GetByLabel("固件地址").FillAsync("file:///etc/passwd");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "下发升级" }).ClickAsync();
            await Expect(dialog).ToContainTextAsync("文件地址须为 http、https、ftp、ftps 或 sftp 开头的完整地址");
            await dialog.GetByLabel("固件地址").FillAsync("https://firmware.example.com/dc60-2.0.bin");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "下发升级" }).ClickAsync();
            await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("电桩已接受升级指令");
            await LiveWebApp.Eventually(async () =>
            {
                await dialog.GetByRole(AriaRole.Button, new() { Name = "刷新进度" }).ClickAsync();
                return (await dialog.TextContentAsync() ?? "").Contains("已安装");
            }, "固件升级进度 已安装");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "关闭" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            // The pile form asks for a password of 16 to 40 characters.
            await row.GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
            await dialog.GetByLabel("OCPP 接入密码").FillAsync("short");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(dialog).ToContainTextAsync("接入密码须为16到40位");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();

            // 实时数据 of an OCPP gun: TriggerMessage, and the MeterValues that follows.
            await page.GotoAsync("/guns");
            await BrowserApp.WaitForCircuitAsync(page);
            await BrowserApp.FilterAsync(page, "电桩编码", code);
            var gun = page.Locator(".mud-table-body tr", new() { HasText = code + "01" });
            await gun.GetByRole(AriaRole.Button, new() { Name = "实时数据" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("电压 380.0V");
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "关闭" }).ClickAsync();

            // 预约锁定 holds the gun for a demo card (ReserveNow); the pile then reports it Reserved; 取消预约 lets it go.
            await gun.GetByRole(AriaRole.Button, new() { Name = "预约锁定" }).ClickAsync();
            var reserve = page.GetByRole(AriaRole.Dialog);
            await reserve.GetByLabel("卡号").FillAsync("D14B000000000001");
            await reserve.GetByRole(AriaRole.Button, new() { Name = "预约", Exact = true }).ClickAsync();
            await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("已为卡号 D14B000000000001 预约锁定至");
            // The status column (not the button of the same name): the pile's StatusNotification Reserved, shown live.
            await Expect(gun.Locator(".mud-chip")).ToHaveTextAsync("预约锁定");
            await Expect(gun).ToContainTextAsync("卡号 D14B000000000001，至");
            await gun.GetByRole(AriaRole.Button, new() { Name = "取消预约" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "取消预约" }).ClickAsync();
            await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("电桩已取消预约");
        });
}
