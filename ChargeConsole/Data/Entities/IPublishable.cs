using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

public enum PublishStatus { Draft = 0, Published = 1, Withdrawn = 2 }

/// <summary>Content the mini-program is served while 已发布 and inside its publish window (banners, articles, campaigns).</summary>
public interface IPublishable
{
    PublishStatus Status { get; }
    DateTime? PublishFrom { get; }
    DateTime? PublishTo { get; }
}
