using ChargeConsole.Tests.Support;
using ChargeConsole.Infrastructure.Content;

namespace ChargeConsole.Tests.Domain;

/// <summary>What the sanitiser keeps and removes, on save and on output alike (one allow-list).</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class RichTextTests
{
    private readonly RichText _rich = new();

    [Fact]
    public void Script_tags_are_removed_with_their_content()
    {
        Assert.Equal("<p>公告</p>", _rich.Sanitize("<p>公告</p><script>alert('x')</script>"));
        Assert.Equal("<p>a</p>", _rich.Sanitize("<p>a<SCRIPT src=\"https://evil.example/x.js\"></SCRIPT></p>"));
    }

    [Fact]
    public void Event_handler_attributes_are_removed()
    {
        Assert.Equal("<img src=\"/media/posters/202612/0123456789abcdef0123456789abcdef.png\">",
            _rich.Sanitize("<img src=\"/media/posters/202612/0123456789abcdef0123456789abcdef.png\" onerror=\"alert(1)\">"));
        Assert.Equal("<p>点我</p>", _rich.Sanitize("<p onclick=\"steal()\" onmouseover=\"x()\">点我</p>"));
    }

    /// <summary>Issue 20, item 22: images come from the console's own checked uploads only.</summary>
    [Fact]
    public void An_image_at_an_outside_address_loses_its_source_and_an_uploaded_one_keeps_it()
    {
        Assert.Equal("<img>", _rich.Sanitize("<img src=\"https://tracker.example/pixel.png\">"));
        Assert.Equal("<img>", _rich.Sanitize("<img src=\"//tracker.example/pixel.png\">"));
        Assert.Equal("<img>", _rich.Sanitize("<img src=\"/media/../files/invoices/x.pdf\">"));
        Assert.Equal("<img src=\"/media/banners/202612/0123456789abcdef0123456789abcdef.jpg\" style=\"max-width: 100%\">",
            _rich.Sanitize("<img src=\"/media/banners/202612/0123456789abcdef0123456789abcdef.jpg\" style=\"max-width:100%\">"));
    }

    [Fact]
    public void Script_urls_are_removed_and_ordinary_links_kept()
    {
        Assert.Equal("<a>链接</a>", _rich.Sanitize("<a href=\"javascript:alert(1)\">链接</a>"));
        Assert.Equal("<a>链接</a>", _rich.Sanitize("<a href=\"JaVaScRiPt:alert(1)\">链接</a>"));
        Assert.Equal("<a href=\"https://example.com/help\">帮助</a>", _rich.Sanitize("<a href=\"https://example.com/help\">帮助</a>"));
    }

    [Fact]
    public void Formatting_an_editor_makes_survives()
    {
        const string html = "<h2>充值规则</h2><p style=\"text-align: center\"><strong>满100送10</strong></p><ul><li>一</li></ul>";
        Assert.Equal(html, _rich.Sanitize(html));
        // Colours are kept, written out as the sanitiser's CSS parser normalises them.
        Assert.Equal("<p style=\"color: rgba(255, 0, 0, 1)\">红字</p>", _rich.Sanitize("<p style=\"color: red; position: fixed\">红字</p>"));
        Assert.Equal("", _rich.Sanitize(null));
    }
}
