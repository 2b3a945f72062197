using System.Linq.Expressions;
using ChargeConsole.Domain.Infrastructure;

namespace ChargeConsole.Infrastructure.Grid;

/// <summary>The date-range filter of every list: China calendar days, both inclusive (the same day twice finds that day).</summary>
public static class ChinaDays
{
    public static IQueryable<T> WithinChinaDays<T>(this IQueryable<T> query, Expression<Func<T, DateTime>> at, DateTime? from, DateTime? to)
    {
        if (from is { } f) query = query.Where(Compare<T>(at, ChinaTime.ToUtc(f.Date), Expression.GreaterThanOrEqual));
        if (to is { } t) query = query.Where(Compare<T>(at, ChinaTime.ToUtc(t.Date.AddDays(1)), Expression.LessThan));
        return query;
    }

    /// <summary>The same for a time that may be unset (e.g. paid at): an unset one is outside any range given.</summary>
    public static IQueryable<T> WithinChinaDays<T>(this IQueryable<T> query, Expression<Func<T, DateTime?>> at, DateTime? from, DateTime? to)
    {
        if (from is { } f) query = query.Where(Compare<T>(at, ChinaTime.ToUtc(f.Date), Expression.GreaterThanOrEqual));
        if (to is { } t) query = query.Where(Compare<T>(at, ChinaTime.ToUtc(t.Date.AddDays(1)), Expression.LessThan));
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
