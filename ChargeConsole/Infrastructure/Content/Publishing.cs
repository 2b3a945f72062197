using ChargeConsole.Data.Entities;

namespace ChargeConsole.Infrastructure.Content;

public static class Publishing
{
    /// <summary>What the mini-program may be shown at <paramref name="now"/>: published, started (or no start) and not ended (or no end).</summary>
    public static IQueryable<T> LiveAt<T>(this IQueryable<T> query, DateTime now) where T : class, IPublishable =>
        query.Where(x => x.Status == PublishStatus.Published && (x.PublishFrom == null || x.PublishFrom <= now) && (x.PublishTo == null || x.PublishTo > now));
}
