using System.Linq.Expressions;
using ChargeConsole.Domain.Infrastructure;

namespace ChargeConsole.Infrastructure.Grid;

/// <summary>
/// The date-range filter of every list: China calendar days, both inclusive (the same day twice finds that day). A day
/// outside 1900–2199 (a hand-edited export link, say) is held to that range: it finds what the range finds, never throws.
/// </summary>
public static class ChinaDays
{
    private static readonly DateTime Earliest = new(1900, 1, 1), Latest = new(2199, 12, 31);

    /// <summary>The day, held to 1900–2199.</summary>
    public static DateTime Day(DateTime d) => d < Earliest ? Earliest : d > Latest ? Latest : d.Date;

    /// <summary>The UTC instant a China day begins (held to the range).</summary>
    public static DateTime StartUtc(DateTime day) => ChinaTime.ToUtc(Day(day));

    /// <summary>The UTC instant after a China day ends (held to the range).</summary>
    public static DateTime EndUtc(DateTime day) => ChinaTime.ToUtc(Day(day).AddDays(1));

    public static IQueryable<T> WithinChinaDays<T>(this IQueryable<T> query, Expression<Func<T, DateTime>> at, DateTime? from, DateTime? to)
    {
        if (from is { } f) query = query.Where(Compare<T>(at, StartUtc(f), Expression.GreaterThanOrEqual));
        if (to is { } t) query = query.Where(Compare<T>(at, EndUtc(t), Expression.LessThan));
        return query;
    }

    /// <summary>The same for a time that may be unset (e.g. paid at): an unset one is outside any range given.</summary>
    public static IQueryable<T> WithinChinaDays<T>(this IQueryable<T> query, Expression<Func<T, DateTime?>> at, DateTime? from, DateTime? to)
    {
        if (from is { } f) query = query.Where(Compare<T>(at, StartUtc(f), Expression.GreaterThanOrEqual));
        if (to is { } t) query = query.Where(Compare<T>(at, EndUtc(t), Expression.LessThan));
        return query;
    }

    private sealed record Bound(DateTime Value);

    /// <summary>at(x) op bound, with the bound as a query parameter (not a constant) so the plan is reused.</summary>
    private static Expression<Func<T, bool>> Compare<T>(LambdaExpression at, DateTime bound, Func<Expression, Expression, BinaryExpression> op)
    {
        Expression value = Expression.Property(Expression.Constant(new Bound(bound)), nameof(Bound.Value));
        if (at.Body.Type != typeof(DateTime)) value = Expression.Convert(value, at.Body.Type);
        return Expression.Lambda<Func<T, bool>>(op(at.Body, value), at.Parameters);
    }
}
