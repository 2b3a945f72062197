using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

public enum ActivityStatus { Disabled = 0, Enabled = 1 }

/// <summary>A stored-value promotion. Never deleted, only disabled.</summary>
public class MarketingActivity
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string? PosterPath { get; set; }
    public string RulesHtml { get; set; } = "";
    public bool StackableWithCoupons { get; set; }
    public ActivityStatus Status { get; set; }
    public DateTime StartAt { get; set; }
    public DateTime EndAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<MarketingPackage> Packages { get; set; } = [];
}
