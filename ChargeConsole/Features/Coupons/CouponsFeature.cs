using ChargeConsole.Infrastructure.Excel;
using Quartz;

namespace ChargeConsole.Features.Coupons;

/// <summary>The Coupons module's wiring: its services, jobs and endpoints.</summary>
public sealed class CouponsFeature : ConsoleFeature
{
    public const string CouponsExport = "export/coupons";
    public const string ClaimsExport = "export/coupon-claims";

    public override void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<CouponService>();
        services.AddSingleton<CouponIssueRuns>();
        services.AddHostedService(sp => sp.GetRequiredService<CouponIssueRuns>());
    }

    public override void ScheduleJobs(IQuartzBuilder quartz, IConfiguration config) =>
        Every<CouponExpiryJob>(quartz, "coupon-expiry", TimeSpan.FromMinutes(1));

    public override void MapEndpoints(FeatureRoutes routes)
    {
        routes.App.MapCouponEndpoints();
        routes.StaffExports.MapExport<CouponFilter, CouponExportRow>(CouponsExport, "优惠券",
            (db, scope, f) => routes.App.ServiceProvider.GetRequiredService<CouponService>().Export(db, scope, f));
        routes.StaffExports.MapExport<ClaimFilter, ClaimExportRow>(ClaimsExport, "领取记录", CouponService.ExportClaims);
    }
}
