using ChargeConsole.Domain.Wallets;
using ChargeConsole.Data;
using ChargeConsole.Infrastructure.Payments.WeChatPay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChargeConsole.Features.StoredValue;

/// <summary>
/// Recovers what a lost callback would leave hanging: asks WeChat Pay about orders still unpaid a minute after they
/// were made (crediting the paid ones, closing those past <see cref="RechargeOptions.CloseUnpaidAfterMinutes"/>) and
/// about refunds still pending (ending them, or submitting again one WeChat Pay never received). At most
/// <see cref="Batch"/> of each per run; every step is idempotent, so several nodes may run it at once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PaymentRecoveryJob(IDbContextFactory<ChargeDbContext> dbFactory, IServiceProvider services, RechargePayments payments, RechargeService recharges,
    RefundService refunds, IOptions<RechargeOptions> options, IOptions<WeChatPayOptions> pay, TimeProvider clock, ILogger<PaymentRecoveryJob> log) : IJob
{
    public const int Batch = 100;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        if (!pay.Value.Enabled) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var quiet = now.AddSeconds(-options.Value.QueryAfterSeconds);
        var closeBefore = now.AddMinutes(-options.Value.CloseUnpaidAfterMinutes);
        List<string> unpaid;
        List<string> pending;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            unpaid = await db.RechargeOrders.AsNoTracking().Where(o => o.Status == RechargeOrderStatus.Unpaid && o.CreatedAt < quiet)
                .OrderBy(o => o.CreatedAt).Select(o => o.OrderNo).Take(Batch).ToListAsync(ct);
            pending = (await db.Refunds.AsNoTracking().Where(r => r.Status == RefundStatus.Pending && r.CreatedAt < quiet)
                .OrderBy(r => r.CreatedAt).Select(r => r.RefundNo).Take(Batch).ToListAsync(ct));
        }
        var client = services.GetRequiredService<WeChatPayClient>();
        foreach (var orderNo in unpaid)
            await Guarded(orderNo, async () =>
            {
                var t = await client.QueryAsync(orderNo, ct);
                if (t?.TradeState == WxTransaction.Success) { await payments.ApplyAsync(t, ct); return; }
                if (t is null || t.TradeState == WxTransaction.Closed) { await recharges.CloseAsync(orderNo, ct); return; }
                if (await CreatedBeforeAsync(orderNo, closeBefore, ct))
                {
                    await client.CloseAsync(orderNo, ct);
                    await recharges.CloseAsync(orderNo, ct);
                }
            });
        foreach (var refundNo in pending)
            await Guarded(refundNo, async () =>
            {
                var r = await client.QueryRefundAsync(refundNo, ct);
                if (r is null) { await refunds.SubmitAsync(refundNo, ct); return; } // WeChat Pay never got it
                await refunds.EndAsync(refundNo, r.Status, r.RefundId, r.SuccessTime, null, ct);
            });
    }

    private async Task<bool> CreatedBeforeAsync(string orderNo, DateTime limit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RechargeOrders.AnyAsync(o => o.OrderNo == orderNo && o.CreatedAt < limit, ct);
    }

    /// <summary>One order's trouble (WeChat Pay down, a refusal) does not stop the others.</summary>
    private async Task Guarded(string no, Func<Task> step)
    {
        try { await step(); }
        catch (Exception e) when (e is WeChatPayException or HttpRequestException or TaskCanceledException)
        {
            log.LogWarning("Payment recovery of {No}: {Reason}", no, e.Message);
        }
    }
}
