using System.Security.Cryptography;

namespace ChargeConsole.Infrastructure;

/// <summary>
/// Headers every answer carries: no content sniffing, no framing by other sites, no full referrer to other sites, and a
/// Content-Security-Policy. Pages may run only the console's own scripts and those carrying this request's nonce (the
/// import map, the coupon claim page's script); files (/media, invoices, exports) may run nothing at all.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    /// <summary>This request's script nonce (for an inline script the console writes itself).</summary>
    public static string Nonce(this HttpContext context) =>
        context.Items.TryGetValue(NonceKey, out var n) && n is string nonce ? nonce : "";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (!h.ContainsKey("Content-Security-Policy"))
                h.ContentSecurityPolicy = IsPage(context.Response.ContentType) ? Page(nonce) : Files;
            return Task.CompletedTask;
        });
        await next();
    });

    private static bool IsPage(string? contentType) => contentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// Blazor Server needs its own scripts, a WebSocket to itself, and inline styles (MudBlazor writes style attributes
    /// and its theme); nothing from elsewhere.
    /// </summary>
    private static string Page(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>An image, a PDF or a spreadsheet: shown or saved, never run.</summary>
    private const string Files = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";
}
