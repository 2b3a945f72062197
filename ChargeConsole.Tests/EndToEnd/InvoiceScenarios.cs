using ChargeConsole.Tests.Support;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChargeConsole.Tests.Invoices;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChargeConsole.Tests.EndToEnd;

/// <summary>发票管理 as an operator works it: approve, upload the PDF (a renamed file is refused), reject another.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestKind.Name, TestKind.Browser)]
public class InvoiceScenarios(BrowserApp app)
{
    private static ILocator Row(IPage page, string text) => page.Locator(".mud-table-body tr", new() { HasText = text });

    [Fact]
    public Task An_invoice_is_approved_issued_with_its_pdf_and_another_is_rejected_with_a_reason() =>
        app.RunAsync("invoices", async page =>
        {
            var (http, _, orders) = await InvoiceFlowTests.UserWithOrdersAsync(app.App, (30_00, 0), (15_50, 0));
            async Task<string> RequestAsync(string order, string title, string id)
            {
                var r = await http.PostAsJsonAsync("/api/app/v1/invoices", new { orderNos = new[] { order }, titleType = 0, title, email = "me@example.com", requestId = id });
                return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestNo").GetString()!;
            }
            var toIssue = await RequestAsync(orders[0], "浏览器测试甲", "b-1");
            var toReject = await RequestAsync(orders[1], "浏览器测试乙", "b-2");

            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/invoices");
            await BrowserApp.WaitForCircuitAsync(page);
            await BrowserApp.FilterAsync(page, "发票抬头", "浏览器测试");
            var row = Row(page, toIssue);
            await Expect(row.GetByTestId("invoice-status")).ToHaveTextAsync("待审核");

            await row.GetByRole(AriaRole.Button, new() { Name = "查看订单" }).ClickAsync();
            await Expect(page.GetByTestId("invoice-orders")).ToContainTextAsync(orders[0]);
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "关闭" }).ClickAsync();

            await row.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
            await Expect(row.GetByTestId("invoice-status")).ToHaveTextAsync("开票中");

            await row.GetByRole(AriaRole.Button, new() { Name = "上传发票" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("发票号码").FillAsync("87654321");
            await dialog.GetByLabel("发票号码").BlurAsync();
            var input = dialog.Locator("input[type=file]").Last; // MudFileUpload adds a fresh input after each pick
            await BrowserApp.PickFileAsync(input, new FilePayload { Name = "发票.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("这不是 PDF") });
            await Expect(dialog.GetByTestId("picked")).ToHaveTextAsync("发票.pdf");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "上传并开票" }).ClickAsync();
            await Expect(dialog).ToContainTextAsync("文件不是 PDF");
            await BrowserApp.PickFileAsync(input, new FilePayload { Name = "发票正本.pdf", MimeType = "application/pdf", Buffer = InvoiceFlowTests.Pdf });
            await Expect(dialog.GetByTestId("picked")).ToHaveTextAsync("发票正本.pdf"); // read on the server before it is sent
            await dialog.GetByRole(AriaRole.Button, new() { Name = "上传并开票" }).ClickAsync();
            await Expect(row.GetByTestId("invoice-status")).ToHaveTextAsync("已开票");
            await Expect(row.Locator("td[data-label='发票号码']")).ToHaveTextAsync("87654321");

            var other = Row(page, toReject);
            await BrowserApp.RowActionAsync(other, "拒绝开票");
            await page.GetByRole(AriaRole.Dialog).GetByLabel("拒绝原因").FillAsync("抬头填写有误");
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "拒绝开票" }).ClickAsync();
            await Expect(other.GetByTestId("invoice-status")).ToHaveTextAsync("已拒绝");
            await Expect(other).ToContainTextAsync("抬头填写有误");

            // The user downloads the issued PDF.
            var pdf = await http.GetAsync($"/api/app/v1/invoices/{toIssue}/pdf");
            Assert.Equal(InvoiceFlowTests.Pdf, await pdf.Content.ReadAsByteArrayAsync());
        });
}
