namespace ChargeConsole.Domain.Invoices;

public enum InvoiceStatus { PendingReview = 0, Issuing = 1, Issued = 2, Rejected = 3, Reversed = 4 }

/// <summary>
/// SPEC "Invoice": a request waits for review (待审核); approved, it is being issued (开票中) until the operator
/// uploads the invoice (已开票); it may be refused before it is issued (已拒绝); an issued invoice may be reversed
/// (已冲红). Refused and reversed requests are final, and free their orders for a new request.
/// </summary>
public static class InvoiceLifecycle
{
    private static readonly Dictionary<InvoiceStatus, InvoiceStatus[]> Next = new()
    {
        [InvoiceStatus.PendingReview] = [InvoiceStatus.Issuing, InvoiceStatus.Rejected],
        [InvoiceStatus.Issuing] = [InvoiceStatus.Issued, InvoiceStatus.Rejected],
        [InvoiceStatus.Issued] = [InvoiceStatus.Reversed],
        [InvoiceStatus.Rejected] = [],
        [InvoiceStatus.Reversed] = [],
    };

    public static bool CanMove(InvoiceStatus from, InvoiceStatus to) => Next[from].Contains(to);

    /// <summary>The guarded move: <paramref name="to"/> when the table allows it from <paramref name="from"/>.</summary>
    public static InvoiceStatus Move(InvoiceStatus from, InvoiceStatus to) =>
        CanMove(from, to) ? to : throw new InvalidOperationException($"An invoice cannot move from {from} to {to}.");

    /// <summary>A request that no longer stands: its orders may go on a new one.</summary>
    public static bool IsClosed(InvoiceStatus s) => s is InvoiceStatus.Rejected or InvoiceStatus.Reversed;
}
