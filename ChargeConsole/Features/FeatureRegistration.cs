using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Live;
using ChargeConsole.Devices.Piles;
using FluentValidation;
using ChargeConsole.Features.Accounts;
using ChargeConsole.Features.AuditLogs;
using ChargeConsole.Features.Home;
using ChargeConsole.Features.Orders;
using ChargeConsole.Features.Piles;
using ChargeConsole.Features.Pricing;
using ChargeConsole.Features.Stations;
using ChargeConsole.Features.StoredValue;
using ChargeConsole.Features.Users;
using ChargeConsole.Features.Wallets;
using ChargeConsole.Infrastructure.Excel;
using ChargeConsole.Infrastructure.Payments;

namespace ChargeConsole.Features;

/// <summary>Each module's services and HTTP endpoints, registered in one place.</summary>
public static class FeatureRegistration
{
    /// <summary>
    /// Everything but the web host: the database, validators, audit trail and feature services. The app,
    /// the tests and the benchmark tool all wire the console through this one method.
    /// </summary>
    public static IServiceCollection AddConsoleCore(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        services.AddChargeDatabase(config, contentRoot);
        // Validators are stateless: singletons, so singleton feature services can use them.
        // Rule fragments that take arguments (e.g. FourPricesRules) are Include()d by the form validators, not registered.
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton,
            filter: r => r.ValidatorType.GetConstructor(Type.EmptyTypes) is not null, includeInternalTypes: true);
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<LiveEvents>();
        services.AddPileHost(config);
        services.AddSingleton<PileStateWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<PileStateWriter>());
        services.Configure<OrdersOptions>(config.GetSection("Orders"));
        services.AddSingleton<OrderSettlement>();
        services.AddSingleton<Revenue.RevenueRebuild>();
        services.AddSingleton<SettlementQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<SettlementQueue>());
        services.AddSingleton<OrderTelemetry>();
        services.AddSingleton<ChargingService>();
        services.AddSingleton<PileStartAuthorizer>();
        services.AddSingleton<PileEventSink>();
        services.AddSingleton<IPileEventSink>(sp => sp.GetRequiredService<PileEventSink>());
        services.AddPayments(config);
        services.Configure<Infrastructure.Files.FileStoreOptions>(config.GetSection("Files"));
        services.PostConfigure<Infrastructure.Files.FileStoreOptions>(o => o.Root = Path.GetFullPath(o.Root, contentRoot));
        services.AddSingleton<Infrastructure.Files.FileStore>();
        services.AddSingleton<Infrastructure.Files.ImageUploads>();
        services.AddSingleton<Infrastructure.Auth.SignInThrottle>();
        services.Configure<StoredValue.RechargeOptions>(config.GetSection("Recharge"));
        return services.AddFeatures();
    }

    private static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddSingleton<StationService>();
        services.AddSingleton<PileService>();
        services.AddSingleton<PileImportService>();
        services.AddSingleton<GunService>();
        services.AddSingleton<PileOperationsService>();
        services.AddSingleton<ElectricityPriceService>();
        services.AddSingleton<BillingTemplateService>();
        services.AddSingleton<BillingSyncService>();
        services.AddSingleton<AuditLogService>();
        services.AddSingleton<DashboardService>();
        services.AddSingleton<HomeFiguresService>();
        services.AddScoped<AccountService>();
        services.AddSingleton<ChargingOrderService>();
        services.AddSingleton<OrderResolutionService>();
        services.AddSingleton<WalletService>();
        services.AddSingleton<NearbyStations>();
        services.AddSingleton<ChargeConsole.Features.Users.AppUserService>();
        services.AddSingleton<StoredValue.RechargeService>();
        services.AddSingleton<StoredValue.RechargePayments>();
        services.AddSingleton<StoredValue.RefundService>();
        services.AddSingleton<StoredValue.StoredValueQueries>();
        services.AddSingleton<StoredValue.PackageService>();
        services.AddSingleton<StoredValue.WithdrawalService>();
        services.AddSingleton<Invoices.InvoiceService>();
        services.AddSingleton<Coupons.CouponService>();
        services.AddSingleton<StationTagService>();
        services.AddSingleton<Infrastructure.Content.RichText>();
        services.AddSingleton<Content.ArticleService>();
        services.AddSingleton<Content.BannerService>();
        services.AddSingleton<Content.CampaignService>();
        services.AddSingleton<Marketing.MarketingService>();
        services.AddSingleton<Coupons.CouponIssueRuns>();
        services.AddHostedService(sp => sp.GetRequiredService<Coupons.CouponIssueRuns>());
        services.AddSingleton<Revenue.RevenueBackfill>();
        services.AddHostedService(sp => sp.GetRequiredService<Revenue.RevenueBackfill>());
        return services;
    }

    public static void MapFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPaymentNotify();
        Coupons.CouponEndpoints.MapCouponEndpoints(app);
        app.MapWeChatPaySandbox();
        var export = app.MapGroup("/export").RequireAuthorization();
        export.MapExport<StationFilter, StationExportRow>("/stations", "电站列表", StationService.Export);
        export.MapExport<PileFilter, PileExportRow>("/piles", "电桩列表", PileService.Export);
        export.MapExport<GunFilter, GunExportRow>("/guns", "电枪列表", GunService.Export);
        export.MapExport<ChargingOrderFilter, ChargingOrderExportRow>("/orders", "充电订单", ChargingOrderService.Export);
        // Reports: scoped inside the queries (an investor gets their stations and their own part only).
        export.MapExport<Reports.ReportFilter, Dictionary<string, object>>("/reports/monthly", "月度统计", Reports.ReportQueries.ExportMonthlyAsync);
        export.MapExport<Reports.ReportFilter, Reports.InvestorRevenueExportRow>("/reports/investor-revenue", "投资人收益", Reports.ReportQueries.ExportInvestorRevenue);
        export.MapExport<Reports.ReportFilter, Reports.StationTotalExportRow>("/reports/stations", "充电统计", Reports.ReportQueries.ExportStationTotalsAsync);
        export.MapExport<Reports.ReportFilter, Reports.InvestorStationExportRow>("/reports/investor-stations", "收益图表", Reports.ReportQueries.ExportInvestorStationsAsync);
        export.MapExport<Reports.ReportFilter, Reports.StationShareExportRow>("/reports/station-shares", "电站收益占比", Reports.ReportQueries.ExportStationSharesAsync);
        // Pricing and the audit trail are staff pages: investors get no export of them either.
        var staff = export.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Operator));
        staff.MapExport<ElectricityPriceFilter, ElectricityPriceExportRow>("/electricity-prices", "基础电价", ElectricityPriceService.Export);
        staff.MapExport<BillingTemplateFilter, BillingTemplateExportRow>("/billing-templates", "计费模板", BillingTemplateService.Export);
        staff.MapExport<BillingSyncLogFilter, BillingSyncLogExportRow>("/billing-sync-logs", "计费模板日志", BillingSyncService.Export);
        staff.MapExport<AuditLogFilter, AuditLogExportRow>("/audit", "操作日志", AuditLogService.Export);
        staff.MapExport<LedgerFilter, LedgerExportRow>("/ledger", "账单明细", LedgerQueries.Export);
        staff.MapExport<UserFilter, UserExportRow>("/users", "用户列表", UserQueries.ExportUsers);
        staff.MapExport<VehicleFilter, VehicleExportRow>("/vehicles", "车辆列表", UserQueries.ExportVehicles);
        staff.MapExport<WalletFilter, WalletExportRow>("/wallets", "用户资产", WalletService.Export);
        staff.MapExport<RechargeOrderFilter, RechargeOrderExportRow>("/recharge-orders", "储值订单", StoredValueQueries.ExportOrders);
        staff.MapExport<RefundFilter, RefundExportRow>("/refunds", "退款记录", StoredValueQueries.ExportRefunds);
        staff.MapExport<PackageFilter, PackageExportRow>("/recharge-packages", "储值套餐", PackageService.Export);
        staff.MapExport<WithdrawalFilter, WithdrawalExportRow>("/withdrawals", "提现记录", WithdrawalService.Export);
        staff.MapExport<Invoices.InvoiceFilter, Invoices.InvoiceExportRow>("/invoices", "发票管理", Invoices.InvoiceService.Export);
        staff.MapExport<Coupons.CouponFilter, Coupons.CouponExportRow>("/coupons", "优惠券", (db, scope, f) => app.ServiceProvider.GetRequiredService<Coupons.CouponService>().Export(db, scope, f));
        staff.MapExport<Coupons.ClaimFilter, Coupons.ClaimExportRow>("/coupon-claims", "领取记录", Coupons.CouponService.ExportClaims);
        staff.MapExport<StationTagFilter, StationTagExportRow>("/station-tags", "电站标签", StationTagService.Export);
        staff.MapExport<Content.ArticleFilter, Content.ArticleExportRow>("/articles", "协议公告", Content.ArticleService.Export);
        staff.MapExport<Content.BannerFilter, Content.BannerExportRow>("/banners", "轮播管理", Content.BannerService.Export);
        staff.MapExport<Content.CampaignFilter, Content.CampaignExportRow>("/campaigns", "活动管理", Content.CampaignService.Export);
        staff.MapExport<Marketing.ActivityFilter, Marketing.ActivityExportRow>("/marketing-activities", "营销活动", Marketing.MarketingService.ExportActivities);
        staff.MapExport<Marketing.MarketingPackageFilter, Marketing.MarketingPackageExportRow>("/marketing-packages", "营销套餐", Marketing.MarketingService.ExportPackages);

        // An invoice PDF, for staff only, by the request's id (the file's own name is random and never shown).
        app.MapGet("/files/invoices/{id:int}", async (int id, HttpContext http, Invoices.InvoiceService invoices, Microsoft.EntityFrameworkCore.IDbContextFactory<ChargeDbContext> dbFactory, CancellationToken ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return await invoices.PdfForStaffAsync(await Infrastructure.Auth.AccessScope.ForAsync(http.User, db, ct), id, ct) is { } pdf
                    ? Results.File(pdf.File, "application/pdf", pdf.Name)
                    : Results.NotFound();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Operator));

        // Public images (posters, banners) for the mini-program and the console; thumbnails with ?thumb=1.
        app.MapGet("/media/{**key}", (string key, string? thumb, Infrastructure.Files.FileStore files) =>
            {
                if (!Infrastructure.Files.FileStore.IsPublicImage(key)) return Results.NotFound();
                var served = thumb == "1" ? Infrastructure.Files.FileStore.ThumbnailKey(key) : key;
                return files.OpenRead(served) is { } stream
                    ? Results.File(stream, Path.GetExtension(served) switch { ".png" => "image/png", ".webp" => "image/webp", _ => "image/jpeg" })
                    : Results.NotFound();
            })
            .AllowAnonymous();

        app.MapGet("/templates/pile-import.xlsx", () =>
                Results.File(PileImportService.TemplateBytes(), ExcelFiles.ContentType, "电桩导入模板.xlsx"))
            .RequireAuthorization();
    }
}
