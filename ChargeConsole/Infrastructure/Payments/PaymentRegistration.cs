#if DEMO
using ChargeConsole.Infrastructure.Payments.Sandbox;
#endif
using ChargeConsole.Infrastructure.Payments.WeChatPay;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Infrastructure.Payments;

public static class PaymentRegistration
{
    /// <summary>The WeChat Pay client (checked at start when switched on) and, in the demo and the tests, its sandbox.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<WeChatPayOptions>(config.GetSection(WeChatPayOptions.Section));
#if DEMO
        services.Configure<SandboxOptions>(config.GetSection(WeChatPayOptions.Section + ":Sandbox"));
        services.AddSingleton<SandboxCredentials>();
        services.AddSingleton<IPostConfigureOptions<WeChatPayOptions>>(sp => sp.GetRequiredService<SandboxCredentials>());
#endif
        services.AddSingleton<IValidateOptions<WeChatPayOptions>, WeChatPayOptionsValidator>();
        services.AddOptions<WeChatPayOptions>().ValidateOnStart();
        services.AddSingleton<WeChatPayKeys>();
        services.AddSingleton<WeChatPayVerifier>();
        services.AddSingleton<WeChatPayAddresses>();
        services.AddHttpClient<WeChatPayClient>();
#if DEMO
        if (config.GetValue<bool>(WeChatPayOptions.Section + ":Sandbox:Enabled"))
        {
            services.AddSingleton<WeChatPaySandbox>();
            services.AddHttpClient(nameof(WeChatPaySandbox));
        }
#endif
        return services;
    }

    /// <summary>
    /// The sandbox's API under /wxpay-sandbox (as WeChat Pay's), and what the demo and tests tell it to do under
    /// /wxpay-sandbox/control: pay an order, end a refund — each as often as asked. Only when the sandbox is on.
    /// </summary>
    public static void MapWeChatPaySandbox(this IEndpointRouteBuilder app)
    {
#if DEMO
        if (app.ServiceProvider.GetService<WeChatPaySandbox>() is null) return;
        var path = WeChatPayAddresses.SandboxPath;
        app.Map(path + "/v3/{**rest}", (HttpContext ctx, WeChatPaySandbox sandbox) => sandbox.HandleAsync(ctx, ctx.Request.Path.Value![path.Length..]))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost(path + "/control/pay/{outTradeNo}", async (string outTradeNo, WeChatPaySandbox sandbox, int copies = 1, long? total = null) =>
            Results.Ok(await sandbox.PayAsync(outTradeNo, copies, total))).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(path + "/control/refunds/{outRefundNo}", async (string outRefundNo, WeChatPaySandbox sandbox, string status = WxRefund.Success, int copies = 1) =>
            Results.Ok(await sandbox.EndRefundAsync(outRefundNo, status, copies))).AllowAnonymous().ExcludeFromDescription();
#endif
    }
}
