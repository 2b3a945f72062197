using ChargeConsole.Data;
using ChargeConsole.Devices.Ocpp;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Piles;

/// <summary>What an OCPP charge point says of itself: its boot (firmware, and whether its station is in operation)
/// and the progress of a firmware update or diagnostics upload the operator asked for.</summary>
/// The writes go through <see cref="PileStateWriter"/>, batched with the piles' other state: ten thousand boots after a
/// restart must not each take SQLite's write lock in turn.
public sealed class OcppPileRecords(IDbContextFactory<ChargeDbContext> dbFactory, PileStateWriter writer, TimeProvider clock) : IOcppPileRecords
{
    public async Task<string> BootAsync(string pileCode, string? firmware, CancellationToken ct)
    {
        if (firmware is not null)
            writer.Enqueue($"firmware:{pileCode}", new PileStateWriter.Change((w, token) =>
                w.Piles.Where(p => p.Code == pileCode && p.FirmwareVersion != firmware).ExecuteUpdateAsync(u => u.SetProperty(p => p.FirmwareVersion, firmware), token)));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Piles.AsNoTracking().Where(p => p.Code == pileCode).Select(p => p.Station.IsOpen).FirstOrDefaultAsync(ct) ? "Accepted" : "Pending";
    }

    public Task OnMaintenanceStatusAsync(string pileCode, bool firmware, string status, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        writer.Enqueue($"{(firmware ? "firmware-status" : "diagnostics-status")}:{pileCode}", new PileStateWriter.Change((w, token) =>
        {
            var piles = w.Piles.Where(p => p.Code == pileCode);
            return firmware
                ? piles.ExecuteUpdateAsync(u => u.SetProperty(p => p.FirmwareStatus, status).SetProperty(p => p.FirmwareStatusAt, now), token)
                : piles.ExecuteUpdateAsync(u => u.SetProperty(p => p.DiagnosticsStatus, status).SetProperty(p => p.DiagnosticsStatusAt, now), token);
        }));
        return Task.CompletedTask;
    }

    /// <summary>The statuses in an operator's words.</summary>
    public static string Text(string? status) => status switch
    {
        null => "—",
        "Downloading" => "下载中",
        "Downloaded" => "已下载",
        "DownloadFailed" => "下载失败",
        "Installing" => "安装中",
        "Installed" => "已安装",
        "InstallationFailed" => "安装失败",
        "Uploading" => "上传中",
        "Uploaded" => "已上传",
        "UploadFailed" => "上传失败",
        "Idle" => "空闲",
        _ => status,
    };
}
