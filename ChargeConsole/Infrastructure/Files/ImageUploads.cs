using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ChargeConsole.Infrastructure.Files;

/// <summary>
/// An uploaded image (poster, banner): checked by its content to be PNG, JPEG or WebP within the size limits, stored
/// under a random name, with a JPEG thumbnail at most <see cref="ThumbnailSide"/> pixels on its longer side beside it.
/// <para>
/// Decoding is what costs memory, so it is bounded three ways: the header is read first (UploadChecks: dimensions and
/// the pixel budget), the image is decoded into 8-bit RGBA whatever the file's depth (a 16-bit PNG would otherwise take
/// twice as much), and one image is decoded at a time on this node (others wait up to <see cref="QueueWait"/>). Its
/// buffers go back to the GC when done, not into a pool that keeps them for the life of the process.
/// </para>
/// </summary>
public sealed class ImageUploads(FileStore files)
{
    public const int ThumbnailSide = 320;
    public static readonly TimeSpan QueueWait = TimeSpan.FromSeconds(30);

    private static readonly Configuration Decoding = NotPooled();
    private readonly SemaphoreSlim _decoding = new(1, 1);

    private static Configuration NotPooled()
    {
        var c = Configuration.Default.Clone();
        c.MemoryAllocator = new SimpleGcMemoryAllocator();
        return c;
    }

    /// <summary>The stored key, or the Chinese reason it was refused.</summary>
    public async Task<(string? Key, string? Error)> SaveAsync(string kind, byte[] content, CancellationToken ct)
    {
        var (error, extension) = UploadChecks.Image(content);
        if (error is not null) return (null, error);
        if (!await _decoding.WaitAsync(QueueWait, ct)) return (null, "正在处理其他图片，请稍后重试");
        byte[] thumbnail;
        try
        {
            using var image = Image.Load<Rgba32>(Decoding, content);
            image.Mutate(x => x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(ThumbnailSide, ThumbnailSide) }));
            using var stream = new MemoryStream();
            await image.SaveAsJpegAsync(stream, new JpegEncoder { Quality = 80 }, ct);
            thumbnail = stream.ToArray();
        }
        catch (Exception e) when (e is ImageFormatException or NotSupportedException or InvalidMemoryOperationException)
        {
            // The header was fine but the pixels are not (truncated data, an animated WebP this decoder cannot take).
            return (null, UploadChecks.DecodeFailure(e));
        }
        finally { _decoding.Release(); }
        var key = await files.SaveAsync(kind, extension, content, ct);
        await files.SaveThumbnailAsync(key, thumbnail, ct);
        return (key, null);
    }
}
