using System.Security.Claims;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Infrastructure.Auth;

/// <summary>
/// What one signed-in console account may see. Investors see only the stations they hold a share of;
/// every query that lists station-owned data goes through <see cref="ScopeQueries"/> with this.
/// </summary>
public sealed record AccessScope(string UserId, string UserName, bool IsInvestor, int[]? StationIds)
{
    public bool SeesAllStations => StationIds is null;

    public bool CanSee(int stationId) => StationIds is null || StationIds.Contains(stationId);

    public static async Task<AccessScope> ForAsync(ClaimsPrincipal user, ChargeDbContext db, CancellationToken ct = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var name = user.Identity?.Name ?? "";
        // Anything but an operator or admin is treated as an investor: the narrowest view is the default.
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator))
            return new AccessScope(id, name, false, null);
        var stations = await db.StationInvestors.Where(s => s.InvestorId == id).Select(s => s.StationId).ToArrayAsync(ct);
        return new AccessScope(id, name, true, stations);
    }
}

public static class ScopeQueries
{
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, AccessScope scope) where T : class, IStationOwned =>
        scope.StationIds is { } ids ? query.Where(x => ids.Contains(x.StationId)) : query;

    public static IQueryable<Station> VisibleTo(this IQueryable<Station> query, AccessScope scope) =>
        scope.StationIds is { } ids ? query.Where(x => ids.Contains(x.Id)) : query;

    /// <summary>Mini-program users, their wallets and ledger are the operator's business: an investor sees none of them.</summary>
    public static IQueryable<T> StaffOnly<T>(this IQueryable<T> query, AccessScope scope) =>
        scope.IsInvestor ? query.Where(_ => false) : query;
}

/// <summary>Resolves the current circuit's <see cref="AccessScope"/> for components.</summary>
public sealed class CurrentScope(AuthenticationStateProvider auth, IDbContextFactory<ChargeDbContext> dbFactory)
{
    private AccessScope? _scope;

    public async Task<AccessScope> GetAsync()
    {
        if (_scope is not null) return _scope;
        var state = await auth.GetAuthenticationStateAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        return _scope = await AccessScope.ForAsync(state.User, db);
    }
}
