using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Infrastructure.Payments.WeChatPay;

/// <summary>The merchant's private key and WeChat Pay's public keys by serial, read once from the configured files.</summary>
public sealed class WeChatPayKeys : IDisposable
{
    private readonly Lazy<RSA> _merchant;
    private readonly Lazy<Dictionary<string, RSA>> _platform;

    public WeChatPayKeys(IOptions<WeChatPayOptions> options)
    {
        var o = options.Value;
        _merchant = new(() => FromPem(o.PrivateKeyPath));
        _platform = new(() => o.PlatformPublicKeys.ToDictionary(k => k.Key, k => FromPem(k.Value), StringComparer.Ordinal));
    }

    public RSA Merchant => _merchant.Value;

    /// <summary>The public key a response or callback names by its Wechatpay-Serial; null for one we do not hold.</summary>
    public RSA? Platform(string? serial) => serial is not null && _platform.Value.TryGetValue(serial, out var key) ? key : null;

    private static RSA FromPem(string path)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        return rsa;
    }

    public void Dispose()
    {
        if (_merchant.IsValueCreated) _merchant.Value.Dispose();
        if (_platform.IsValueCreated) foreach (var key in _platform.Value.Values) key.Dispose();
    }
}
