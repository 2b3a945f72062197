using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Cluster;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Devices.Piles;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Piles;

/// <summary>An operator holding an OCPP gun for one charging card for a while (预约锁定).</summary>
public sealed class GunReservationForm
{
    public string CardNumber { get; set; } = "";
    public int Minutes { get; set; } = 30;
}

public sealed class GunReservationValidator : AbstractValidator<GunReservationForm>
{
    public GunReservationValidator()
    {
        RuleFor(x => x.CardNumber).NotEmpty().WithMessage("请填写卡号").MaximumLength(20).WithMessage("卡号不能超过20位");
        RuleFor(x => x.Minutes).InclusiveBetween(5, 720).WithMessage("预约时长须在5到720分钟之间");
    }
}

/// <summary>
/// 预约锁定 on OCPP guns: ReserveNow holds the gun for a registered card (the reservation id is the gun's id, so one
/// per gun), CancelReservation lets it go. The gun shows 预约锁定 when the pile reports it Reserved; only that card
/// may start on it until the pile lets the reservation expire.
/// </summary>
public sealed class GunReservations(IDbContextFactory<ChargeDbContext> dbFactory, IPileDirectory piles, AuditTrail audit, TimeProvider clock)
{
    public async Task<OperationResult> ReserveAsync(AccessScope scope, int gunId, GunReservationForm form)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能操作电枪");
        var validation = await new GunReservationValidator().ValidateAsync(form);
        if (!validation.IsValid) return OperationResult.Invalid(validation);
        var gun = await PileOperationsService.FindGunAsync(dbFactory, scope, gunId);
        if (gun is null) return OperationResult.Fail("该电枪已被删除，请刷新列表");
        if (gun.Protocol != PileProtocol.Ocpp16J) return OperationResult.Fail("只有 OCPP 1.6J 电桩支持预约锁定");
        if (gun.Status != GunStatus.Idle) return OperationResult.Fail($"该枪当前为【{PileText.Status(gun.Status)}】，空闲时才能预约");
        var card = form.CardNumber.Trim();
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.AppUsers.AnyAsync(u => u.CardNumber == card && !u.Disabled))
            return OperationResult.Fail($"卡号【{card}】未登记或其用户已停用");
        var until = clock.GetUtcNow().UtcDateTime.AddMinutes(form.Minutes);
        var result = await piles.SendAsync(gun.PileCode, new ReserveGun((byte)gun.Number, gunId, card, until));
        if (result.Succeeded)
            await db.Guns.Where(g => g.Id == gunId).ExecuteUpdateAsync(u => u.SetProperty(g => g.ReservedFor, card).SetProperty(g => g.ReservedUntil, until));
        var outcome = result.Succeeded ? OperationResult.Ok($"已为卡号 {card} 预约锁定至 {ChinaTime.Format(until)}") : OperationResult.Fail(result.Message);
        await audit.WriteAsync(scope.UserName, $"预约锁定（卡号 {card}，{form.Minutes} 分钟）", gun.Code, outcome);
        return outcome;
    }

    public async Task<OperationResult> CancelAsync(AccessScope scope, int gunId)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能操作电枪");
        var gun = await PileOperationsService.FindGunAsync(dbFactory, scope, gunId);
        if (gun is null) return OperationResult.Fail("该电枪已被删除，请刷新列表");
        var result = await piles.SendAsync(gun.PileCode, new CancelReservation(gunId));
        await using var db = await dbFactory.CreateDbContextAsync();
        // Accepted, or the pile has none: either way the console holds none any more.
        if (result.Succeeded || result.Status == CommandStatus.Refused)
            await db.Guns.Where(g => g.Id == gunId).ExecuteUpdateAsync(u => u.SetProperty(g => g.ReservedFor, (string?)null).SetProperty(g => g.ReservedUntil, (DateTime?)null));
        var outcome = result.Succeeded ? OperationResult.Ok(result.Message) : OperationResult.Fail(result.Message);
        await audit.WriteAsync(scope.UserName, "取消预约", gun.Code, outcome);
        return outcome;
    }
}
