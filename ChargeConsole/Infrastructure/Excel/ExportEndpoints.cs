using ChargeConsole.Data;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Infrastructure.Excel;

public static class ExportEndpoints
{
    /// <summary>
    /// GET <paramref name="path"/>?filter… streams an xlsx of exactly the rows the list shows for that filter,
    /// scoped to the signed-in account.
    /// </summary>
    public static RouteHandlerBuilder MapExport<TFilter, TRow>(this IEndpointRouteBuilder app, string path, string fileName,
        Func<ChargeDbContext, AccessScope, TFilter, IEnumerable<TRow>> rows) where TFilter : class =>
        app.MapGet(path, async ([AsParameters] TFilter filter, HttpContext http, IDbContextFactory<ChargeDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var scope = await AccessScope.ForAsync(http.User, db, ct);
            return await ExcelFiles.DownloadAsync(rows(db, scope, filter), fileName, ct);
        });

    /// <summary>The same for a report read from the roll-ups: a few hundred rows, loaded asynchronously, then written.</summary>
    public static RouteHandlerBuilder MapExport<TFilter, TRow>(this IEndpointRouteBuilder app, string path, string fileName,
        Func<ChargeDbContext, AccessScope, TFilter, CancellationToken, Task<IEnumerable<TRow>>> rows) where TFilter : class =>
        app.MapGet(path, async ([AsParameters] TFilter filter, HttpContext http, IDbContextFactory<ChargeDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var scope = await AccessScope.ForAsync(http.User, db, ct);
            return await ExcelFiles.DownloadAsync(await rows(db, scope, filter, ct), fileName, ct);
        });
}
