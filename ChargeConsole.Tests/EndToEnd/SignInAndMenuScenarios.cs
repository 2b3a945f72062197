using ChargeConsole.Tests.Support;
using ChargeConsole.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChargeConsole.Tests.EndToEnd;

/// <summary>Signing in and out as each role, and every menu entry each role may open.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestKind.Name, TestKind.Browser)]
public class SignInAndMenuScenarios(BrowserApp app)
{
    private static readonly string[] StaffPages = ["/users", "/vehicles", "/recharge-orders", "/refunds", "/recharge-packages", "/withdrawals", "/wallets", "/ledger", "/invoices", "/coupons", "/coupon-claims", "/station-tags", "/articles", "/banners", "/campaigns", "/marketing/activities", "/marketing/packages", "/electricity-prices", "/billing-templates", "/billing-sync-logs", "/audit"];
    private static readonly string[] SharedPages = [
        "/", "/orders", "/stations", "/piles", "/guns",
        "/reports/monthly", "/reports/investor-revenue", "/reports/charging", "/reports/revenue-charts", "/reports/station-shares",
    ];

    [Theory]
    [InlineData("admin", "admin12345")]
    [InlineData("operator", "operator123")]
    [InlineData("investor1", "investor123")]
    public Task Each_role_signs_in_sees_its_name_and_signs_out(string user, string password) =>
        app.RunAsync($"signin_{user}", async page =>
        {
            await BrowserApp.SignInAsync(page, user, password);
            await Expect(page.Locator(".mud-appbar")).ToContainTextAsync("充电运营管理平台");
            await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(user); // who is signed in, in the header
            await page.GetByLabel("账号菜单").ClickAsync();
            await page.GetByText("退出登录").ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/login"));
            await page.GotoAsync("/orders");
            await page.WaitForURLAsync(url => url.Contains("/login")); // signed out: the console asks again
        });

    [Fact]
    public Task A_user_changes_their_own_password_and_signs_in_with_the_new_one() =>
        app.RunAsync("change_password", async page =>
        {
            await CreateOperatorAsync("pwtest", "pwtest-old1");
            await BrowserApp.SignInAsync(page, "pwtest", "pwtest-old1");
            await page.GetByLabel("账号菜单").ClickAsync();
            await page.GetByText("修改密码").ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/account/password"));

            await page.FillAsync("#current", "not-my-password");
            await page.FillAsync("#new", "pwtest-new1");
            await page.FillAsync("#confirm", "pwtest-new1");
            await page.ClickAsync("button[type=submit]");
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("当前密码不正确");

            await page.FillAsync("#current", "pwtest-old1");
            await page.FillAsync("#new", "pwtest-new1");
            await page.FillAsync("#confirm", "pwtest-new1");
            await page.ClickAsync("button[type=submit]");
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("密码已修改");

            await page.Context.ClearCookiesAsync();
            await BrowserApp.SignInAsync(page, "pwtest", "pwtest-new1");
            await Expect(page.GetByTestId("current-user")).ToHaveTextAsync("pwtest");
        });

    private async Task CreateOperatorAsync(string name, string password)
    {
        using var scope = app.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        Assert.True((await users.CreateAsync(new ConsoleUser { UserName = name, DisplayName = name, CreatedAt = DateTime.UtcNow }, password)).Succeeded);
        await users.AddToRoleAsync((await users.FindByNameAsync(name))!, Roles.Operator);
    }

    [Fact]
    public Task Wrong_passwords_get_a_plain_message_and_the_sixth_try_from_that_address_waits_without_naming_the_account() =>
        app.RunAsync("signin_lockout", async page =>
        {
            await CreateOperatorAsync("locktest", "locktest123");
            for (var i = 0; i < 5; i++)
            {
                await page.GotoAsync("/login");
                await page.FillAsync("#username", "locktest");
                await page.FillAsync("#password", "wrong-password");
                await page.ClickAsync("button[type=submit]");
                await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("账号或密码错误");
            }
            await page.FillAsync("#username", "locktest");
            await page.FillAsync("#password", "locktest123");
            await page.ClickAsync("button[type=submit]");
            // This address has had its tries for this account; it waits, told nothing about the account itself.
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(ChargeConsole.Features.Auth.LoginPage.TooManyTries);
            Assert.Contains("/login", page.Url);
        });

    [Theory]
    [InlineData("admin", "admin12345")]
    [InlineData("operator", "operator123")]
    public Task Staff_open_every_menu_entry_and_see_rows_without_errors(string user, string password) =>
        app.RunAsync($"menu_{user}", async page =>
        {
            await BrowserApp.SignInAsync(page, user, password);
            var pages = SharedPages.Concat(StaffPages).Concat(user == "admin" ? ["/admin/accounts"] : []);
            // A fresh demo has pushed no template and nobody has acted yet: the sync log and the audit log may start empty.
            foreach (var path in pages)
                await OpensCleanlyAsync(page, path, expectRows: path is not ("/" or "/billing-sync-logs" or "/audit" or "/refunds" or "/withdrawals" or "/invoices" or "/coupons" or "/coupon-claims" or "/articles" or "/banners" or "/campaigns" or "/marketing/activities" or "/marketing/packages"), sortEveryColumn: user == "admin");
        });

