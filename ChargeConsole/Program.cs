using ChargeConsole;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Api;
using ChargeConsole.Features;
using ChargeConsole.Features.Piles;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Cluster;
using ChargeConsole.Devices.Ocpp;
using Microsoft.AspNetCore.DataProtection;
using ChargeConsole.Infrastructure.Grid;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Quartz;

// A setting or resource the console cannot start with ends the start with one Chinese line and exit code 1
// (StartupFailure); the test host's own stop (HostAbortedException) passes through.
IConfiguration? config = null;
try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Find() });
    config = builder.Configuration;
    // The app's settings live in the top-level appsettings.json (copied next to the binaries on build).
    builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
    {
        FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
        Path = "appsettings.json", Optional = false, ReloadOnChange = false,
    });

    StartupFailure.CheckEnvironment(builder.Environment, builder.Configuration);
    builder.Services.AddRazorComponents().AddInteractiveServerComponents();
    builder.Services.AddMudServices();
    // Radzen only for its HTML editor (协议公告); its services are what the editor's dialogs need.
    Radzen.ServiceCollectionExtensions.AddRadzenComponents(builder.Services);
    builder.Services.AddTransient<MudBlazor.MudLocalizer, ChargeConsole.Infrastructure.ChineseMudLocalizer>();
    // Chinese text is written as is, not as &#x...; entities.
    builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
        o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
    builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddConsoleCore(builder.Configuration, builder.Environment.ContentRootPath);

    builder.Services.AddIdentity<ConsoleUser, IdentityRole>(o =>
        {
            o.Lockout.MaxFailedAccessAttempts = 5;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            o.Lockout.AllowedForNewUsers = true;
            o.Password.RequiredLength = 8;
            o.Password.RequireNonAlphanumeric = false;
            o.Password.RequireUppercase = false;
            o.User.RequireUniqueEmail = false;
        })
        .AddEntityFrameworkStores<ChargeDbContext>()
        .AddDefaultTokenProviders()
        .AddErrorDescriber<ChineseIdentityErrors>();
    builder.Services.ConfigureApplicationCookie(o =>
    {
        // Behind a TLS proxy (ForwardedHeaders:Enabled) requests arrive as https, so the cookie is Secure there;
        // Auth:SecureCookies=true insists on it whatever the request says.
        o.Cookie.SecurePolicy = builder.Configuration.GetValue("Auth:SecureCookies", false) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.LoginPath = "/login";
        o.LogoutPath = "/account/logout";
        o.AccessDeniedPath = "/access-denied";
        o.ExpireTimeSpan = TimeSpan.FromHours(12);
        o.SlidingExpiration = true;
    });
    builder.Services.AddAuthorization();
    builder.Services.AddConsoleHealthChecks();
    builder.Services.AddTlsProxySupport(builder.Configuration);
    // SIGTERM: every background service gets 5 s to finish (the piles reconnect to another node meanwhile).
    builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("ShutdownSeconds", 5)));
    builder.Services.AddAppApi();
    builder.Services.AddCascadingAuthenticationState();
    builder.Services.AddScoped<CurrentScope>();
    builder.Services.AddScoped<ListPages>();
    KestrelEndpoints.Configure(builder);
    // Every process is a node of the cluster (of one on SQLite): piles are reached through their grains from any node.
    builder.AddConsoleCluster();
    // Keys in the shared database: a sign-in cookie or form token issued by one node is read by every other.
    builder.Services.AddDataProtection().SetApplicationName("ChargeConsole").PersistKeysToDbContext<ChargeDbContext>();
    builder.Services.AddQuartz(q => q.ScheduleFeatureJobs(builder.Configuration));
    builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
#if DEMO
    if (builder.Configuration.GetValue<bool>("Demo:Enabled") && builder.Configuration.GetValue("Demo:SimulatePiles", true))
    {
        builder.Services.AddHostedService<ChargeConsole.Data.Demo.DemoPileFleet>();
        if (builder.Configuration.GetValue("Demo:SimulateUsers", true)) builder.Services.AddHostedService<ChargeConsole.Data.Demo.DemoDrivers>();
    }
#endif

    var app = builder.Build();
    // Settings checked at start (ValidateOnStart) are checked now, before the database is touched.
    app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();

    await DatabaseStartup.MigrateAndSeedAsync(app.Services, app.Configuration);
    if (args.Contains("--rebuild-revenue"))
    {
        await app.Services.GetRequiredService<ChargeConsole.Features.Revenue.RevenueRebuild>().RebuildDaysAsync();
        Console.WriteLine("分润日统计已按订单重建。");
        return 0;
    }

    if (!app.Environment.IsDevelopment())
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
    }
    // Chinese unless English is chosen explicitly (?culture=en or the culture cookie); a browser's own
    // language list does not switch an operator's console.
    app.UseRequestLocalization(o =>
    {
        o.SetDefaultCulture("zh-CN").AddSupportedCultures("zh-CN", "en").AddSupportedUICultures("zh-CN", "en");
        o.RequestCultureProviders = [new Microsoft.AspNetCore.Localization.QueryStringRequestCultureProvider(), new Microsoft.AspNetCore.Localization.CookieRequestCultureProvider()];
    });
    app.UseTlsProxySupport();
    app.UseSecurityHeaders();
    // Friendly status pages are for browsers; the API answers with problem details in Chinese.
    // OCPP charge points are answered in plain text at the upgrade, not with the console's pages.
    app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && !c.Request.Path.StartsWithSegments("/ocpp"), b => b.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
    app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseApiErrors());
    app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && !c.Request.Path.StartsWithSegments("/ocpp"), b => b.UseBadRequestPage());
    app.UseWebSockets();
    // Routing after the status-code pages, so that re-executing /not-found is routed to the page (an implicit UseRouting
    // at the start of the pipeline would not run again, and an unknown URL would get an empty 404).
    app.UseRouting();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseAntiforgery();

    app.MapStaticAssets();
    app.MapAccountEndpoints();
    app.MapFeatureEndpoints();
    app.MapAppApi();
    app.MapOcpp().AllowAnonymous(); // a charge point is let in by its registration (and later its password), not a console sign-in
    app.MapConsoleHealthChecks();
    // Unknown /api routes answer JSON 404 (problem details), not the console's HTML page.
    app.Map("/api/{**rest}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: ApiErrors.Message(StatusCodes.Status404NotFound)));
    // The whole Content-Security-Policy, frame-ancestors included, is SecurityHeaders'.
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

    await app.StartAsync();
    await app.WaitForShutdownAsync();
    return 0;
}
catch (Exception e) when (e is not HostAbortedException)
{
    Console.Error.WriteLine(StartupFailure.Explain(e, config));
    return 1;
}

public partial class Program;
