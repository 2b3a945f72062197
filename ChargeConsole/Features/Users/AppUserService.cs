using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Users;

/// <summary>Mini-program users: sign-in by phone (registering on first sign-in), profile and ledger.</summary>
public sealed class AppUserService(IDbContextFactory<ChargeDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The user with this phone, created with an empty wallet on first sign-in; null if the account is disabled.</summary>
    public async Task<(int? UserId, string? Error)> SignInAsync(string phone, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await db.AppUsers.FirstOrDefaultAsync(u => u.Phone == phone, ct);
        if (user is null)
        {
            user = new AppUser { Phone = phone, Nickname = "用户" + phone[^4..], RegisteredAt = now, Wallet = new Wallet() };
            db.AppUsers.Add(user);
        }
        else if (user.Disabled) return (null, "账号已被停用，请联系客服");
        user.LastLoginAt = now;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (user.Id == 0)
        {
            // Two first sign-ins of one phone at once: the other registered it.
            return await SignInAsync(phone, ct);
        }
        return (user.Id, null);
    }

    public async Task<(AppUser User, Wallet Wallet)?> ProfileAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.AppUsers.AsNoTracking().Include(u => u.Wallet).FirstOrDefaultAsync(u => u.Id == userId, ct);
        return user is null ? null : (user, user.Wallet);
    }

    public async Task<(List<LedgerEntry> Items, int Total)> LedgerAsync(int userId, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.LedgerEntries.AsNoTracking().Where(l => l.AppUserId == userId);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }
}
