using ChargeConsole.Infrastructure.Excel;

namespace ChargeConsole.Features.Content;

/// <summary>The Content module's wiring: its services and endpoints.</summary>
public sealed class ContentFeature : ConsoleFeature
{
    public const string ArticlesExport = "export/articles";
    public const string BannersExport = "export/banners";
    public const string CampaignsExport = "export/campaigns";
    public const string TagsExport = "export/station-tags";

    public override void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<Infrastructure.Content.RichText>();
        services.AddSingleton<ArticleService>();
        services.AddSingleton<BannerService>();
        services.AddSingleton<CampaignService>();
        services.AddSingleton<StationTagService>();
    }

    public override void MapEndpoints(FeatureRoutes routes)
    {
        routes.StaffExports.MapExport<ArticleFilter, ArticleExportRow>(ArticlesExport, "协议公告", ArticleService.Export);
        routes.StaffExports.MapExport<BannerFilter, BannerExportRow>(BannersExport, "轮播管理", BannerService.Export);
        routes.StaffExports.MapExport<CampaignFilter, CampaignExportRow>(CampaignsExport, "活动管理", CampaignService.Export);
        routes.StaffExports.MapExport<StationTagFilter, StationTagExportRow>(TagsExport, "电站标签", StationTagService.Export);
    }
}
