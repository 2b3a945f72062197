using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Live;
using ChargeConsole.Devices.Piles;
using ChargeConsole.Infrastructure.Payments;
using FluentValidation;
using Quartz;

namespace ChargeConsole.Features;

/// <summary>The console's shared infrastructure, then every module's own wiring (its <c>&lt;Module&gt;Feature</c>).</summary>
public static class FeatureRegistration
{
    /// <summary>
    /// Everything but the web host: the database, validators, audit trail, pile host, payments, files and every
    /// feature's services. The app, the tests and the benchmark tool all wire the console through this one method.
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
        services.AddPayments(config);
        services.Configure<Infrastructure.Files.FileStoreOptions>(config.GetSection("Files"));
        services.PostConfigure<Infrastructure.Files.FileStoreOptions>(o => o.Root = Path.GetFullPath(o.Root, contentRoot));
        services.AddSingleton<Infrastructure.Files.FileStore>();
        services.AddSingleton<Infrastructure.Files.ImageUploads>();
        services.AddSingleton<Infrastructure.Auth.SignInThrottle>();
        services.AddSingleton<Infrastructure.Cluster.JobRuns>();
        foreach (var feature in Features) feature.AddServices(services, config);
        return services;
    }

    /// <summary>Every module's jobs, on the one Quartz scheduler.</summary>
    public static void ScheduleFeatureJobs(this IQuartzBuilder quartz, IConfiguration config)
    {
        foreach (var feature in Features) feature.ScheduleJobs(quartz, config);
    }

    public static void MapFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapWeChatPaySandbox();
        // Exports: "export/…" routes each feature declares once for its pages and its mapping.
        var exports = app.MapGroup("/").RequireAuthorization();
        var staff = app.MapGroup("/").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Operator));
        var routes = new FeatureRoutes(app, exports, staff);
        foreach (var feature in Features) feature.MapEndpoints(routes);

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
    }

    /// <summary>Every <see cref="ConsoleFeature"/> in the assembly, in name order so the wiring is the same on every start.</summary>
    private static readonly ConsoleFeature[] Features = typeof(ConsoleFeature).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(ConsoleFeature)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal).Select(t => (ConsoleFeature)Activator.CreateInstance(t)!).ToArray();
}
