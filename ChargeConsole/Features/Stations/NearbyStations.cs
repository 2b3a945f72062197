using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Stations;

public sealed record StationNearby(int Id, string Name, string Address, double Latitude, double Longitude, double DistanceKm, int FreeGuns, int TotalGuns, IReadOnlyList<string> Tags);

/// <summary>Open stations within a radius of a point, nearest first, with how many guns are free right now.</summary>
public sealed class NearbyStations(IDbContextFactory<ChargeDbContext> dbFactory)
{
    /// <param name="tagId">only stations with this tag (电站标签), when given</param>
    public async Task<IReadOnlyList<StationNearby>> FindAsync(double latitude, double longitude, double radiusKm, CancellationToken ct = default, int? tagId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A bounding box in the database, the exact distance here: a degree of latitude is about 111 km.
        var dLat = radiusKm / 111.0;
        var dLng = radiusKm / (111.0 * Math.Max(0.01, Math.Cos(latitude * Math.PI / 180)));
        var stations = db.Stations.AsNoTracking()
            .Where(s => s.IsOpen && s.Latitude >= latitude - dLat && s.Latitude <= latitude + dLat && s.Longitude >= longitude - dLng && s.Longitude <= longitude + dLng);
        if (tagId is { } tag) stations = stations.Where(s => s.Tags.Any(t => t.Id == tag));
        var candidates = await stations
            .Select(s => new
            {
                s.Id, s.Name, s.Address, s.Latitude, s.Longitude,
                Free = db.Guns.Count(g => g.StationId == s.Id && g.Status == GunStatus.Idle),
                Total = db.Guns.Count(g => g.StationId == s.Id),
                Tags = s.Tags.OrderBy(t => t.SortOrder).Select(t => t.Name).ToList(),
            })
            .ToListAsync(ct);
        return candidates
            .Select(s => new StationNearby(s.Id, s.Name, s.Address, s.Latitude, s.Longitude, Math.Round(DistanceKm(latitude, longitude, s.Latitude, s.Longitude), 2), s.Free, s.Total, s.Tags))
            .Where(s => s.DistanceKm <= radiusKm)
            .OrderBy(s => s.DistanceKm)
            .ToList();
    }

    /// <summary>Great-circle distance (haversine).</summary>
    public static double DistanceKm(double lat1, double lng1, double lat2, double lng2)
    {
        const double R = 6371.0;
        double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lng2 - lng1) / 2), 2);
        return 2 * R * Math.Asin(Math.Sqrt(a));
    }
}
