using ChargeConsole.Tests.Support;
using System.Security.Cryptography;
using ChargeConsole.Infrastructure.Payments.WeChatPay;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChargeConsole.Tests.Payments;

/// <summary>
/// Each WeChat Pay signature against a fixed key, with the expected message written out by hand and the expected
/// signature made by openssl from the same key (Support/WeChatPay/README.md).
/// </summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class WeChatPaySignatureTests
{
    private static string KeyFile(string name) => Path.Combine(AppContext.BaseDirectory, "Support", "WeChatPay", name);

    private static RSA Key(string name)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(KeyFile(name)));
        return rsa;
    }

    [Fact]
    public void A_request_is_signed_over_method_path_timestamp_nonce_and_body_each_ending_in_a_newline()
    {
        var message = WeChatPaySignature.RequestMessage("POST", "/v3/pay/transactions/jsapi", 1764561600, "593BEC0C930BF1AFEB40B4A08C8FB242",
            """{"appid":"wxd678efh567hg6787","mchid":"1230000109"}""");

        Assert.Equal("POST\n/v3/pay/transactions/jsapi\n1764561600\n593BEC0C930BF1AFEB40B4A08C8FB242\n{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1230000109\"}\n", message);
        Assert.Equal(
            "HeRqZy4TVx5VYqncW589S+aw52mfAYkh7u8JPvbmuI14Bv+mgSZSJkFrJtfFMh34r179P1EtypZAekOFkyXKXmwSqKSTiQ2BRPkvrgF7XO3ZlJawzf7c57TxvFO4DD1VctTrCrFSBsoB5OnMHJw8wuuuGI6OeoH5wJR8EPefAXzQVDnSYClyF7aXNi+ehGlivXL1/PRhHOdIZdjUuxeeet+QsHDGPwszCjf+L69p+2wuTSUsMngzpOeC8PhevDB6pI3roJStJlLwNIvYaweOtDrIV9Jo34AqWbiUsM4oRs2adfPSjhdpa5wj8aX+wAdiP6JpcN5KYEQBdudP0BRyXA==",
            WeChatPaySignature.Sign(Key("merchant.pem"), message));
    }

    [Fact]
    public void The_authorization_header_names_the_merchant_nonce_signature_timestamp_and_serial()
    {
        Assert.Equal(
            "WECHATPAY2-SHA256-RSA2048 mchid=\"1230000109\",nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\",signature=\"c2lnbg==\",timestamp=\"1764561600\",serial_no=\"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C\"",
            WeChatPaySignature.Authorization("1230000109", "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C", 1764561600, "593BEC0C930BF1AFEB40B4A08C8FB242", "c2lnbg=="));
        var fields = WeChatPaySignature.ParseAuthorization(
            "WECHATPAY2-SHA256-RSA2048 mchid=\"1230000109\",nonce_str=\"N\",signature=\"a+b/c==\",timestamp=\"1764561600\",serial_no=\"S1\"");
        Assert.Equal(("1230000109", "a+b/c==", "S1"), (fields!["mchid"], fields["signature"], fields["serial_no"]));
        Assert.Null(WeChatPaySignature.ParseAuthorization("Bearer abc"));
    }

    [Fact]
    public void The_mini_programs_payment_parameters_are_signed_over_app_id_timestamp_nonce_and_package()
    {
        var message = WeChatPaySignature.PaymentMessage("wxd678efh567hg6787", 1764561600, "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", "prepay_id=wx201410272009395522657a690389285100");

        Assert.Equal("wxd678efh567hg6787\n1764561600\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n", message);
        Assert.Equal(
            "J2yPbcAytJPM9BgxbqjIJbeGVhZ9mQwpXIwErMgfri72boxXrz6YGuod5bvdbyF7tq71V1ZuFHiUFdvRwCI9Op+q7MdZqf/EcxoA7WJ+RivfrqTAQrLtKjABIYSpWUnIfItXnAjyBU15Yjksy90iKyKtIuajRF4v8l1tDXnpC3O14jiy8Mh9Rx1gm1ViYx7KAqpUx1UHDDcL+AJ+PFldMdPUM39wGO5VWbmja4o4zt6H39gcQ6mtON3qJ5TlelKWKKNUnnlGnq4V3aBPcI/fkAI+UushWbR5cbd8mPNMsSQ3WgfsS7VDPwf2sfnN1bTJMrNg5Ip5mjMvXEOenx2S8w==",
            WeChatPaySignature.Sign(Key("merchant.pem"), message));
    }

    private const string ResponseSignature =
        "Q97UqEZ9DObQu1/zgLz/IPn+oS2LCtqMoaGC4mzzm/0d5e65vtth6EEMjExc90olTIO+Tm/6WWAV/wx/BM1DHxoXp9aBJuswd47E5rQ4dk3l+4F7I1ism75C9lcBoZe6MYS0WaLr/lkEMwtt5xKgngt8XamOsAJmx82tn94zd+U/grMAptD8ZiZ7uirnUwSdsRRRq+Z2XgvuUTa7Mx2eMesEGS5KtsGRI/RXU3e6aus0ui5fpTqI2o6nRMB0kZjRPr8M1dVqtv7dUsN+3C3wi2VfdFVsA/RXYgC7+v439q3L0JqvT/BuSK3LLcTwW4X0AjUG+xQ0dVgvMU/xbgI7LQ==";

    private static WeChatPayVerifier Verifier(DateTimeOffset now, string apiV3Key = "0123456789abcdefghijABCDEFGHIJ01")
    {
        var options = Options.Create(new WeChatPayOptions
        {
            ApiV3Key = apiV3Key, PlatformPublicKeys = new() { ["PUB_KEY_ID_0112"] = KeyFile("platform_pub.pem") },
        });
        return new WeChatPayVerifier(new WeChatPayKeys(options), options, new FakeTimeProvider(now));
    }

    [Fact]
    public void A_response_is_believed_only_with_a_known_serial_a_matching_signature_and_a_timestamp_within_five_minutes()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1764561600);
        WeChatPayHeaders Headers(string serial = "PUB_KEY_ID_0112", string signature = ResponseSignature) =>
            new(serial, signature, "1764561600", "c5ac7061fccab6bf3e254dcf98995b8c");

        Assert.Null(Verifier(at.AddMinutes(4)).Check(Headers(), """{"code":"OK"}"""));
        Assert.Equal("签名验证失败", Verifier(at).Check(Headers(), """{"code":"OK!"}"""));
        Assert.Equal("签名验证失败", Verifier(at).Check(Headers(signature: "AAAA" + ResponseSignature[4..]), """{"code":"OK"}"""));
        Assert.Equal("未知的微信支付公钥序列号 PUB_KEY_ID_9999", Verifier(at).Check(Headers("PUB_KEY_ID_9999"), """{"code":"OK"}"""));
        Assert.Equal("时间戳与本机相差 301 秒，已拒绝", Verifier(at.AddSeconds(301)).Check(Headers(), """{"code":"OK"}"""));
        Assert.Equal("缺少微信支付签名头", Verifier(at).Check(new(null, ResponseSignature, "1764561600", "n"), "{}"));
    }

    [Fact]
    public void A_callback_resource_is_decrypted_with_the_apiv3_key_and_refused_when_anything_is_changed()
    {
        const string key = "0123456789abcdefghijABCDEFGHIJ01";
        const string cipher = "vW8niyvdT4EgEvOD7HQ3qfaIPc9TJSX96Q8DocEWGj4k/sq44HbFu9FVvApjowmI1dtbmtQT5URF+Osiph8=";

        Assert.Equal("""{"out_trade_no":"RC1","trade_state":"SUCCESS"}""", WeChatPayCrypto.Decrypt(key, "fdasflkja484", "transaction", cipher));
        Assert.Null(WeChatPayCrypto.Decrypt(key, "fdasflkja484", "refund", cipher));
        Assert.Null(WeChatPayCrypto.Decrypt(key, "fdasflkja485", "transaction", cipher));
        Assert.Null(WeChatPayCrypto.Decrypt("0123456789abcdefghijABCDEFGHIJ02", "fdasflkja484", "transaction", cipher));
        Assert.Null(WeChatPayCrypto.Decrypt(key, "fdasflkja484", "transaction", "not base64!"));
        Assert.Equal(cipher, WeChatPayCrypto.Encrypt(key, "fdasflkja484", "transaction", """{"out_trade_no":"RC1","trade_state":"SUCCESS"}"""));
    }

    [Fact]
    public void Incomplete_merchant_settings_stop_the_start_with_each_reason_in_chinese()
    {
        var result = new WeChatPayOptionsValidator().Validate(null, new WeChatPayOptions { Enabled = true, ApiV3Key = "short", NotifyBaseUrl = "http://x.example" });

        Assert.True(result.Failed);
        Assert.Contains("WeChatPay:MchId（商户号）未配置", result.Failures!);
        Assert.Contains("WeChatPay:ApiV3Key（APIv3 密钥）必须是 32 个字符", result.Failures!);
        Assert.Contains("WeChatPay:NotifyBaseUrl 对接正式微信支付时必须是 https 地址", result.Failures!);
        Assert.True(new WeChatPayOptionsValidator().Validate(null, new WeChatPayOptions { Enabled = false }).Succeeded);
    }
}
