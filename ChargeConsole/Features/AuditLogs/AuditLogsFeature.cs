using ChargeConsole.Infrastructure.Excel;

namespace ChargeConsole.Features.AuditLogs;

/// <summary>The AuditLogs module's wiring: its services and endpoints.</summary>
public sealed class AuditLogsFeature : ConsoleFeature
{
    public const string AuditExport = "export/audit";

    public override void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<AuditLogService>();
    }

    public override void MapEndpoints(FeatureRoutes routes)
    {
        routes.StaffExports.MapExport<AuditLogFilter, AuditLogExportRow>(AuditExport, "操作日志", AuditLogService.Export);
    }
}
