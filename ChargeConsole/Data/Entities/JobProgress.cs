using ChargeConsole.Domain.Values;
using Microsoft.AspNetCore.Identity;

namespace ChargeConsole.Data.Entities;

public enum JobState { Running = 0, Done = 1, Failed = 2 }

/// <summary>
/// A console-wide background job's progress in the database, so a page on any node shows it and a node that stops
/// half-way is taken over when its lease runs out (the revenue backfill after an upgrade, say).
/// </summary>
public class JobProgress
{
    public string Key { get; set; } = "";
    public JobState State { get; set; }
    public long Done { get; set; }
    public long Total { get; set; }
    public string? Message { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}
