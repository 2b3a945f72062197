using Quartz;

namespace ChargeConsole.Features;

/// <summary>Where a feature maps its endpoints: the app itself, and export groups for signed-in users and for staff only.</summary>
/// <param name="Exports">signed in (investors too: their queries scope the rows)</param>
/// <param name="StaffExports">admins and operators only</param>
public sealed record FeatureRoutes(IEndpointRouteBuilder App, IEndpointRouteBuilder Exports, IEndpointRouteBuilder StaffExports);

/// <summary>
/// One module's wiring, in its own folder (<c>Features/&lt;Module&gt;/&lt;Module&gt;Feature.cs</c>): its services, its
/// scheduled jobs and its endpoints, with the routes it declares once for its pages. <see cref="FeatureRegistration"/>
/// finds every feature in the assembly, so a new module is a new folder plus its menu line.
/// </summary>
public abstract class ConsoleFeature
{
    public virtual void AddServices(IServiceCollection services, IConfiguration config) { }

    /// <summary>Jobs go through Quartz once per interval; each job's identity is unique across features.</summary>
    public virtual void ScheduleJobs(IQuartzBuilder quartz, IConfiguration config) { }

    public virtual void MapEndpoints(FeatureRoutes routes) { }

    /// <summary>A job that starts with the console and runs once every <paramref name="interval"/> across the cluster.</summary>
    protected static void Every<TJob>(IQuartzBuilder quartz, string identity, TimeSpan interval) where TJob : IJob =>
        quartz.ScheduleJob<Infrastructure.Cluster.OncePerInterval<TJob>>(
            // First run one interval after start, not at once: a node that starts (or restarts) does not race the work
            // just begun on it (a test's, an operator's) with a job run, and the cluster's slot rule decides the rest.
            t => t.WithIdentity(identity).StartAt(DateTimeOffset.UtcNow + interval).WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()),
            j => j.WithIdentity(identity));
}
