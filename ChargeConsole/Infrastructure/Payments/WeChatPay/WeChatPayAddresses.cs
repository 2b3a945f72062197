using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Infrastructure.Payments.WeChatPay;

/// <summary>Where the client calls and where WeChat Pay posts back: the configured addresses, or this console's own (sandbox).</summary>
public sealed class WeChatPayAddresses(IOptions<WeChatPayOptions> options, IServer server)
{
    public const string SandboxPath = "/wxpay-sandbox";

    public string BaseUrl => options.Value.BaseUrl is { Length: > 0 } url ? url.TrimEnd('/') : Own() + SandboxPath;

    public string NotifyUrl(string kind) =>
        $"{(options.Value.NotifyBaseUrl is { Length: > 0 } url ? url.TrimEnd('/') : Own())}/api/pay/wechat/notify/{kind}";

    /// <summary>The first http address Kestrel listens on, a wildcard host read as loopback.</summary>
    private string Own()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://"))
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("控制台尚未开始监听，无法确定沙箱地址");
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "127.0.0.1";
        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
