using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Invoices;

namespace ChargeConsole.Features.Invoices;

/// <summary>The one way an invoice request's status changes: the Domain's table decides, the Version token guards the save.</summary>
public static class InvoiceTransitions
{
    /// <summary>Moves a tracked request; the caller saves.</summary>
    public static void MoveTo(this Invoice invoice, InvoiceStatus to)
    {
        invoice.Status = InvoiceLifecycle.Move(invoice.Status, to);
        invoice.Version++;
    }
}
