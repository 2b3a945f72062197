using ChargeConsole.Domain.Wallets;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.StoredValue;
using ChargeConsole.Features.Wallets;
using ChargeConsole.Infrastructure.Payments.Sandbox;
using ChargeConsole.Infrastructure.Payments.WeChatPay;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ChargeConsole.Tests.StoredValue.RechargeFlowTests;

namespace ChargeConsole.Tests.StoredValue;

/// <summary>
/// SPEC "Wallet" under a random mix of what happens to stored value: payments with duplicated callbacks, refunds by
/// operator and user (some over the limit), refund endings of every kind sent twice or late and out of order, and
/// spending. After every step each account's balance equals the sum of its ledger, the frozen principal equals the
/// refunds in flight, and no order has more refunded or refunding than was paid.
/// </summary>
[Trait(TestKind.Name, TestKind.Live)]
public class StoredValueSequenceTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(2026)]
    public async Task Balances_equal_the_ledger_after_any_sequence_of_payments_refunds_callbacks_and_spending(int seed)
    {
        await using var app = LiveWebApp.Start();
        var (http, userId) = await NewUserAsync(app);
        var sandbox = app.Get<WeChatPaySandbox>();
        var refunds = app.Get<RefundService>();
        var random = new Random(seed);
        var orders = new List<RechargeOrder>();
        var ended = new List<(string No, string Status)>();

        for (var step = 0; step < 30; step++)
        {
            switch (orders.Count == 0 ? 0 : random.Next(6))
            {
                case 0:
                    var (no, _) = await BuyAsync(http, $"buy-{step}");
                    await sandbox.PayAsync(no, copies: random.Next(1, 4));
                    orders.Add(await OrderAsync(app, no));
                    break;
                case 1 or 2:
                    var order = orders[random.Next(orders.Count)];
                    var left = await refunds.RefundableAsync(order.Id) ?? Money.Zero;
                    var amount = Money.FromFen(random.Next(1, (int)left.Fen + 2_00)); // now and then more than refundable
                    var asker = random.Next(2) == 0 ? RefundAsker.Operator("operator", $"op-{step}") : RefundAsker.User(userId, "user", $"u-{step}");
                    int waiting;
                    await using (var db = app.Context()) waiting = await db.Refunds.CountAsync(r => r.RechargeOrder.AppUserId == userId && r.Status == RefundStatus.Pending);
                    var result = await refunds.RequestAsync(asker, order.Id, amount, "");
                    // Refused over the limit, and for the user with three refunds already waiting.
                    Assert.Equal(amount <= left && (asker.AppUserId is null || waiting < RefundService.MaxPendingPerUser), result.Succeeded);
                    break;
                case 3:
                    await using (var db = app.Context())
                    {
                        var pending = await db.Refunds.Where(r => r.RechargeOrder.AppUserId == userId && r.Status == RefundStatus.Pending).Select(r => r.RefundNo).ToListAsync();
                        if (pending.Count == 0) break;
                        var status = new[] { WxRefund.Success, WxRefund.Success, WxRefund.Abnormal, WxRefund.Closed }[random.Next(4)];
                        var refundNo = pending[random.Next(pending.Count)];
                        await sandbox.EndRefundAsync(refundNo, status, copies: random.Next(1, 3));
                        ended.Add((refundNo, status));
                    }
                    break;
                case 4 when ended.Count > 0:
                    var (late, lateStatus) = ended[random.Next(ended.Count)]; // a late repeat of an earlier ending
                    await sandbox.EndRefundAsync(late, lateStatus);
                    break;
                default:
                    var spendable = (await Wallets.WalletAsync(app.Factory, userId)).Balance().SpendablePrincipal;
                    if (spendable.Fen < 100) break;
                    var spend = await app.Get<WalletService>().AdjustAsync(TestDatabase.Operator, new AdjustmentForm
                    {
                        AppUserId = userId, Kind = AdjustmentKind.Deduct, Amount = Money.FromFen(random.Next(1, (int)spendable.Fen)).Yuan, Reason = "消费",
                    });
                    Assert.True(spend.Succeeded, spend.Error);
                    break;
            }
            await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);
            await using var check = app.Context();
            var inFlight = await check.Refunds.Where(r => r.RechargeOrder.AppUserId == userId && r.Status == RefundStatus.Pending).Select(r => r.Amount).ToListAsync();
            Assert.Equal(inFlight.Sum(a => a.Fen), (await Wallets.WalletAsync(app.Factory, userId)).Frozen.Fen);
            Assert.All(await check.RechargeOrders.AsNoTracking().Where(o => o.AppUserId == userId).ToListAsync(),
                o => Assert.True(o.RefundedAmount + o.RefundingAmount <= o.PaidAmount, $"{o.OrderNo} refunds beyond what was paid"));
        }
    }
}
