using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ChargeConsole.Infrastructure.Files;

public sealed class FileStoreOptions
{
    /// <summary>Where uploads live (relative paths are under the content root). Several nodes share it (a network folder).</summary>
    public string Root { get; set; } = "data/files";
}

/// <summary>
/// Uploaded files (invoice PDFs, posters): kept under a random name in a folder by kind and month, and served only by
/// endpoints that check who asks; the key is never a public URL. Keys are checked before use, so a stored or sent
/// key can never reach outside the root.
/// </summary>
public sealed partial class FileStore(Microsoft.Extensions.Options.IOptions<FileStoreOptions> options, TimeProvider clock)
{
    /// <summary>Made absolute against the content root at registration.</summary>
    private string Root => options.Value.Root;

    public async Task<string> SaveAsync(string kind, string extension, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        if (!KindPattern().IsMatch(kind) || !ExtensionPattern().IsMatch(extension)) throw new ArgumentException("bad file kind or extension");
        var key = $"{kind}/{clock.GetUtcNow():yyyyMM}/{Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant()}.{extension}";
        var path = PathOf(key)!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content.ToArray(), ct);
        return key;
    }

    /// <summary>The file, or null when the key is not one of ours or the file is gone.</summary>
    public Stream? OpenRead(string? key) => PathOf(key) is { } path && File.Exists(path) ? File.OpenRead(path) : null;

    /// <summary>Removes a file stored for an action that then did not happen.</summary>
    public void Delete(string key)
    {
        if (PathOf(key) is { } path && File.Exists(path)) File.Delete(path);
    }

    private string? PathOf(string? key)
    {
        if (key is null || !KeyPattern().IsMatch(key)) return null;
        var path = Path.GetFullPath(Path.Combine(Root, key));
        return path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : null;
    }

    [GeneratedRegex(@"\A[a-z]{1,20}\z")] private static partial Regex KindPattern();
    [GeneratedRegex(@"\A[a-z0-9]{1,5}\z")] private static partial Regex ExtensionPattern();
    [GeneratedRegex(@"\A[a-z]{1,20}/[0-9]{6}/[0-9a-f]{32}(-t)?\.[a-z0-9]{1,5}\z")] private static partial Regex KeyPattern();

    /// <summary>Where an image's thumbnail is kept: beside it, same name with -t, as JPEG.</summary>
    public static string ThumbnailKey(string key) => key[..key.LastIndexOf('.')] + "-t.jpg";

    /// <summary>Stores a thumbnail for an image already stored under <paramref name="key"/>.</summary>
    public async Task SaveThumbnailAsync(string key, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var path = PathOf(ThumbnailKey(key)) ?? throw new ArgumentException("not a stored key", nameof(key));
        await File.WriteAllBytesAsync(path, content.ToArray(), ct);
    }

    /// <summary>Images the mini-program may fetch without signing in (posters, banners); invoices never.</summary>
    public static bool IsPublicImage(string key) => KeyPattern().IsMatch(key) && (key.StartsWith("posters/") || key.StartsWith("banners/") || key.StartsWith("campaigns/"));
}

/// <summary>What an upload must be before it is stored.</summary>
public static class UploadChecks
{
    public const int MaxPdfBytes = 5 * 1024 * 1024;

    /// <summary>
    /// Null when <paramref name="content"/> is a real PDF within the limit with nothing in it that runs (PdfCheck);
    /// otherwise the Chinese reason. The cheap checks come first, so junk is never parsed.
    /// </summary>
    public static string? Pdf(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        if (span.Length == 0) return "文件是空的";
        if (span.Length > MaxPdfBytes) return $"PDF 不能超过 {MaxPdfBytes / 1024 / 1024} MB";
        // A PDF starts with %PDF- and ends (give or take trailing white space) with %%EOF.
        if (!span.StartsWith("%PDF-"u8)) return "文件不是 PDF（内容不以 %PDF- 开头）";
        var tail = span[Math.Max(0, span.Length - 1024)..];
        if (tail.IndexOf("%%EOF"u8) < 0) return "文件不是完整的 PDF（缺少 %%EOF 结束标记）";
        return PdfCheck.Problem(content.ToArray());
    }

    public const int MaxImageBytes = 2 * 1024 * 1024;
    public const int MaxImageSide = 4096;
    /// <summary>Width × height: decoded as 8-bit RGBA this is at most 64 MB, whatever the file's own depth.</summary>
    public const long MaxImagePixels = 4096L * 4096;

    /// <summary>
    /// Null when <paramref name="content"/> is really a PNG, JPEG or WebP image (by its content, not its name) within the
    /// limits, judged from its header before anything is decoded; otherwise the Chinese reason. The extension to store
    /// it under comes back with it.
    /// </summary>
    public static (string? Error, string Extension) Image(byte[] content)
    {
        if (content.Length == 0) return ("文件是空的", "");
        if (content.Length > MaxImageBytes) return ($"图片不能超过 {MaxImageBytes / 1024 / 1024} MB", "");
        if (IsAnimatedWebp(content)) return ("不支持动图（动画 WebP），请上传静态的 PNG、JPG 或 WebP 图片", "");
        SixLabors.ImageSharp.IImageInfo? info;
        SixLabors.ImageSharp.Formats.IImageFormat? format;
        try { info = SixLabors.ImageSharp.Image.Identify(content, out format); }
        catch (Exception e) when (e is SixLabors.ImageSharp.ImageFormatException or NotSupportedException) { info = null; format = null; }
        if (info is null || format is null) return ("文件不是图片（仅支持 PNG、JPG、WebP）", "");
        var extension = format.Name switch { "PNG" => "png", "JPEG" => "jpg", "Webp" or "WEBP" => "webp", _ => "" };
        if (extension == "") return ($"不支持 {format.Name} 格式的图片，仅支持 PNG、JPG、WebP", "");
        if (info.Width > MaxImageSide || info.Height > MaxImageSide) return ($"图片尺寸不能超过 {MaxImageSide}×{MaxImageSide} 像素", "");
        if ((long)info.Width * info.Height > MaxImagePixels) return ($"图片像素过多（{info.Width}×{info.Height}），请缩小后再上传", "");
        return (null, extension);
    }

    /// <summary>Why an image whose header passed could not be decoded, in Chinese.</summary>
    public static string DecodeFailure(Exception e) => e switch
    {
        NotSupportedException => "不支持这种图片（如动图或特殊编码），请另存为普通的 PNG、JPG 或 WebP 后上传",
        _ => "图片已损坏或不完整，无法读取，请重新导出后上传",
    };

    /// <summary>A WebP with the VP8X animation flag: RIFF....WEBP then a VP8X chunk whose first flag byte has bit 1 set.</summary>
    private static bool IsAnimatedWebp(ReadOnlySpan<byte> c) =>
        c.Length >= 21 && c[..4].SequenceEqual("RIFF"u8) && c[8..12].SequenceEqual("WEBP"u8) && c[12..16].SequenceEqual("VP8X"u8) && (c[20] & 0x02) != 0;
}
