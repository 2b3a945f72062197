using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Invoices;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Orders;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Files;
using ChargeConsole.Infrastructure.Grid;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Invoices;

public static class InvoiceText
{
    public static string Status(InvoiceStatus s) => s switch
    {
        InvoiceStatus.PendingReview => "待审核",
        InvoiceStatus.Issuing => "开票中",
        InvoiceStatus.Issued => "已开票",
        InvoiceStatus.Rejected => "已拒绝",
        InvoiceStatus.Reversed => "已冲红",
        _ => s.ToString(),
    };

    public static string TitleType(InvoiceTitleType t) => t == InvoiceTitleType.Company ? "单位" : "个人";
}
