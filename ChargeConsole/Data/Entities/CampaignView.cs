using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

/// <summary>When a user last saw a campaign: decides whether a Once or Daily campaign shows again. One row per user and campaign.</summary>
public class CampaignView
{
    public int CampaignId { get; set; }
    public int AppUserId { get; set; }
    public DateTime LastSeenAt { get; set; }
}
