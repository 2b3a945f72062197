using ChargeConsole.Data.Entities;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Content;
using ChargeConsole.Infrastructure.Grid;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Content;

public static class ContentText
{
    public static string Kind(ArticleKind k) => k switch { ArticleKind.Agreement => "用户协议", ArticleKind.Privacy => "隐私政策", _ => "公告" };
    public static string Status(PublishStatus s) => s switch { PublishStatus.Published => "已发布", PublishStatus.Withdrawn => "已下线", _ => "草稿" };
}
