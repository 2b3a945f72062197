using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

/// <summary>Where in the mini-program a campaign shows.</summary>
public enum CampaignPlacement { HomePopup = 0, HomeBanner = 1, StationPage = 2 }

/// <summary>How often one user sees it: once ever, once a (China) day, or on every visit.</summary>
public enum CampaignFrequency { Once = 0, Daily = 1, EveryVisit = 2 }

/// <summary>活动管理: a campaign shown in the mini-program at a placement, within a window, as often as its frequency allows.</summary>
public class Campaign : IPublishable
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string? ImagePath { get; set; }
    public string ContentHtml { get; set; } = "";
    public CampaignPlacement Placement { get; set; }
    public CampaignFrequency Frequency { get; set; }
    public PublishStatus Status { get; set; }
    public DateTime? PublishFrom { get; set; }
    public DateTime? PublishTo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
