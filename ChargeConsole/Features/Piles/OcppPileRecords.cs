using ChargeConsole.Data;
using ChargeConsole.Devices.Ocpp;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Piles;

/// <summary>What an OCPP charge point says of itself: its boot (firmware, and whether its station is in operation)
/// and the progress of a firmware update or diagnostics upload the operator asked for.</summary>
public sealed class OcppPileRecords(IDbContextFactory<ChargeDbContext> dbFactory, TimeProvider clock) : IOcppPileRecords
{
    public async Task<string> BootAsync(string pileCode, string? firmware, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var piles = db.Piles.Where(p => p.Code == pileCode);
        if (firmware is not null) await piles.Where(p => p.FirmwareVersion != firmware).ExecuteUpdateAsync(u => u.SetProperty(p => p.FirmwareVersion, firmware), ct);
        return await piles.Select(p => p.Station.IsOpen).FirstOrDefaultAsync(ct) ? "Accepted" : "Pending";
    }

    public async Task OnMaintenanceStatusAsync(string pileCode, bool firmware, string status, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var piles = db.Piles.Where(p => p.Code == pileCode);
        if (firmware) await piles.ExecuteUpdateAsync(u => u.SetProperty(p => p.FirmwareStatus, status).SetProperty(p => p.FirmwareStatusAt, now), ct);
        else await piles.ExecuteUpdateAsync(u => u.SetProperty(p => p.DiagnosticsStatus, status).SetProperty(p => p.DiagnosticsStatusAt, now), ct);
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
