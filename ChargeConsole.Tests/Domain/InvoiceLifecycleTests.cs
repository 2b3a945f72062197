using ChargeConsole.Tests.Support;
using ChargeConsole.Domain.Invoices;

namespace ChargeConsole.Tests.Domain;

/// <summary>Issue 21, item 1: an invoice request's life-cycle table, move by move.</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class InvoiceLifecycleTests
{
    private static readonly (InvoiceStatus From, InvoiceStatus To)[] Allowed =
    [
        (InvoiceStatus.PendingReview, InvoiceStatus.Issuing), // 审核通过
        (InvoiceStatus.PendingReview, InvoiceStatus.Rejected),
        (InvoiceStatus.Issuing, InvoiceStatus.Issued), // 上传发票
        (InvoiceStatus.Issuing, InvoiceStatus.Rejected),
        (InvoiceStatus.Issued, InvoiceStatus.Reversed), // 冲红
    ];

    public static TheoryData<InvoiceStatus, InvoiceStatus> EveryPair() => StatusPairs.Of<InvoiceStatus>();

    [Theory, MemberData(nameof(EveryPair))]
    public void An_invoice_moves_only_as_its_table_allows(InvoiceStatus from, InvoiceStatus to)
    {
        var allowed = Allowed.Contains((from, to));
        Assert.Equal(allowed, InvoiceLifecycle.CanMove(from, to));
        if (allowed) Assert.Equal(to, InvoiceLifecycle.Move(from, to));
        else Assert.Throws<InvalidOperationException>(() => InvoiceLifecycle.Move(from, to));
    }
}