    [Fact]
    public Task An_investor_sees_only_their_stations_no_phone_numbers_and_is_turned_away_from_staff_pages() =>
        app.RunAsync("menu_investor", async page =>
        {
            await BrowserApp.SignInAsync(page, "investor1", "investor123");
            foreach (var path in SharedPages) await OpensCleanlyAsync(page, path, expectRows: path != "/");

            await page.GotoAsync("/stations");
            await Expect(page.Locator(".mud-table-body")).ToContainTextAsync("南京新街口充电站");
            await Expect(page.Locator(".mud-table-body")).Not.ToContainTextAsync("南京南站P4充电站");

            await page.GotoAsync("/orders");
            await Expect(page.Locator(".mud-table-body td[data-label]").First).ToBeVisibleAsync();
            var body = await page.Locator(".mud-table-body").InnerTextAsync();
            // A whole phone number, not eleven digits inside an order number (CD2611302334000089H holds one).
            Assert.DoesNotMatch(@"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])", body);
            Assert.Matches(@"1[3-9]\d\*\*\*\*\d{4}", body);
            await Expect(page.GetByLabel("手机号")).ToHaveCountAsync(0);

            foreach (var path in StaffPages)
            {
                await page.GotoAsync(path);
                await page.WaitForURLAsync(url => url.Contains("/access-denied"));
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "无权访问" })).ToBeVisibleAsync();
                // Not a bare wall: who is signed in, what was asked for, and the ways on.
                await Expect(page.GetByTestId("access-denied")).ToContainTextAsync("您当前以【investor1】（投资人）登录");
                await Expect(page.GetByTestId("access-denied")).ToContainTextAsync(path);
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = "切换账号" })).ToBeVisibleAsync();
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "切换账号" }).ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/login"));
        });

    [Fact]
    public Task A_date_filter_opens_a_whole_calendar_marks_the_china_date_as_today_and_takes_a_typed_period() =>
        app.RunAsync("date_filter", async page =>
        {
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/orders");
            await BrowserApp.WaitForCircuitAsync(page);
            var range = page.Locator(".cc-date-range");

            await range.GetByRole(AriaRole.Button, new() { Name = "打开日历" }).ClickAsync();
            var calendar = page.Locator(".mud-popover-open").First;
            await Expect(calendar).ToBeVisibleAsync();
            var box = await calendar.BoundingBoxAsync();
            Assert.True(box!.Width >= 280, $"the calendar is {box.Width} px wide: Friday to Sunday and the next-month arrow would be cut off");
            Assert.True(box.X + box.Width <= BrowserApp.Width, "the calendar runs off the screen");
            // Today is the China date, whatever the server's own clock says (before 08:00 it would circle yesterday).
            var chinaToday = ChargeConsole.Domain.Infrastructure.ChinaTime.ToChina(DateTime.UtcNow).Day.ToString();
            await Expect(calendar.Locator(".cc-china-today")).ToHaveTextAsync(chinaToday);
            await page.GetByRole(AriaRole.Heading, new() { Name = "充电订单" }).ClickAsync(); // clicking away closes it
            await Expect(calendar).ToBeHiddenAsync();

            var inputs = range.Locator("input");
            await inputs.Nth(0).FillAsync("2026-11-24");
            await inputs.Nth(0).PressAsync("Tab");
            await inputs.Nth(1).FillAsync("2026-11-30");
            await inputs.Nth(1).PressAsync("Tab");
            await Expect(inputs.Nth(0)).ToHaveValueAsync("2026-11-24"); // typed, not only picked
            await Expect(inputs.Nth(1)).ToHaveValueAsync("2026-11-30");
        });

    [Fact]
    public Task The_monthly_report_filters_by_whole_months() =>
        app.RunAsync("month_filter", async page =>
        {
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/reports/monthly");
            await BrowserApp.WaitForCircuitAsync(page);
            await Expect(page.GetByLabel("开始月份")).ToBeVisibleAsync();
            await page.Locator(".mud-input-control", new() { HasText = "开始月份" }).GetByRole(AriaRole.Button, new() { Name = "打开日历" }).ClickAsync();
            // A month calendar: twelve months to pick from, not days.
            await Expect(page.Locator(".mud-popover-open .mud-picker-month")).ToHaveCountAsync(12);
        });

    [Fact]
    public Task An_unknown_address_shows_the_chinese_404() =>
        app.RunAsync("not_found", async page =>
        {
            var response = await page.GotoAsync("/no-such-page");
            Assert.Equal(404, response!.Status);
            await Expect(page.GetByText("您访问的页面不存在")).ToBeVisibleAsync();
        });

    private static async Task OpensCleanlyAsync(IPage page, string path, bool expectRows, bool sortEveryColumn = false)
    {
        await page.GotoAsync(path);
        await BrowserApp.WaitForCircuitAsync(page);
        if (expectRows)
        {
            await Expect(page.Locator(".mud-table-body td[data-label]").First).ToBeVisibleAsync();
            if (sortEveryColumn) await SortsByEveryColumnAsync(page);
        }
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Expect(page.Locator(".mud-alert-filled-error, .mud-alert-text-error")).ToHaveCountAsync(0);
        Assert.DoesNotContain("/access-denied", page.Url);
    }

    /// <summary>Every sortable header orders the rows in the database: the sort takes effect and the rows come back (sorts add up, as the grid sorts by several columns).</summary>
    private static async Task SortsByEveryColumnAsync(IPage page)
    {
        var headers = page.Locator(".mud-table-head th:has(.sortable-column-header)");
        var count = await headers.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var header = headers.Nth(i);
            await header.Locator(".sortable-column-header").ClickAsync();
            await Expect(header.Locator(".sort-direction-icon.mud-direction-asc")).ToHaveCountAsync(1);
            await Expect(page.Locator(".mud-table-body td[data-label]").First).ToBeVisibleAsync();
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        }
    }
}
