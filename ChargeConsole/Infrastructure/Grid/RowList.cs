using System.Linq.Expressions;
using ChargeConsole.Data;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace ChargeConsole.Infrastructure.Grid;

/// <summary>
/// One list of the console as its feature declares it: the rows a filter finds in the viewer's scope, and the order
/// they come in when no column is sorted. Pages hand it to <see cref="ListPages"/>; they never open a database.
/// </summary>
/// <param name="Complete">fills in what a page of rows needs from elsewhere (names of linked records), after paging</param>
public sealed record RowList<TFilter, TRow>(
    Func<ChargeDbContext, AccessScope, TFilter, IQueryable<TRow>> Rows,
    Expression<Func<TRow, object?>> DefaultOrder,
    bool Descending = true,
    Func<ChargeDbContext, AccessScope, List<TRow>, CancellationToken, Task<List<TRow>>>? Complete = null)
{
    /// <summary>The same list narrowed further (a page that holds its rows still while new ones arrive).</summary>
    public RowList<TFilter, TRow> Where(Expression<Func<TRow, bool>> predicate) => this with { Rows = (db, scope, f) => Rows(db, scope, f).Where(predicate) };
}

/// <summary>A page of a <see cref="RowList{TFilter,TRow}"/> for the signed-in viewer, in their scope (one per circuit).</summary>
public sealed class ListPages(IDbContextFactory<ChargeDbContext> dbFactory, CurrentScope scope)
{
    public Task<GridData<TRow>> PageAsync<TFilter, TRow>(RowList<TFilter, TRow> list, TFilter filter, GridState<TRow> state, CancellationToken ct) =>
        ReadAsync(async (db, viewer) =>
        {
            var page = await list.Rows(db, viewer, filter).ToGridDataAsync(state, ct, list.DefaultOrder, list.Descending);
            return list.Complete is null ? page : new GridData<TRow> { Items = await list.Complete(db, viewer, page.Items.ToList(), ct), TotalItems = page.TotalItems };
        }, ct);

    /// <summary>One read for a page that is more than a list (a report's figures and charts): the viewer's scope and a context of its own.</summary>
    public async Task<T> ReadAsync<T>(Func<ChargeDbContext, AccessScope, Task<T>> read, CancellationToken ct)
    {
        var viewer = await scope.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await read(db, viewer);
    }
}
