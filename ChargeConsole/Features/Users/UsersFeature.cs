using ChargeConsole.Infrastructure.Excel;

namespace ChargeConsole.Features.Users;

/// <summary>The Users module's wiring: its services and endpoints.</summary>
public sealed class UsersFeature : ConsoleFeature
{
    public const string UsersExport = "export/users";
    public const string VehiclesExport = "export/vehicles";

    public override void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<AppUserService>();
    }

    public override void MapEndpoints(FeatureRoutes routes)
    {
        routes.StaffExports.MapExport<UserFilter, UserExportRow>(UsersExport, "用户列表", UserQueries.ExportUsers);
        routes.StaffExports.MapExport<VehicleFilter, VehicleExportRow>(VehiclesExport, "车辆列表", UserQueries.ExportVehicles);
    }
}
