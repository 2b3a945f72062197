using System.Net;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace ChargeConsole.Features.Coupons;

/// <summary>
/// The QR claim link: /c/{token} is a small mobile page with the poster and 立即领取 (sign-in by SMS code through the
/// mini-program API, then the same claim call the mini-program makes). Staff get the link's QR code as a PNG.
/// </summary>
public static class CouponEndpoints
{
    public static string ClaimLink(string baseUri, string token) => $"{baseUri.TrimEnd('/')}/c/{token}";

    public static void MapCouponEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/coupons/{id:int}/qr.png", async (int id, HttpContext http, IDbContextFactory<ChargeDbContext> dbFactory, CancellationToken ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var token = await db.Coupons.AsNoTracking().Where(c => c.Id == id).Select(c => c.ClaimToken).FirstOrDefaultAsync(ct);
                if (token is null) return Results.NotFound();
                using var data = new QRCodeGenerator().CreateQrCode(ClaimLink($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}", token), QRCodeGenerator.ECCLevel.M);
                return Results.File(new PngByteQRCode(data).GetGraphic(10), "image/png", $"优惠券二维码_{id}.png");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Operator));

        app.MapGet("/c/{token}/poster", async Task<IResult> (string token, CouponService coupons, FileStore files, CancellationToken ct) =>
            await coupons.ByTokenAsync(token, ct) is ({ } coupon, null) && files.OpenRead(coupon.PosterPath) is { } stream
                ? Results.File(stream, ContentTypeOf(coupon.PosterPath!))
                : Results.NotFound()).AllowAnonymous();

        app.MapGet("/c/{token}", async (string token, HttpContext http, CouponService coupons, CancellationToken ct) =>
        {
            var (coupon, error) = await coupons.ByTokenAsync(token, ct);
            return Results.Content(ClaimPage(token, coupon is null ? null : (coupon.Name, RuleOf(coupon)), error, http.Nonce()), "text/html; charset=utf-8");
        }).AllowAnonymous();
    }

    private static string ContentTypeOf(string key) => Path.GetExtension(key) switch { ".png" => "image/png", ".webp" => "image/webp", _ => "image/jpeg" };

    private static string RuleOf(Coupon c) =>
        c.Threshold.Fen == 0 ? $"无门槛立减 {c.Discount.Yuan:0.00} 元" : $"满 {c.Threshold.Yuan:0.00} 元减 {c.Discount.Yuan:0.00} 元";

    /// <summary>The page: every value HTML-encoded; the script only calls the public API with what the user types.</summary>
    /// <param name="nonce">the request's script nonce: the page's one inline script runs under the Content-Security-Policy</param>
    private static string ClaimPage(string token, (string Name, string Rule)? coupon, string? error, string nonce)
    {
        Func<string?, string> e = s => WebUtility.HtmlEncode(s ?? "");
        var body = coupon is not { } c
            ? $"<p class=\"gone\" data-testid=\"claim-error\">{e(error ?? "优惠券已过期")}</p>"
            : $$"""
              <img src="/c/{{e(token)}}/poster" alt="优惠券海报">
              <h1>{{e(c.Name)}}</h1><p class="rule">{{e(c.Rule)}}</p>
              <input id="phone" inputmode="numeric" maxlength="11" placeholder="手机号">
              <div class="row"><input id="code" inputmode="numeric" maxlength="6" placeholder="验证码"><button id="send" type="button">获取验证码</button></div>
              <button id="claim" type="button">立即领取</button>
              <p id="msg" data-testid="claim-message"></p>
              <script nonce="{{e(nonce)}}">
              const $ = id => document.getElementById(id), msg = t => $('msg').textContent = t;
              const post = (url, body, token) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: 'Bearer ' + token } : {}) }, body: JSON.stringify(body) });
              const detail = async r => { try { const j = await r.json(); return Object.values(j.errors || {}).flat()[0] || j.detail || '操作失败，请稍后重试'; } catch { return '操作失败，请稍后重试'; } };
              const phone = () => $('phone').value.trim(), code = () => $('code').value.trim();
              $('send').onclick = async () => {
                if (!/^1\d{10}$/.test(phone())) return msg('请输入 11 位手机号');
                const r = await post('/api/app/v1/auth/sms-code', { phone: phone() }); msg(r.ok ? '验证码已发送' : await detail(r));
              };
              $('claim').onclick = async () => {
                if (!/^1\d{10}$/.test(phone())) return msg('请输入 11 位手机号');
                if (!/^\d{6}$/.test(code())) return msg('请输入 6 位验证码');
                const s = await post('/api/app/v1/auth/token', { phone: phone(), code: code() });
                if (!s.ok) return msg(await detail(s));
                const { accessToken } = await s.json();
                const r = await post('/api/app/v1/coupons/claim', { token: {{System.Text.Json.JsonSerializer.Serialize(token)}} }, accessToken);
                msg(r.ok ? '领取成功，可在小程序“我的优惠券”中查看' : await detail(r));
              };
              </script>
              """;
        return $$"""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>领取优惠券</title><style>
            body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;padding:16px;max-width:480px;margin:auto;background:#f6f7fb}
            img{width:100%;border-radius:8px} h1{font-size:20px;margin:12px 0 4px} .rule{color:#e4393c;font-size:18px;margin:0 0 12px}
            input,button{font-size:16px;padding:10px;border-radius:6px;border:1px solid #ccc;box-sizing:border-box} input{width:100%;margin-bottom:8px}
            .row{display:flex;gap:8px} .row input{flex:1} #claim{width:100%;background:#e4393c;color:#fff;border:none;font-size:18px}
            .gone{text-align:center;color:#888;font-size:18px;margin-top:40vh}
            </style></head><body>{{body}}</body></html>
            """;
    }
}
