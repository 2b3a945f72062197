using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace ChargeConsole.Infrastructure.Grid;

/// <summary>Server-side paging and sorting of a projected query, for <c>MudDataGrid.ServerData</c>.</summary>
public static class GridQuery
{
    public const int MaxPageSize = 200;

    public static async Task<GridData<T>> ToGridDataAsync<T>(this IQueryable<T> query, GridState<T> state, CancellationToken ct,
        Expression<Func<T, object?>>? defaultSort = null, bool defaultDescending = true, int? knownTotal = null)
    {
        // A caller that keeps a running count (a report's roll-ups) spares the database counting a million rows.
        var total = knownTotal ?? await query.CountAsync(ct);
        var sorted = ApplySort(query, state.SortDefinitions, defaultSort, defaultDescending);
        var pageSize = Math.Clamp(state.PageSize, 1, MaxPageSize);
        var items = await sorted.Skip(state.Page * pageSize).Take(pageSize).ToListAsync(ct);
        return new GridData<T> { Items = items, TotalItems = total };
    }

    /// <summary>The same sorting and paging over rows already summed on the server (a report's few hundred rows).</summary>
    public static GridData<T> ToGridData<T>(this IReadOnlyCollection<T> rows, GridState<T> state, Expression<Func<T, object?>>? defaultSort = null, bool defaultDescending = true)
    {
        var pageSize = Math.Clamp(state.PageSize, 1, MaxPageSize);
        var sorted = ApplySort(rows.AsQueryable(), state.SortDefinitions, defaultSort, defaultDescending);
        return new GridData<T> { Items = sorted.Skip(state.Page * pageSize).Take(pageSize).ToList(), TotalItems = rows.Count };
    }

    private static IQueryable<T> ApplySort<T>(IQueryable<T> query, ICollection<SortDefinition<T>> sorts, Expression<Func<T, object?>>? defaultSort, bool descending)
    {
        IOrderedQueryable<T>? ordered = null;
        foreach (var sort in sorts.OrderBy(s => s.Index))
        {
            var property = typeof(T).GetProperty(sort.SortBy, BindingFlags.Public | BindingFlags.Instance);
            if (property is null) continue; // only real columns can be sorted in the database
            ordered = OrderBy(ordered ?? (IQueryable<T>)query, property, sort.Descending, ordered is not null);
        }
        if (ordered is not null) return ordered;
        return defaultSort is null ? query : descending ? query.OrderByDescending(defaultSort) : query.OrderBy(defaultSort);
    }

    private static IOrderedQueryable<T> OrderBy<T>(IQueryable<T> source, PropertyInfo property, bool descending, bool then)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var lambda = Expression.Lambda(Expression.Property(parameter, property), parameter);
        var method = (then, descending) switch
        {
            (false, false) => nameof(Queryable.OrderBy),
            (false, true) => nameof(Queryable.OrderByDescending),
            (true, false) => nameof(Queryable.ThenBy),
            (true, true) => nameof(Queryable.ThenByDescending),
        };
        var call = Expression.Call(typeof(Queryable), method, [typeof(T), property.PropertyType], source.Expression, Expression.Quote(lambda));
        return (IOrderedQueryable<T>)source.Provider.CreateQuery<T>(call);
    }
}
