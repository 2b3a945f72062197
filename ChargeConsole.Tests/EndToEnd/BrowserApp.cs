using System.Text.RegularExpressions;
using ChargeConsole.Devices.Simulator;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChargeConsole.Tests.EndToEnd;

/// <summary>
/// The browser suite's one fixture: the console on a free port with its own SQLite file and the demo data (two days
/// of history), every demo pile a simulated pile connecting over real TCP, and Debian's Chromium driven by
/// Playwright. Each scenario gets a fresh browser context (its own cookies) through <see cref="RunAsync"/>, which
/// saves a screenshot and the page's HTML when the scenario fails.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>The screen an operator's laptop has: every scenario runs at it (issue 20, item 19).</summary>
    public const int Width = 1366, Height = 768;

    /// <summary>Generous: a loaded 2-core CI machine runs the console, its piles and the browser at once.</summary>
    public const float Timeout = 20_000;

    private IPlaywright? _playwright;
    public LiveWebApp App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Dictionary<string, SimulatedPile> Piles { get; } = [];
    public string BaseUrl { get; private set; } = "";

    public static string FailureFolder => Path.Combine(AppContext.BaseDirectory, "TestResults", "browser");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"浏览器测试需要 Debian 的 Chromium（{Chromium}）和 fonts-noto-cjk：请用 README 的测试命令 bash scripts/test.sh 运行，它会用 apt-get 安装它们。");
        App = LiveWebApp.Start(new Dictionary<string, string>
        {
            ["Demo:HistoryDays"] = "2",
            // The suite's own piles report at the standard pace; only the limit on silence is relaxed for a busy CI machine.
            ["Ykc:HeartbeatSeconds"] = "10", ["Ykc:MissedHeartbeats"] = "3", ["Ykc:GarbageTimeoutSeconds"] = "30", ["Ykc:CommandTimeoutSeconds"] = "10",
        });
        BaseUrl = App.Http().BaseAddress!.ToString().TrimEnd('/');
        // The demo history is split and rolled up in the background after the start (RevenueBackfill): the home and
        // report scenarios compare figures with the orders, so they start once it is done.
        await LiveWebApp.Eventually(async () => !await App.Get<ChargeConsole.Features.Revenue.RevenueRebuild>().NeededAsync(), "the revenue backfill done", seconds: 120);
        await using (var db = App.Context())
        {
            var piles = await db.Piles.AsNoTracking().Where(p => p.Code.StartsWith("320102")).OrderBy(p => p.Code)
                .Select(p => new { p.Code, p.GunCount, p.Type, p.PowerKw }).ToListAsync();
            foreach (var p in piles)
            {
                var pile = new SimulatedPile(new SimulatedPileOptions
                {
                    PileCode = p.Code, GunCount = p.GunCount, PileType = p.Type == Data.Entities.PileType.AC ? (byte)1 : (byte)0, PowerKw = p.PowerKw,
                    ChargingReportInterval = TimeSpan.FromSeconds(2), ReconnectDelay = TimeSpan.FromSeconds(1),
                }, "127.0.0.1", App.YkcPort);
                pile.Start();
                Piles[p.Code] = pile;
            }
        }
        await LiveWebApp.Eventually(() => Task.FromResult(Piles.Values.All(p => p.State == SimulatedPileState.Online && p.Model is not null)),
            "every demo pile online with its billing model", seconds: 60);

        Assertions.SetDefaultExpectTimeout(Timeout);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>Runs a scenario in a fresh context; on failure the page's screenshot and HTML are kept in <see cref="FailureFolder"/>.</summary>
    public async Task RunAsync(string name, Func<IPage, Task> scenario)
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = Width, Height = Height }, AcceptDownloads = true,
        });
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        try
        {
            await scenario(page);
        }
        catch (Exception e)
        {
            Directory.CreateDirectory(FailureFolder);
            var file = Path.Combine(FailureFolder, Regex.Replace(name, "[^A-Za-z0-9_-]", "_"));
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file + ".png", FullPage = true });
                await File.WriteAllTextAsync(file + ".html", await page.ContentAsync());
            }
            catch (PlaywrightException) { } // the page may be gone; the failure itself is what matters
            throw new Xunit.Sdk.XunitException($"{e.Message}\n(screenshot and HTML: {file}.png / .html)\n{e}");
        }
    }

    /// <summary>Signs in through the real form and waits for the console to be interactive.</summary>
    public static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        await WaitForCircuitAsync(page);
    }

    /// <summary>Runs a row's action as an operator does: a link in its 操作 cell, or an entry under its 更多 menu.</summary>
    public static async Task RowActionAsync(ILocator row, string name)
    {
        var link = row.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
        if (await link.CountAsync() > 0)
        {
            await link.ClickAsync();
            return;
        }
        await row.GetByTestId("row-more").GetByRole(AriaRole.Button).First.ClickAsync();
        await row.Page.Locator(".mud-popover-open .mud-menu-item", new() { HasText = name }).First.ClickAsync();
    }

    /// <summary>
    /// Clicks a button that opens a dialog and returns the dialog. A row on a live page can be re-rendered under the
    /// pointer (a wallet or order changed elsewhere) and the click lost: then it clicks again, never while a dialog opened.
    /// </summary>
    public static async Task<ILocator> OpenDialogAsync(ILocator button)
    {
        var dialogs = button.Page.GetByRole(AriaRole.Dialog);
        var before = await dialogs.CountAsync();
        for (var attempt = 1; ; attempt++)
        {
            await button.ClickAsync();
            try
            {
                await Assertions.Expect(dialogs).ToHaveCountAsync(before + 1, new() { Timeout = 8_000 });
                return dialogs.Last;
            }
            catch (PlaywrightException) when (attempt < 3) { }
            if (await dialogs.CountAsync() != before) return dialogs.Last; // it opened just now
        }
    }

    /// <summary>
    /// Picks a file in a Blazor file input once Blazor has wired it up: it does so after rendering the input (its
    /// InputFile.init marks the element), and a file picked in the instant a dialog opens, before that, is never read.
    /// </summary>
    public static async Task PickFileAsync(ILocator input, FilePayload file)
    {
        var element = await input.ElementHandleAsync();
        await input.Page.WaitForFunctionAsync("e => e._blazorInputFileNextFileId !== undefined", element);
        await element.SetInputFilesAsync(file);
    }

    /// <summary>The entries under a row's 更多 menu, read by opening it (and closing it again).</summary>
    public static async Task<string> MoreMenuTextAsync(ILocator row)
    {
        await row.GetByTestId("row-more").GetByRole(AriaRole.Button).First.ClickAsync();
        var menu = row.Page.Locator(".mud-popover-open .mud-menu-list").First;
        var text = await menu.InnerTextAsync();
        await row.Page.Keyboard.PressAsync("Escape");
        return text;
    }

    /// <summary>Types into a list page's filter field and runs the query, as an operator does.</summary>
    public static async Task FilterAsync(IPage page, string label, string value)
    {
        var field = page.GetByLabel(label);
        await field.FillAsync(value);
        await field.BlurAsync(); // the field's value reaches the server on change
        await SearchAsync(page);
    }

    /// <summary>
    /// Clicks 查询 and waits for the grid's rows to be reloaded: a click on a row still on the screen from before would
    /// land on a button the next render replaces, and be lost.
    /// </summary>
    public static async Task SearchAsync(IPage page)
    {
        var grid = page.Locator(".mud-table[data-loads]").First;
        var before = int.Parse(await grid.GetAttributeAsync("data-loads") ?? "0");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await page.WaitForFunctionAsync("n => Number(document.querySelector('.mud-table[data-loads]')?.dataset.loads) > n", before);
    }

    /// <summary>Blazor Server pages take input once their circuit renders them (the header says so; prerendered HTML does not).</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator(".mud-appbar[data-interactive=true]").WaitForAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await Task.WhenAll(Piles.Values.Select(p => p.StopAsync()));
        if (App is not null) await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
