using ChargeConsole;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Api;
using ChargeConsole.Features;
using ChargeConsole.Devices.Piles;
using ChargeConsole.Features.Piles;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Live;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Quartz;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Find() });
// The app's settings live in the top-level appsettings.json (copied next to the binaries on build).
builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
{
    FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
    Path = "appsettings.json", Optional = false, ReloadOnChange = false,
});

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
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
    o.LoginPath = "/login";
    o.LogoutPath = "/account/logout";
    o.AccessDeniedPath = "/access-denied";
    o.ExpireTimeSpan = TimeSpan.FromHours(12);
    o.SlidingExpiration = true;
});
builder.Services.AddAuthorization();
builder.Services.AddAppApi();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<CurrentScope>();
KestrelEndpoints.Configure(builder);
builder.Services.AddQuartz(q => q.ScheduleJob<ChargeConsole.Features.Pricing.BillingSyncRetryJob>(t => t
    .WithIdentity("billing-sync-retry")
    .StartNow()
    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(builder.Configuration.GetValue("BillingSync:RetrySeconds", 30))).RepeatForever()))
    .ScheduleJob<ChargeConsole.Features.Orders.OrderWatchJob>(t => t
        .WithIdentity("order-watch")
        .StartNow()
        .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(builder.Configuration.GetValue("Orders:OverdueCheckSeconds", 60))).RepeatForever())));
builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
if (builder.Configuration.GetValue<bool>("Demo:Enabled") && builder.Configuration.GetValue("Demo:SimulatePiles", true))
{
    builder.Services.AddHostedService<ChargeConsole.Data.Demo.DemoPileFleet>();
    if (builder.Configuration.GetValue("Demo:SimulateUsers", true)) builder.Services.AddHostedService<ChargeConsole.Data.Demo.DemoDrivers>();
}

var app = builder.Build();

await DatabaseStartup.MigrateAndSeedAsync(app.Services, app.Configuration);
await app.Services.GetRequiredService<PileEventSink>().MarkAllOfflineAsync();

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
// Friendly status pages are for browsers; the API answers with problem details.
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapAccountEndpoints();
app.MapFeatureEndpoints();
app.MapAppApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
