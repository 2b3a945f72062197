using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Invoices;
using ChargeConsole.Infrastructure.Files;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Invoices;

/// <summary>SPEC "Invoices" through the mini-program API and the console's service, on a real database and file store.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public class InvoiceFlowTests
{
    internal static readonly byte[] Pdf = TestPdf.Invoice;

    /// <summary>
    /// A new user with settled orders paid as given (principal + bonus, in fen). They are written straight into the
    /// database, without the revenue roll-ups, so they are dated over a year ago: the browser suite's home and report
    /// checks of recent days never see them.
    /// </summary>
    internal static async Task<(HttpClient Http, int UserId, List<string> OrderNos)> UserWithOrdersAsync(LiveWebApp app, params (long Principal, long Bonus)[] paid)
    {
        var phone = "135" + Random.Shared.Next(10_000_000, 99_999_999);
        var http = await app.AppUserAsync(phone);
        await using var db = app.Context();
        var user = await db.AppUsers.SingleAsync(u => u.Phone == phone);
        var gun = await db.Guns.AsNoTracking().OrderBy(g => g.Id).FirstAsync();
        var now = DateTime.UtcNow.AddDays(-400);
        var orders = paid.Select((p, i) => new ChargingOrder
        {
            OrderNo = $"CDT{Random.Shared.Next(100_000_000, 999_999_999)}{i:00}", AppUserId = user.Id, StationId = gun.StationId, PileId = gun.PileId, GunId = gun.Id,
            GunCode = gun.Code, Status = ChargingOrderStatus.Settled, CreatedAt = now.AddHours(-2), StartedAt = now.AddHours(-2), EndedAt = now.AddHours(-1),
            SettledAt = now.AddHours(-1).AddMinutes(i), TotalAmount = Money.FromFen(p.Principal + p.Bonus), PaidPrincipal = Money.FromFen(p.Principal), PaidBonus = Money.FromFen(p.Bonus),
        }).ToList();
        db.ChargingOrders.AddRange(orders);
        await db.SaveChangesAsync();
        return (http, user.Id, orders.Select(o => o.OrderNo).ToList());
    }

    private static object Company(IEnumerable<string> orderNos, string requestId, string taxNumber = "91350100M000100Y43") =>
        new { orderNos, titleType = 1, title = "南京某某科技有限公司", taxNumber, email = "finance@example.com", requestId };

    private static async Task<string> Detail(HttpResponseMessage r) =>
        (await r.Content.ReadFromJsonAsync<JsonElement>()) is var j && j.TryGetProperty("detail", out var d) ? d.GetString()! : j.GetRawText();

    [Fact]
    public async Task A_requested_invoice_is_approved_issued_with_a_pdf_and_downloaded_by_its_user_only()
    {
        await using var app = LiveWebApp.Start();
        var (http, _, orders) = await UserWithOrdersAsync(app, (12_34, 0), (20_00, 5_66));
        var invoices = app.Get<InvoiceService>();

        var listed = await http.GetFromJsonAsync<JsonElement>("/api/app/v1/invoices/orders");
        Assert.Equal(2, listed.GetProperty("total").GetInt32());
        var created = await http.PostAsJsonAsync("/api/app/v1/invoices", Company(orders, "inv-1"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var requestNo = body.GetProperty("requestNo").GetString()!;
        // 12.34 + 20.00 + 5.66: what the user paid, bonus included.
        Assert.Equal((38.00m, "待审核"), (body.GetProperty("amount").GetDecimal(), body.GetProperty("statusName").GetString()));
        Assert.Equal(0, (await http.GetFromJsonAsync<JsonElement>("/api/app/v1/invoices/orders")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/app/v1/invoices/{requestNo}/pdf")).StatusCode);

        int id;
        await using (var db = app.Context()) id = await db.Invoices.Where(i => i.RequestNo == requestNo).Select(i => i.Id).SingleAsync();
        var early = await invoices.UploadAsync(TestDatabase.Operator, new InvoiceUploadForm { InvoiceId = id, InvoiceNumber = "12345678", InvoiceCode = "3200231130" }, Pdf);
        Assert.Equal("该申请当前为【待审核】，不能上传发票", early.Error);
        Assert.True((await invoices.ApproveAsync(TestDatabase.Operator, id)).Succeeded);
        var notPdf = await invoices.UploadAsync(TestDatabase.Operator, new InvoiceUploadForm { InvoiceId = id, InvoiceNumber = "12345678" }, Encoding.UTF8.GetBytes("<html>not a pdf</html>"));
        Assert.Equal("文件不是 PDF（内容不以 %PDF- 开头）", notPdf.Error);
        var tooBig = new byte[5 * 1024 * 1024 + 1];
        Encoding.ASCII.GetBytes("%PDF-1.4").CopyTo(tooBig, 0);
        Assert.Equal("PDF 不能超过 5 MB", (await invoices.UploadAsync(TestDatabase.Operator, new InvoiceUploadForm { InvoiceId = id, InvoiceNumber = "12345678" }, tooBig)).Error);
        var issued = await invoices.UploadAsync(TestDatabase.Operator, new InvoiceUploadForm { InvoiceId = id, InvoiceNumber = "12345678", InvoiceCode = "3200231130" }, Pdf);
        Assert.True(issued.Succeeded, issued.Error);

        var download = await http.GetAsync($"/api/app/v1/invoices/{requestNo}/pdf");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        // Saved, never shown inline, never sniffed as something else.
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var stranger = await app.AppUserAsync("135" + Random.Shared.Next(10_000_000, 99_999_999));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/app/v1/invoices/{requestNo}/pdf")).StatusCode);
        // The staff address needs a staff sign-in: a stranger is sent to the sign-in page, not given the file.
        var anonymous = await app.Http().GetAsync($"/files/invoices/{id}");
        Assert.Contains("/login", anonymous.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotEqual("application/pdf", anonymous.Content.Headers.ContentType?.MediaType);
        await using (var db = app.Context())
            Assert.Equal(["发票审核通过", "上传发票"], await db.AuditLogs.Where(a => a.Target == requestNo && a.Succeeded && a.UserName == "operator").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    /// <summary>Issue 20, item 14: "PDF" is checked to be a real one that runs nothing.</summary>
    [Fact]
    public void An_invoice_that_is_html_behind_the_magic_bytes_or_carries_a_script_or_a_file_is_refused_and_a_real_one_passes()
    {
        Assert.Null(UploadChecks.Pdf(TestPdf.Invoice));
        Assert.Equal("文件不是有效的 PDF（无法解析其结构）",
            UploadChecks.Pdf(Encoding.ASCII.GetBytes("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n")));
        // A script run on opening, one hidden in the names tree, a launch action and an attached file.
        Assert.Equal("PDF 含有可执行内容（/JavaScript），不能作为发票上传",
            UploadChecks.Pdf(TestPdf.Build("/OpenAction 5 0 R", "<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>")));
        Assert.Equal("PDF 含有可执行内容（/JavaScript），不能作为发票上传",
            UploadChecks.Pdf(TestPdf.Build("/Names << /JavaScript 5 0 R >>", "<< /Names [(a) 6 0 R] >>", "<< /S /JavaScript /JS (this.print()) >>")));
        Assert.Equal("PDF 含有可执行内容（/Launch），不能作为发票上传",
            UploadChecks.Pdf(TestPdf.Build("/OpenAction << /S /Launch /F (cmd.exe) >>")));
        Assert.Equal("PDF 含有可执行内容（/EmbeddedFiles），不能作为发票上传",
            UploadChecks.Pdf(TestPdf.Build("/Names << /EmbeddedFiles 5 0 R >>", "<< /Names [] >>")));
    }

    [Fact]
    public async Task A_rejected_or_reversed_request_frees_its_orders_for_a_new_one_and_an_order_is_on_one_active_request_only()
    {
        await using var app = LiveWebApp.Start();
        var (http, _, orders) = await UserWithOrdersAsync(app, (50_00, 0));
        var invoices = app.Get<InvoiceService>();

        var first = await http.PostAsJsonAsync("/api/app/v1/invoices", Company(orders, "inv-1"));
        var again = await http.PostAsJsonAsync("/api/app/v1/invoices", Company(orders, "inv-2"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.StartsWith($"订单 {orders[0]} 不能开票", await Detail(again));
        var retry = await http.PostAsJsonAsync("/api/app/v1/invoices", Company(orders, "inv-1")); // the same request repeated
        var firstNo = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestNo").GetString();
        Assert.Equal(firstNo, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestNo").GetString());

        int id;
        await using (var db = app.Context()) id = await db.Invoices.Where(i => i.RequestNo == firstNo).Select(i => i.Id).SingleAsync();
        Assert.False((await invoices.RejectAsync(TestDatabase.Operator, id, " ")).Succeeded);
        Assert.True((await invoices.RejectAsync(TestDatabase.Operator, id, "抬头与营业执照不符")).Succeeded);
        var mine = await http.GetFromJsonAsync<JsonElement>("/api/app/v1/invoices");
        Assert.Equal(("已拒绝", "抬头与营业执照不符"), (mine.GetProperty("items")[0].GetProperty("statusName").GetString(), mine.GetProperty("items")[0].GetProperty("reason").GetString()));

        var reapplied = await http.PostAsJsonAsync("/api/app/v1/invoices", Company(orders, "inv-3"));
        Assert.Equal(HttpStatusCode.Created, reapplied.StatusCode);
        var secondNo = (await reapplied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestNo").GetString();
        await using (var db = app.Context()) id = await db.Invoices.Where(i => i.RequestNo == secondNo).Select(i => i.Id).SingleAsync();
        await invoices.ApproveAsync(TestDatabase.Operator, id);
        await invoices.UploadAsync(TestDatabase.Operator, new InvoiceUploadForm { InvoiceId = id, InvoiceNumber = "12345678901234567890" }, Pdf);
        Assert.True((await invoices.ReverseAsync(TestDatabase.Operator, id, "用户要求更换抬头")).Succeeded);
        Assert.Equal(1, (await http.GetFromJsonAsync<JsonElement>("/api/app/v1/invoices/orders")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_company_title_needs_a_valid_credit_code_and_another_users_orders_cannot_be_invoiced()
    {
        await using var app = LiveWebApp.Start();
        var (http, _, orders) = await UserWithOrdersAsync(app, (10_00, 0));
        var (_, _, others) = await UserWithOrdersAsync(app, (10_00, 0));

        var badCode = await http.PostAsJsonAsync("/api/app/v1/invoices", Company(orders, "inv-1", taxNumber: "91350100M000100Y44"));
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Contains("统一社会信用代码不正确（18 位，含校验位）", await badCode.Content.ReadAsStringAsync());
        var noEmail = await http.PostAsJsonAsync("/api/app/v1/invoices", new { orderNos = orders, titleType = 0, title = "张三", email = (string?)null, requestId = "inv-2" });
        Assert.Contains("请填写接收发票的邮箱", await noEmail.Content.ReadAsStringAsync());
        var theirs = await http.PostAsJsonAsync("/api/app/v1/invoices", Company(others, "inv-3"));
        Assert.Equal(HttpStatusCode.Conflict, theirs.StatusCode);
    }

    [Fact]
    public async Task Two_requests_racing_for_the_same_order_make_one_request()
    {
        await using var app = LiveWebApp.Start();
        var (http, userId, orders) = await UserWithOrdersAsync(app, (10_00, 0), (20_00, 0));

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => http.PostAsJsonAsync("/api/app/v1/invoices", Company(orders, $"race-{i}"))));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        await using var db = app.Context();
        Assert.Equal(1, await db.Invoices.CountAsync(i => i.AppUserId == userId));
        Assert.Equal(2, await db.InvoiceOrders.CountAsync(o => o.Active));
    }
}
