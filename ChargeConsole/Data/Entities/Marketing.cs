using ChargeConsole.Domain.Coupons;
using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

public enum CouponClaimMethod { Issued = 0, QrCode = 1, InApp = 2 }

public class Coupon
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>满: the order amount from which the coupon applies (zero = no threshold).</summary>
    public Money Threshold { get; set; }
    /// <summary>减: the discount.</summary>
    public Money Discount { get; set; }
    public int TotalQuantity { get; set; }
    public int ClaimedCount { get; set; }
    public int PerUserLimit { get; set; } = 1;
    public DateTime ValidFrom { get; set; }
    public DateTime ValidTo { get; set; }
    public CouponClaimMethod ClaimMethod { get; set; }
    public string? PosterPath { get; set; }
    public string? Remark { get; set; }
    /// <summary>The random token of the QR claim link (/c/{token}); unguessable, so only those shown the code can claim by it.</summary>
    public string ClaimToken { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public class CouponClaim
{
    public int Id { get; set; }
    public int CouponId { get; set; }
    public Coupon Coupon { get; set; } = null!;
    public int AppUserId { get; set; }
    public AppUser AppUser { get; set; } = null!;
    public CouponClaimStatus Status { get; set; }
    public CouponClaimMethod Method { get; set; }
    public DateTime ClaimedAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public long? ChargingOrderId { get; set; }
    /// <summary>The recharge order that reserved it (Reserved while unpaid) or used it (Used once paid).</summary>
    public int? RechargeOrderId { get; set; }
    /// <summary>Concurrency token: every status move bumps it (see CouponClaimTransitions).</summary>
    public int Version { get; set; }
    /// <summary>The user's n-th copy of this coupon (1 … per-user limit): unique per coupon and user, so concurrent claims cannot pass the limit.</summary>
    public int Seq { get; set; }
}

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

/// <summary>A recharge tier with a bonus: credited = amount + bonus.</summary>
public class MarketingPackage
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public Money Amount { get; set; }
    public Money Bonus { get; set; }
    public PackageStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<MarketingActivity> Activities { get; set; } = [];
}

public enum PublishStatus { Draft = 0, Published = 1, Withdrawn = 2 }

/// <summary>Content the mini-program is served while 已发布 and inside its publish window (banners, articles, campaigns).</summary>
public interface IPublishable
{
    PublishStatus Status { get; }
    DateTime? PublishFrom { get; }
    DateTime? PublishTo { get; }
}

public class Banner : IPublishable
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string ImagePath { get; set; } = "";
    public string? LinkUrl { get; set; }
    public int SortOrder { get; set; }
    public PublishStatus Status { get; set; }
    public DateTime? PublishFrom { get; set; }
    public DateTime? PublishTo { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>协议公告: the user agreement and the privacy policy shown at sign-in, and notices.</summary>
public enum ArticleKind { Agreement = 0, Notice = 1, Privacy = 2 }

public class Article : IPublishable
{
    public int Id { get; set; }
    public ArticleKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string ContentHtml { get; set; } = "";
    public PublishStatus Status { get; set; }
    public DateTime? PublishFrom { get; set; }
    public DateTime? PublishTo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
}

public class StationTag
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    public List<Station> Stations { get; set; } = [];
}

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

/// <summary>When a user last saw a campaign: decides whether a Once or Daily campaign shows again. One row per user and campaign.</summary>
public class CampaignView
{
    public int CampaignId { get; set; }
    public int AppUserId { get; set; }
    public DateTime LastSeenAt { get; set; }
}
