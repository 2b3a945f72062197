using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;

namespace ChargeConsole.Infrastructure.Files;

/// <summary>
/// An uploaded image (poster, banner): checked by its content to be PNG, JPEG or WebP within the size limits, stored
/// under a random name, with a JPEG thumbnail at most <see cref="ThumbnailSide"/> pixels on its longer side beside it.
/// </summary>
public sealed class ImageUploads(FileStore files)
{
    public const int ThumbnailSide = 320;

    /// <summary>The stored key, or the Chinese reason it was refused.</summary>
    public async Task<(string? Key, string? Error)> SaveAsync(string kind, byte[] content, CancellationToken ct)
    {
        var (error, extension) = UploadChecks.Image(content);
        if (error is not null) return (null, error);
        var key = await files.SaveAsync(kind, extension, content, ct);
        using var image = Image.Load(content);
        image.Mutate(x => x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(ThumbnailSide, ThumbnailSide) }));
        using var thumbnail = new MemoryStream();
        await image.SaveAsJpegAsync(thumbnail, new JpegEncoder { Quality = 80 }, ct);
        await files.SaveThumbnailAsync(key, thumbnail.ToArray(), ct);
        return (key, null);
    }
}
