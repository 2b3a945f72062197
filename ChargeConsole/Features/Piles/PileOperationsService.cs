using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Cluster;
using ChargeConsole.Devices.Piles;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Piles;

/// <summary>Operator commands to piles: each goes through the command service and is audited with its outcome.</summary>
public sealed class PileOperationsService(
    IDbContextFactory<ChargeDbContext> dbFactory, IPileDirectory piles, PileEventSink sink, LiveEvents live, AuditTrail audit, TimeProvider clock)
{
    public Task<OperationResult> RebootAsync(AccessScope scope, int pileId, bool whenIdle) =>
        RunAsync(scope, pileId, whenIdle ? "远程重启（空闲时）" : "远程重启（立即）", (code, ct) => piles.SendAsync(code, new RebootPile(whenIdle), ct));

    public Task<OperationResult> SyncTimeAsync(AccessScope scope, int pileId) =>
        RunAsync(scope, pileId, "对时", (code, ct) => piles.SendAsync(code, new SetClock(clock.GetUtcNow().UtcDateTime.AddHours(8)), ct));

    public Task<OperationResult> SetWorkParamsAsync(AccessScope scope, int pileId, bool disabled, int maxPowerPercent)
    {
        if (maxPowerPercent is < 30 or > 100) return Task.FromResult(OperationResult.Fail("最大输出功率必须在30%到100%之间"));
        return RunAsync(scope, pileId, $"设置工作参数（{(disabled ? "停用" : "启用")}，最大功率{maxPowerPercent}%）",
            (code, ct) => piles.SendAsync(code, new SetWorkParameters(disabled, (byte)maxPowerPercent), ct));
    }

    public Task<OperationResult> ClearAuthCacheAsync(AccessScope scope, int pileId) =>
        RunAsync(scope, pileId, "清除授权缓存", (code, ct) => piles.SendAsync(code, new ClearAuthCache(), ct));

    /// <summary>The pile's configuration keys as it reports them (OCPP GetConfiguration); empty with the reason when it cannot.</summary>
    public async Task<(OperationResult Outcome, IReadOnlyList<PileSetting> Settings)> ReadSettingsAsync(AccessScope scope, int pileId)
    {
        IReadOnlyList<PileSetting> settings = [];
        var outcome = await RunAsync(scope, pileId, "读取配置项", async (code, ct) =>
        {
            var result = await piles.SendAsync(code, new ReadSettings([]), ct);
            settings = result.Settings ?? [];
            return result;
        });
        return (outcome, settings);
    }

    public async Task<OperationResult> ChangeSettingAsync(AccessScope scope, int pileId, PileSettingForm form)
    {
        var validation = await new PileSettingValidator().ValidateAsync(form);
        if (!validation.IsValid) return OperationResult.Invalid(validation);
        return await RunAsync(scope, pileId, $"修改配置项 {form.Key} = {form.Value}", (code, ct) => piles.SendAsync(code, new ChangeSetting(form.Key, form.Value), ct));
    }

    public async Task<OperationResult> UpdateFirmwareAsync(AccessScope scope, int pileId, PileFileLocationForm form)
    {
        var validation = await new PileFileLocationValidator().ValidateAsync(form);
        if (!validation.IsValid) return OperationResult.Invalid(validation);
        return await RunAsync(scope, pileId, $"固件升级（{form.Location}）",
            (code, ct) => piles.SendAsync(code, new UpdateFirmware(form.Location, clock.GetUtcNow().UtcDateTime), ct));
    }

    public async Task<OperationResult> UploadDiagnosticsAsync(AccessScope scope, int pileId, PileFileLocationForm form)
    {
        var validation = await new PileFileLocationValidator().ValidateAsync(form);
        if (!validation.IsValid) return OperationResult.Invalid(validation);
        return await RunAsync(scope, pileId, $"上传诊断日志（{form.Location}）", (code, ct) => piles.SendAsync(code, new UploadDiagnostics(form.Location), ct));
    }

    public sealed record Maintenance(string? Firmware, string? FirmwareStatus, DateTime? FirmwareStatusAt, string? DiagnosticsStatus, DateTime? DiagnosticsStatusAt);

    /// <summary>What an OCPP pile last said of its firmware update and diagnostics upload.</summary>
    public async Task<Maintenance?> MaintenanceAsync(AccessScope scope, int pileId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Piles.AsNoTracking().VisibleTo(scope).Where(p => p.Id == pileId)
            .Select(p => new Maintenance(p.FirmwareVersion, p.FirmwareStatus, p.FirmwareStatusAt, p.DiagnosticsStatus, p.DiagnosticsStatusAt)).FirstOrDefaultAsync();
    }

    /// <summary>Reads a gun's real-time data (0x12 → 0x13) and describes it.</summary>
    public async Task<OperationResult> ReadRealtimeAsync(AccessScope scope, int gunId)
    {
        var gun = await FindGunAsync(scope, gunId);
        if (gun is null) return OperationResult.Fail("该电枪已被删除，请刷新列表");
        var result = await piles.SendAsync(gun.PileCode, new ReadGun((byte)gun.Number));
        var outcome = result.Reading is { } d
            ? OperationResult.Ok($"状态 {PileText.Status(PileEventSink.StatusOf(d.Condition))}，电压 {d.Volts:0.0}V，电流 {d.Amps:0.0}A，" +
                                 $"已充 {d.Kwh:0.0000}kWh，金额 {d.AmountYuan:0.00}元，SOC {d.Soc}%{(d.FaultBits != 0 ? "，故障：" + GunFaults.Describe(d.FaultBits) : "")}")
            : OperationResult.Fail(result.Message);
        await audit.WriteAsync(scope.UserName, "读取实时数据", gun.Code, outcome);
        return outcome;
    }

    /// <summary>
    /// Releases a gun stuck in a platform-side busy state: re-reads it from the pile (0x12) and sets it Idle
    /// only if the pile itself reports it idle; otherwise says why not.
    /// </summary>
    public async Task<OperationResult> ReleaseGunAsync(AccessScope scope, int gunId)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能操作电枪");
        var gun = await FindGunAsync(scope, gunId);
        if (gun is null) return OperationResult.Fail("该电枪已被删除，请刷新列表");
        OperationResult outcome;
        if (gun.Protocol == PileProtocol.Ocpp16J)
        {
            // An OCPP pile reports its connector's state itself; what the operator needs is the cable let go.
            var unlock = await piles.SendAsync(gun.PileCode, new UnlockGun((byte)gun.Number));
            outcome = unlock.Succeeded ? OperationResult.Ok(unlock.Message) : OperationResult.Fail(unlock.Message);
            await audit.WriteAsync(scope.UserName, "释放电枪", gun.Code, outcome);
            return outcome;
        }
        var read = await piles.SendAsync(gun.PileCode, new ReadGun((byte)gun.Number));
        if (read.Reading is not { } data)
        {
            outcome = OperationResult.Fail($"无法确认电枪状态：{read.Message}");
        }
        else if (PileEventSink.StatusOf(data.Condition) is var reported && reported is not GunStatus.Idle)
        {
            outcome = OperationResult.Fail($"电桩报告该枪当前为【{PileText.Status(reported)}】，不能释放");
        }
        else
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.Guns.Where(g => g.Id == gunId).ExecuteUpdateAsync(u => u
                .SetProperty(g => g.Status, GunStatus.Idle).SetProperty(g => g.StatusChangedAt, clock.GetUtcNow().UtcDateTime));
            sink.Released(gun.PileCode, gun.Number);
            live.Publish(new GunStatusChanged(gunId, gun.PileId, gun.StationId, GunStatus.Idle));
            outcome = OperationResult.Ok("电桩确认该枪空闲，已释放为【空闲】");
        }
        await audit.WriteAsync(scope.UserName, "释放电枪", gun.Code, outcome);
        return outcome;
    }

    internal sealed record GunRef(int Id, string Code, int Number, int PileId, string PileCode, int StationId, PileProtocol Protocol, GunStatus Status);

    private Task<GunRef?> FindGunAsync(AccessScope scope, int gunId) => FindGunAsync(dbFactory, scope, gunId);

    /// <summary>A gun the operator may see, with its pile: what every gun operation (here and <see cref="GunReservations"/>) starts from.</summary>
    internal static async Task<GunRef?> FindGunAsync(IDbContextFactory<ChargeDbContext> dbFactory, AccessScope scope, int gunId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Guns.AsNoTracking().VisibleTo(scope).Where(g => g.Id == gunId)
            .Select(g => new GunRef(g.Id, g.Code, g.Number, g.PileId, g.Pile.Code, g.StationId, g.Pile.Protocol, g.Status)).FirstOrDefaultAsync();
    }

    private async Task<OperationResult> RunAsync(AccessScope scope, int pileId, string action, Func<string, CancellationToken, Task<CommandResult>> send)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能操作电桩");
        await using var db = await dbFactory.CreateDbContextAsync();
        var code = await db.Piles.AsNoTracking().VisibleTo(scope).Where(p => p.Id == pileId).Select(p => p.Code).FirstOrDefaultAsync();
        if (code is null) return OperationResult.Fail("该电桩已被删除，请刷新列表");
        var result = await send(code, CancellationToken.None);
        var outcome = result.Succeeded ? OperationResult.Ok(result.Message) : OperationResult.Fail(result.Message);
        await audit.WriteAsync(scope.UserName, action, code, outcome);
        return outcome;
    }
}
