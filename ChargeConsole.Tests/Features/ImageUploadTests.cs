using System.Text;
using ChargeConsole.Infrastructure.Files;
using ChargeConsole.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ChargeConsole.Tests.Features;

/// <summary>Uploaded images: real ones get a thumbnail; a renamed non-image or an oversized one is refused with its reason.</summary>
public class ImageUploadTests
{
    private static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(10, 120, 200));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task A_real_image_is_kept_with_a_thumbnail_no_larger_than_320_pixels()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (key, error) = await db.Get<ImageUploads>().SaveAsync("banners", Png(1200, 600), default);

        Assert.Null(error);
        Assert.Matches(@"\Abanners/\d{6}/[0-9a-f]{32}\.png\z", key);
        await using var thumb = db.Get<FileStore>().OpenRead(FileStore.ThumbnailKey(key!))!;
        var info = Image.Identify(thumb);
        Assert.Equal((320, 160), (info.Width, info.Height));
    }

    [Fact]
    public async Task A_renamed_non_image_and_an_oversized_image_are_refused_with_the_reason()
    {
        await using var db = await TestDatabase.CreateAsync();
        var uploads = db.Get<ImageUploads>();

        Assert.Equal("文件不是图片（仅支持 PNG、JPG、WebP）", (await uploads.SaveAsync("banners", Encoding.UTF8.GetBytes("MZ this is an exe renamed to .png"), default)).Error);
        Assert.Equal("图片不能超过 2 MB", (await uploads.SaveAsync("banners", new byte[2 * 1024 * 1024 + 1], default)).Error);
        Assert.Equal("图片尺寸不能超过 4096×4096 像素", (await uploads.SaveAsync("banners", Png(4097, 10), default)).Error);
        Assert.False(FileStore.IsPublicImage("invoices/202612/0123456789abcdef0123456789abcdef.pdf")); // never served publicly
    }
}
