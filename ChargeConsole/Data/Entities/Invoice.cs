using ChargeConsole.Domain.Invoices;
using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

public enum InvoiceTitleType { Personal = 0, Company = 1 }

public class Invoice
{
    public int Id { get; set; }
    public string RequestNo { get; set; } = "";
    public int AppUserId { get; set; }
    public AppUser AppUser { get; set; } = null!;
    public InvoiceTitleType TitleType { get; set; }
    public string Title { get; set; } = "";
    public string? TaxNumber { get; set; }
    public string? Email { get; set; }
    public Money Amount { get; set; }
    public InvoiceStatus Status { get; set; }
    public string? InvoiceNumber { get; set; }
    public string? InvoiceCode { get; set; }
    /// <summary>The issued PDF's key in the file store (a random name, never a URL).</summary>
    public string? PdfPath { get; set; }
    /// <summary>Why it was rejected, or why an issued invoice was reversed (冲红).</summary>
    public string? RejectReason { get; set; }
    /// <summary>The client's id for this request: a retry returns the same request (unique per user).</summary>
    public string? RequestId { get; set; }
    public string? HandledBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public DateTime? IssuedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public long Version { get; set; }
    public List<InvoiceOrder> Orders { get; set; } = [];
}

/// <summary>An order on an invoice request; <see cref="Active"/> while the request stands, so an order is on one active request at most (a unique index).</summary>
public class InvoiceOrder
{
    public int InvoiceId { get; set; }
    public long ChargingOrderId { get; set; }
    public ChargingOrder ChargingOrder { get; set; } = null!;
    public bool Active { get; set; } = true;
}
