using ChargeConsole.Data;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Infrastructure;

/// <summary>What a staff edit of one kind of record is called and answers, for <see cref="StaffEdit.SaveAsync"/>.</summary>
/// <param name="What">the record's name in the audit log: 新增{What} / 修改{What}, e.g. 轮播</param>
/// <param name="InvestorRefusal">what an investor is told (investors never edit the operator's records)</param>
/// <param name="Missing">what an edit of a record deleted meanwhile is told</param>
/// <param name="Target">the audit row's target, read from the changed record</param>
public sealed record StaffEditTerms<TEntity>(string What, string InvestorRefusal, string Missing, Func<TEntity, string> Target) where TEntity : class;

/// <summary>
/// The envelope of a staff edit beside <see cref="MoneyTransaction"/>, for records that hold no money (articles, banners,
/// activities, packages, tags…): an investor is refused, the form is validated, the record is loaded by id or added,
/// changed, and saved together with its audit row. A change that refuses (a duplicate name) saves nothing.
/// </summary>
public static class StaffEdit
{
    /// <param name="id">the record's id; null adds a new one made by <paramref name="create"/></param>
    /// <param name="change">copies the form onto the record (loading what it needs, e.g. a collection); its result is the answer</param>
    public static async Task<OperationResult> SaveAsync<TForm, TEntity>(IDbContextFactory<ChargeDbContext> dbFactory, AccessScope scope, DateTime now,
        TForm form, IValidator<TForm> validator, int? id, StaffEditTerms<TEntity> terms, Func<TEntity> create,
        Func<ChargeDbContext, TEntity, Task<OperationResult>> change) where TEntity : class
    {
        if (scope.IsInvestor) return OperationResult.Fail(terms.InvestorRefusal);
        var validation = await validator.ValidateAsync(form);
        if (!validation.IsValid) return OperationResult.Invalid(validation);
        await using var db = await dbFactory.CreateDbContextAsync();
        TEntity record;
        if (id is { } existing)
        {
            if (await db.Set<TEntity>().FindAsync(existing) is not { } found) return OperationResult.Fail(terms.Missing);
            record = found;
        }
        else db.Set<TEntity>().Add(record = create());
        var result = await change(db, record);
        if (!result.Succeeded) return result;
        AuditTrail.Add(db, now, scope.UserName, (id is null ? "新增" : "修改") + terms.What, terms.Target(record), result);
        await db.SaveChangesAsync();
        return result;
    }
}
