using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

public enum IssueRunStatus { Running = 0, Done = 1, Failed = 2 }

/// <summary>
/// 全体发放 of one coupon: a background run over all users in id order, its progress here so any node can show it or
/// take over (the lease) and a re-run gives nobody a second copy.
/// </summary>
public class CouponIssueRun
{
    public int Id { get; set; }
    public int CouponId { get; set; }
    public IssueRunStatus Status { get; set; }
    /// <summary>Users when the run started, and how far it has got (the last user id done).</summary>
    public int TotalUsers { get; set; }
    public int LastUserId { get; set; }
    public int Processed { get; set; }
    public int Issued { get; set; }
    /// <summary>Users who already held the coupon, or for whom none were left.</summary>
    public int Skipped { get; set; }
    public string? Error { get; set; }
    public string StartedBy { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>The node working on it holds it until then; a run whose lease ran out is taken over.</summary>
    public DateTime? LeaseUntil { get; set; }
    public string? LeaseOwner { get; set; }
}
