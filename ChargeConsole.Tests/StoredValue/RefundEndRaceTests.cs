using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;
using ChargeConsole.Features.StoredValue;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.StoredValue;

/// <summary>Issue 21, item 1: a refund read by two writers at once ends once (its Version token).</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class RefundEndRaceTests
{
    [Fact]
    public async Task Two_writers_ending_one_refund_from_the_same_read_end_it_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        var userId = await Wallets.NewUserAsync(db.Factory, principalFen: 50_00);
        await using (var ctx = db.Context())
        {
            ctx.RechargeOrders.Add(new RechargeOrder
            {
                OrderNo = "CZRACE0001", AppUserId = userId, PaidAmount = Money.FromFen(50_00), Status = RechargeOrderStatus.Paid, CreatedAt = DateTime.UtcNow,
                Refunds = [new Refund { RefundNo = "TKRACE0001", Amount = Money.FromFen(20_00), Status = RefundStatus.Pending, Reason = "测试", RequestedBy = "operator", CreatedAt = DateTime.UtcNow }],
            });
            await ctx.SaveChangesAsync();
        }

        await using var callback = db.Context();
        await using var recovery = db.Context();
        var a = await callback.Refunds.SingleAsync(r => r.RefundNo == "TKRACE0001");
        var b = await recovery.Refunds.SingleAsync(r => r.RefundNo == "TKRACE0001");
        a.MoveTo(RefundStatus.Succeeded);
        b.MoveTo(RefundStatus.Failed);
        await callback.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => recovery.SaveChangesAsync());

        await using var check = db.Context();
        Assert.Equal(RefundStatus.Succeeded, (await check.Refunds.SingleAsync(r => r.RefundNo == "TKRACE0001")).Status);
    }
}
