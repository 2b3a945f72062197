using System.Security.Cryptography;
using System.Text;

namespace ChargeConsole.Infrastructure.Payments.WeChatPay;

/// <summary>
/// AEAD_AES_256_GCM as WeChat Pay uses it for callback resources: the APIv3 key is the AES key, the 12-byte nonce
/// and the associated data come with the resource, and the ciphertext is Base64 of cipher bytes + 16-byte tag.
/// </summary>
public static class WeChatPayCrypto
{
    private const int TagSize = 16;

    /// <summary>The plaintext, or null when the key, nonce, data or tag do not match (a forged or damaged resource).</summary>
    public static string? Decrypt(string apiV3Key, string nonce, string associatedData, string ciphertext)
    {
        var key = Encoding.UTF8.GetBytes(apiV3Key);
        var nonceBytes = Encoding.UTF8.GetBytes(nonce);
        if (key.Length != 32 || nonceBytes.Length != 12) return null;
        var all = new byte[ciphertext.Length];
        if (!Convert.TryFromBase64String(ciphertext, all, out var n) || n < TagSize) return null;
        var plain = new byte[n - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(nonceBytes, all.AsSpan(0, n - TagSize), all.AsSpan(n - TagSize, TagSize), plain, Encoding.UTF8.GetBytes(associatedData));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The reverse, for the sandbox that plays WeChat Pay.</summary>
    public static string Encrypt(string apiV3Key, string nonce, string associatedData, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[plain.Length + TagSize];
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(apiV3Key), TagSize);
        aes.Encrypt(Encoding.UTF8.GetBytes(nonce), plain, output.AsSpan(0, plain.Length), output.AsSpan(plain.Length), Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(output);
    }
}
