using ChargeConsole.Data;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Content;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Content;

/// <summary>
/// 协议公告: rich-text bodies sanitised on save and again on output. The mini-program is served only what is 已发布 and
/// inside its publish window; the user agreement and privacy policy at sign-in are the newest live ones of their kind.
/// </summary>
public sealed partial class ArticleService(IDbContextFactory<ChargeDbContext> dbFactory, IValidator<ArticleForm> validator, RichText richText, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
