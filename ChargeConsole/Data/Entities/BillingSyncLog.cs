using ChargeConsole.Domain.Values;
using Microsoft.AspNetCore.Identity;

namespace ChargeConsole.Data.Entities;

public enum BillingSyncStatus { Pending = 0, Sent = 1, Succeeded = 2, Failed = 3 }

public class BillingSyncLog
{
    public long Id { get; set; }
    public int PileId { get; set; }
    public string PileCode { get; set; } = "";
    public int BillingTemplateId { get; set; }
    public BillingTemplate BillingTemplate { get; set; } = null!;
    public int ModelNumber { get; set; }
    public BillingSyncStatus Status { get; set; }
    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
