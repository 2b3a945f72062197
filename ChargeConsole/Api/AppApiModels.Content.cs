using ChargeConsole.Data.Entities;

namespace ChargeConsole.Api;

public sealed record StationTagView(int Id, string Name);

/// <summary>Html is sanitised (no scripts, event handlers or script links).</summary>
public sealed record ArticleView(int Id, ArticleKind Kind, string KindName, string Title, string Html, DateTime PublishedAt);

/// <param name="Link">a mini-program page (/pages/…) or a content item (article:ID), or null</param>
public sealed record BannerView(int Id, string Title, string ImageUrl, string ThumbnailUrl, string? Link);

/// <summary>Html is sanitised; Frequency is Once, Daily or EveryVisit.</summary>
public sealed record CampaignView(int Id, string Title, string? ImageUrl, string Html, string Frequency);

/// <summary>A running 营销活动: its poster, sanitised rules, whether coupons stack with it, and its packages (buy with marketingPackageId).</summary>
public sealed record ActivityView(int Id, string Title, string? PosterUrl, string RulesHtml, bool StackableWithCoupons, DateTime StartAt, DateTime EndAt,
    IReadOnlyList<PackageView> Packages);
