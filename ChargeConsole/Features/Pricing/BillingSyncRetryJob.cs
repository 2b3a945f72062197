using Quartz;

namespace ChargeConsole.Features.Pricing;

/// <summary>Every <c>BillingSync:RetrySeconds</c>: pushes pending template syncs to piles that have come online or become idle.</summary>
[DisallowConcurrentExecution]
public sealed class BillingSyncRetryJob(BillingSyncService sync, ILogger<BillingSyncRetryJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var pushed = await sync.PushPendingAsync(cancellationToken);
        if (pushed > 0) log.LogInformation("Billing sync retry: {Count} piles updated", pushed);
    }
}
