using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ChargeConsole.Api;

/// <summary>The <c>Sms</c> section of appsettings.json: how many codes may be sent, per client address and in all.</summary>
public sealed class SmsLimitOptions
{
    public int PerAddressPerMinute { get; set; } = 5;
    public int GlobalPerMinute { get; set; } = 60;
}

/// <summary>
/// Limits on sending sign-in codes, with ASP.NET Core's rate limiter: a few per client address per minute, and a
/// ceiling for everyone together, so nobody can run up the SMS bill by walking through phone numbers.
/// (The per-phone 60-second rule is <see cref="OneTimeCodes"/>'.) Counts are per node: the global ceiling is
/// therefore a ceiling per console node.
/// </summary>
public static class SmsRateLimits
{
    public const string Policy = "sms";

    public static IServiceCollection AddSmsRateLimits(this IServiceCollection services)
    {
        services.AddOptions<SmsLimitOptions>().BindConfiguration("Sms");
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SmsLimitOptions>>().Value;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(address, _ => Window(limits.PerAddressPerMinute));
            });
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != Policy)
                    return RateLimitPartition.GetNoLimiter("");
                var limits = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SmsLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter("all", _ => Window(limits.GlobalPerMinute));
            });
            o.OnRejected = async (context, ct) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests, Title = "发送验证码过于频繁，请稍后再试", Detail = "发送验证码过于频繁，请稍后再试",
                    },
                });
            };
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
    };
}
