using ChargeConsole.Domain.Wallets;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChargeConsole.Data.Entities;
using ChargeConsole.Features.StoredValue;
using ChargeConsole.Infrastructure.Payments.Sandbox;
using ChargeConsole.Infrastructure.Payments.WeChatPay;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ChargeConsole.Tests.StoredValue.RechargeFlowTests;

namespace ChargeConsole.Tests.StoredValue;

/// <summary>SPEC "Withdrawal": off by default; when on, frozen on request, paid out as refunds of the user's recharge orders, newest first, less the fee.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public class WithdrawalFlowTests
{
    [Fact]
    public async Task A_withdrawal_is_refused_while_withdrawals_are_off()
    {
        await using var app = LiveWebApp.Start();
        var (http, _) = await NewUserAsync(app);

        var response = await http.PostAsJsonAsync("/api/app/v1/withdrawals", new { amount = 10m, requestId = "w-1" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("提现功能未开通", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_approved_withdrawal_keeps_the_fee_and_refunds_the_rest_from_the_newest_orders_first_paid_when_wechat_pay_confirms()
    {
        await using var app = LiveWebApp.Start();
        var withdrawals = app.Get<WithdrawalService>();
        Assert.True((await withdrawals.SaveSettingsAsync(TestDatabase.Operator, new WithdrawalSettings(true, 1.5m))).Succeeded);
        var (http, userId) = await NewUserAsync(app);
        var sandbox = app.Get<WeChatPaySandbox>();
        var (older, _) = await BuyAsync(http, "buy-1");
        await sandbox.PayAsync(older);
        var (newer, _) = await BuyAsync(http, "buy-2");
        await sandbox.PayAsync(newer);

        var quote = await http.GetFromJsonAsync<JsonElement>("/api/app/v1/withdrawals/quote");
        Assert.Equal((true, 400m), (quote.GetProperty("enabled").GetBoolean(), quote.GetProperty("withdrawable").GetDecimal()));
        var tooMuch = await http.PostAsJsonAsync("/api/app/v1/withdrawals", new { amount = 400.01m, requestId = "w-0" });
        Assert.Equal("提现金额 400.01 元超过可提现金额 400.00 元", (await tooMuch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var asked = await http.PostAsJsonAsync("/api/app/v1/withdrawals", new { amount = 250m, requestId = "w-1" });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal(250_00L, (await Wallets.WalletAsync(app.Factory, userId)).Frozen.Fen);

        int id;
        await using (var db = app.Context()) id = await db.Withdrawals.Where(w => w.AppUserId == userId).Select(w => w.Id).SingleAsync();
        var approved = await withdrawals.ApproveAsync(TestDatabase.Operator, id, "approve-1");
        Assert.True(approved.Succeeded, approved.Error);

        // Fee 1.5 % of 250.00 = 3.75; 246.25 goes back: all 200.00 of the newer order, then 46.25 of the older.
        List<Refund> refunds;
        await using (var db = app.Context())
            refunds = await db.Refunds.AsNoTracking().Include(r => r.RechargeOrder).Where(r => r.WithdrawalId == id).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([(newer, 200_00L), (older, 46_25L)], refunds.Select(r => (r.RechargeOrder.OrderNo, r.Amount.Fen)).ToArray());
        foreach (var r in refunds) await sandbox.EndRefundAsync(r.RefundNo, WxRefund.Success);

        await using (var db = app.Context())
        {
            var w = await db.Withdrawals.AsNoTracking().SingleAsync(x => x.Id == id);
            Assert.Equal((WithdrawalStatus.Paid, 3_75L, 246_25L), (w.Status, w.Fee.Fen, w.PaidOut.Fen));
        }
        var wallet = await Wallets.WalletAsync(app.Factory, userId);
        // 400.00 − 250.00 = 150.00 principal; bonus 20.00 less 10.00 (the newer order, all refunded) and 2.31 (10.00 × 46.25 / 200).
        Assert.Equal((150_00L, 7_69L, 0L), (wallet.Principal.Fen, wallet.Bonus.Fen, wallet.Frozen.Fen));
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);
        Assert.False((await withdrawals.ApproveAsync(TestDatabase.Operator, id, "approve-2")).Succeeded); // handled once
    }

    [Fact]
    public async Task A_rejected_withdrawal_releases_what_was_frozen()
    {
        await using var app = LiveWebApp.Start();
        var withdrawals = app.Get<WithdrawalService>();
        await withdrawals.SaveSettingsAsync(TestDatabase.Operator, new WithdrawalSettings(true, 0m));
        var (http, userId) = await NewUserAsync(app);
        var (orderNo, _) = await BuyAsync(http, "buy-1");
        await app.Get<WeChatPaySandbox>().PayAsync(orderNo);
        await http.PostAsJsonAsync("/api/app/v1/withdrawals", new { amount = 50m, requestId = "w-1" });
        await using var db = app.Context();
        var id = await db.Withdrawals.Where(w => w.AppUserId == userId).Select(w => w.Id).SingleAsync();

        Assert.True((await withdrawals.RejectAsync(TestDatabase.Operator, id, "资料不全", "reject-1")).Succeeded);

        var w = await Wallets.WalletAsync(app.Factory, userId);
        Assert.Equal((200_00L, 0L), (w.Principal.Fen, w.Frozen.Fen));
        Assert.Equal(WithdrawalStatus.Rejected, await db.Withdrawals.Where(x => x.Id == id).Select(x => x.Status).SingleAsync());
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);
    }
}
