using Ganss.Xss;

namespace ChargeConsole.Infrastructure.Content;

/// <summary>
/// Every piece of rich text (rules, agreements, notices, campaign bodies) passes through here when it is saved and again
/// when it is served, so no script, event handler or script URL can reach the mini-program, whatever was stored before.
/// An allow-list: the formatting an editor produces, links over http(s), and images only from the console's own uploads
/// (/media/…): an image at an outside address could track readers or change after it was approved.
/// </summary>
public sealed class RichText
{
    private readonly HtmlSanitizer _sanitizer;

    public RichText()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "div", "span", "strong", "b", "em", "i", "u", "s", "strike", "sub", "sup", "blockquote", "pre", "code",
                "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "style", "colspan", "rowspan", "target" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "color", "background-color", "font-size", "font-weight", "font-style", "text-align", "text-decoration", "margin", "padding", "width", "height", "max-width", "line-height",
            },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        });
        _sanitizer.FilterUrl += (_, e) =>
        {
            if (e.Tag.TagName.Equals("IMG", StringComparison.OrdinalIgnoreCase) && !IsOwnMedia(e.OriginalUrl)) e.SanitizedUrl = null;
        };
    }

    /// <summary>A path to an uploaded image the console serves itself.</summary>
    private static bool IsOwnMedia(string url) => url.StartsWith("/media/", StringComparison.Ordinal) && !url.Contains("..") && !url.Contains("//", StringComparison.Ordinal);

    /// <summary>The HTML with anything not on the allow-list removed; empty for null.</summary>
    public string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? "" : _sanitizer.Sanitize(html);
}
