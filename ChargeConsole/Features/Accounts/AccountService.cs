using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Accounts;

/// <summary>Console accounts, their roles and passwords, and investors' station shares. Admin only.</summary>
public sealed class AccountService(
    UserManager<ConsoleUser> users, IDbContextFactory<ChargeDbContext> dbFactory, IValidator<AccountForm> validator,
    IValidator<InvestorShareForm> shareValidator, AuditTrail audit, TimeProvider clock)
{
    public static readonly RowList<AccountFilter, AccountRow> List = new((db, _, f) => Query(db, f), x => x.CreatedAt, Complete: (db, _, rows, ct) => WithStationsAsync(db, rows, ct));

    public static IQueryable<AccountRow> Query(ChargeDbContext db, AccountFilter f)
    {
        var now = DateTimeOffset.UtcNow;
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.UserName)) q = q.Where(u => u.UserName!.Contains(f.UserName.Trim()) || u.DisplayName.Contains(f.UserName.Trim()));
        var rows = from u in q
                   let role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault()
                   select new AccountRow
            {
                Id = u.Id,
                UserName = u.UserName!,
                DisplayName = u.DisplayName,
                Role = role ?? "",
                LockedOut = u.LockoutEnd != null && u.LockoutEnd > now,
                CreatedAt = u.CreatedAt,
            };
        if (!string.IsNullOrWhiteSpace(f.Role)) rows = rows.Where(r => r.Role == f.Role);
        return rows;
    }

    public static async Task<List<AccountRow>> WithStationsAsync(ChargeDbContext db, List<AccountRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var shares = await db.StationInvestors.AsNoTracking().Where(s => ids.Contains(s.InvestorId))
            .Select(s => new { s.InvestorId, s.Station.Name, s.SharePercent }).ToListAsync(ct);
        return rows.Select(r => r with
        {
            Stations = string.Join("、", shares.Where(s => s.InvestorId == r.Id).Select(s => $"{s.Name}({s.SharePercent:0.##}%)")),
        }).ToList();
    }

    public async Task<OperationResult> CreateAsync(AccessScope actor, AccountForm form)
    {
        var validation = await validator.ValidateAsync(form);
        if (!validation.IsValid) return OperationResult.Invalid(validation);
        var user = new ConsoleUser { UserName = form.UserName.Trim(), DisplayName = form.DisplayName.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        var result = await Identity(() => users.CreateAsync(user, form.Password));
        if (result.Succeeded) result = await Identity(() => users.AddToRoleAsync(user, form.Role));
        if (result.Succeeded) result = OperationResult.Ok($"账号【{user.UserName}】已创建");
        await audit.WriteAsync(actor.UserName, "创建账号", $"{form.UserName}（{RoleText.Of(form.Role)}）", result);
        return result;
    }

    public async Task<OperationResult> SetRoleAsync(AccessScope actor, string userId, string role)
    {
        if (!Roles.All.Contains(role)) return OperationResult.Fail("请选择角色");
        if (userId == actor.UserId && role != Roles.Admin) return OperationResult.Fail("不能取消自己的管理员角色");
        var user = await users.FindByIdAsync(userId);
        if (user is null) return OperationResult.Fail("该账号已被删除，请刷新列表");
        var current = await users.GetRolesAsync(user);
        var result = await Identity(() => users.RemoveFromRolesAsync(user, current));
        if (result.Succeeded) result = await Identity(() => users.AddToRoleAsync(user, role));
        if (result.Succeeded && role != Roles.Investor)
        {
            // Shares belong to investors only; a changed role must not leave revenue flowing to a non-investor.
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.StationInvestors.Where(s => s.InvestorId == userId).ExecuteDeleteAsync();
        }
        if (result.Succeeded) result = OperationResult.Ok($"已将【{user.UserName}】设为{RoleText.Of(role)}");
        await audit.WriteAsync(actor.UserName, "设置角色", user.UserName!, result);
        return result;
    }

    public async Task<OperationResult> ResetPasswordAsync(AccessScope actor, string userId, string newPassword)
    {
        var check = await new PasswordRule().ValidateAsync(newPassword ?? "");
        if (!check.IsValid) return OperationResult.Invalid(check);
        var user = await users.FindByIdAsync(userId);
        if (user is null) return OperationResult.Fail("该账号已被删除，请刷新列表");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await Identity(() => users.ResetPasswordAsync(user, token, newPassword!));
        if (result.Succeeded)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            result = OperationResult.Ok($"已重置【{user.UserName}】的密码");
        }
        await audit.WriteAsync(actor.UserName, "重置密码", user.UserName!, result);
        return result;
    }

    public async Task<OperationResult> UnlockAsync(AccessScope actor, string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return OperationResult.Fail("该账号已被删除，请刷新列表");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        var result = OperationResult.Ok($"已解锁【{user.UserName}】");
        await audit.WriteAsync(actor.UserName, "解锁账号", user.UserName!, result);
        return result;
    }

    public async Task<List<InvestorShareForm>> SharesAsync(string investorId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.StationInvestors.AsNoTracking().Where(s => s.InvestorId == investorId)
            .Select(s => new InvestorShareForm { StationId = s.StationId, SharePercent = s.SharePercent }).ToListAsync();
    }

    /// <summary>
    /// Replaces an investor's station shares. Each station's shares over all its investors must stay ≤ 100%;
    /// the message names the station that would exceed it.
    /// </summary>
    public async Task<OperationResult> SetSharesAsync(AccessScope actor, string investorId, IReadOnlyList<InvestorShareForm> shares)
    {
        foreach (var share in shares)
        {
            var v = await shareValidator.ValidateAsync(share);
            if (!v.IsValid) return OperationResult.Invalid(v);
        }
        if (shares.GroupBy(s => s.StationId).Any(g => g.Count() > 1)) return OperationResult.Fail("同一电站只能设置一次占比");

        await using var db = await dbFactory.CreateDbContextAsync();
        var investor = await db.Users.FirstOrDefaultAsync(u => u.Id == investorId);
        if (investor is null) return OperationResult.Fail("该账号已被删除，请刷新列表");
        if (!await users.IsInRoleAsync(investor, Roles.Investor)) return OperationResult.Fail("只有投资人账号可以关联电站");

        var stationIds = shares.Select(s => s.StationId!.Value).ToArray();
        var stations = await db.Stations.Where(s => stationIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name);
        if (stations.Count != stationIds.Length) return OperationResult.Fail("所选电站已被删除，请刷新后重试");
        var others = await db.StationInvestors.Where(s => stationIds.Contains(s.StationId) && s.InvestorId != investorId)
            .Select(s => new { s.StationId, s.SharePercent }).ToListAsync();
        foreach (var share in shares)
        {
            var othersTotal = others.Where(o => o.StationId == share.StationId).Sum(o => o.SharePercent);
            if (othersTotal + share.SharePercent!.Value > 100m)
                return OperationResult.Fail($"电站【{stations[share.StationId!.Value]}】的投资人占比合计将达到 {othersTotal + share.SharePercent.Value:0.##}%，不能超过100%（其他投资人已占 {othersTotal:0.##}%）");
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        await db.StationInvestors.Where(s => s.InvestorId == investorId).ExecuteDeleteAsync();
        db.StationInvestors.AddRange(shares.Select(s => new StationInvestor { InvestorId = investorId, StationId = s.StationId!.Value, SharePercent = s.SharePercent!.Value }));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        var summary = string.Join("、", shares.Select(s => $"{stations[s.StationId!.Value]} {s.SharePercent:0.##}%"));
        var result = OperationResult.Ok("投资电站已保存");
        await audit.WriteAsync(actor.UserName, "设置投资电站", investor.UserName!, true, summary.Length > 0 ? summary : "清空", default);
        return result;
    }

    private static async Task<OperationResult> Identity(Func<Task<IdentityResult>> action)
    {
        var r = await action();
        return r.Succeeded ? OperationResult.Ok() : OperationResult.Fail(string.Join("；", r.Errors.Select(e => e.Description)));
    }
}
