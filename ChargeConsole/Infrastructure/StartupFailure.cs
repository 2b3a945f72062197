using System.Text.RegularExpressions;
using ChargeConsole.Data;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Infrastructure;

/// <summary>A setting the console cannot start with, said in the one line an operator reads (it names the setting).</summary>
public sealed class StartupException(string message) : Exception(message);

/// <summary>
/// What an operator reads when the console cannot start: one line, 「启动失败：…」, naming the setting or the resource,
/// and exit code 1 — never a stack trace (README, "Two commands").
/// </summary>
public static partial class StartupFailure
{
    /// <summary>Refuses what must never run in production: the WeChat Pay sandbox (its pay-control endpoint is open to anyone) and the demo (its passwords are public).</summary>
    public static void CheckEnvironment(IHostEnvironment env, IConfiguration config)
    {
#if !DEMO
        if (config.GetValue<bool>("Demo:Enabled") || config.GetValue<bool>("WeChatPay:Sandbox:Enabled"))
            throw new StartupException("此版本（dotnet publish）不含演示数据和微信支付沙箱：请关闭 Demo:Enabled 与 WeChatPay:Sandbox:Enabled，演示请用 README 中的 dotnet run 命令");
#endif
        if (!env.IsProduction()) return;
        if (config.GetValue<bool>("WeChatPay:Sandbox:Enabled"))
            throw new StartupException("WeChatPay:Sandbox:Enabled（微信支付沙箱）只用于演示和测试，生产环境（ASPNETCORE_ENVIRONMENT=Production）不能开启");
        if (config.GetValue<bool>("Demo:Enabled"))
            throw new StartupException("Demo:Enabled（演示数据，密码公开）只用于演示，生产环境（ASPNETCORE_ENVIRONMENT=Production）不能开启");
    }

    public static string Explain(Exception e, IConfiguration? config)
    {
        if (config is not null && DatabaseStartup.Explain(e, config) is { } database) return database;
        var cause = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : e;
        while (cause is System.Reflection.TargetInvocationException or TypeInitializationException && cause.InnerException is not null) cause = cause.InnerException;
        return cause switch
        {
            StartupException s => "启动失败：" + s.Message,
            OptionsValidationException o => "启动失败：" + string.Join("；", o.Failures),
            InvalidOperationException i when ConversionFailure().Match(i.Message) is { Success: true } m =>
                $"启动失败：配置项 {m.Groups[1].Value} 的值无法识别（应为{TypeName(m.Groups[2].Value)}），请检查 appsettings.json、环境变量或命令行参数",
            IOException io when io.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) || io.InnerException?.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) == true =>
                $"启动失败：{BindTarget(io.Message)}端口已被占用，请关闭占用它的程序，或用 --urls / --Ykc:Port 指定其他端口",
            _ => $"启动失败：{cause.Message.ReplaceLineEndings(" ")}（{cause.GetType().Name}）",
        };
    }

    private static string TypeName(string clr) => clr switch
    {
        "System.Int32" or "System.Int64" => "整数",
        "System.Boolean" => "true 或 false",
        "System.Decimal" or "System.Double" => "数字",
        "System.TimeSpan" => "时长，如 00:00:30",
        _ => clr,
    };

    private static string BindTarget(string message) => BindAddress().Match(message) is { Success: true } m ? $"无法监听 {m.Groups[1].Value}：" : "";

    [GeneratedRegex("Failed to convert configuration value (?:'[^']*' )?at '([^']+)' to type '([^']+)'")]
    private static partial Regex ConversionFailure();

    [GeneratedRegex("bind to address ([^\\s:]+://[^\\s]+?)[:.]? ")]
    private static partial Regex BindAddress();
}
