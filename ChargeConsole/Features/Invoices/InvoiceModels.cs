using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Invoices;
using ChargeConsole.Domain.Values;
using FluentValidation;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Invoices;

/// <summary>A user's invoice request from the mini-program (fields nullable so a missing one gets its Chinese message).</summary>
public sealed record InvoiceRequest(IReadOnlyList<string>? OrderNos, InvoiceTitleType? TitleType, string? Title, string? TaxNumber, string? Email, string? RequestId = null);

public sealed class InvoiceRequestValidator : AbstractValidator<InvoiceRequest>
{
    public const int MaxOrders = 100;

    public InvoiceRequestValidator()
    {
        RuleFor(x => x.OrderNos).NotEmpty().WithMessage("请选择要开票的充电订单")
            .Must(o => o is null || o.Count <= MaxOrders).WithMessage($"一次最多为 {MaxOrders} 笔订单开票")
            .Must(o => o is null || o.Distinct().Count() == o.Count).WithMessage("订单重复");
        RuleForEach(x => x.OrderNos).NotEmpty().WithMessage("订单号不能为空").MaximumLength(32).WithMessage("订单号格式不正确");
        RuleFor(x => x.TitleType).NotNull().WithMessage("请选择抬头类型（个人或单位）").IsInEnum().WithMessage("抬头类型不正确");
        RuleFor(x => x.Title).NotEmpty().WithMessage("请填写发票抬头").MaximumLength(100).WithMessage("发票抬头不能超过 100 个字");
        RuleFor(x => x.TaxNumber).NotEmpty().WithMessage("单位抬头须填写统一社会信用代码")
            .Must(CreditCode.IsValid).WithMessage("统一社会信用代码不正确（18 位，含校验位）")
            .When(x => x.TitleType == InvoiceTitleType.Company);
        RuleFor(x => x.Email).NotEmpty().WithMessage("请填写接收发票的邮箱").MaximumLength(100).WithMessage("邮箱过长")
            .EmailAddress().WithMessage("邮箱格式不正确");
        RuleFor(x => x.RequestId).NotEmpty().WithMessage("缺少请求号（requestId 或 Idempotency-Key）").MaximumLength(40).WithMessage("请求号不能超过 40 个字符");
    }
}

/// <summary>上传发票: the number and code printed on it (a 全电 invoice has a 20-digit number and no code).</summary>
public sealed class InvoiceUploadForm
{
    public int InvoiceId { get; set; }
    public string InvoiceNumber { get; set; } = "";
    public string? InvoiceCode { get; set; }
}

public sealed class InvoiceUploadFormValidator : AbstractValidator<InvoiceUploadForm>
{
    public InvoiceUploadFormValidator()
    {
        RuleFor(x => x.InvoiceNumber).NotEmpty().WithMessage("请填写发票号码").Matches(@"\A(\d{8}|\d{20})\z").WithMessage("发票号码为 8 位或 20 位（全电发票）数字");
        RuleFor(x => x.InvoiceCode).Matches(@"\A(\d{10}|\d{12})\z").WithMessage("发票代码为 10 位或 12 位数字（全电发票不填）")
            .When(x => !string.IsNullOrEmpty(x.InvoiceCode));
    }
}

public sealed class InvoiceFilter
{
    public InvoiceStatus? Status { get; set; }
    public string? Phone { get; set; }
    public string? Title { get; set; }
    public string? Nickname { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
}

public sealed record InvoiceRow
{
    public int Id { get; init; }
    public string RequestNo { get; init; } = "";
    public string Phone { get; init; } = "";
    public string Nickname { get; init; } = "";
    public InvoiceTitleType TitleType { get; init; }
    public string Title { get; init; } = "";
    public string? TaxNumber { get; init; }
    public string? Email { get; init; }
    public Money Amount { get; init; }
    public int Orders { get; init; }
    public InvoiceStatus Status { get; init; }
    public string? InvoiceNumber { get; init; }
    public string? InvoiceCode { get; init; }
    public bool HasPdf { get; init; }
    public string? RejectReason { get; init; }
    public string? HandledBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? IssuedAt { get; init; }
}

public sealed class InvoiceExportRow
{
    [ExcelColumnName("申请单号")] public string RequestNo { get; set; } = "";
    [ExcelColumnName("手机号")] public string Phone { get; set; } = "";
    [ExcelColumnName("昵称")] public string Nickname { get; set; } = "";
    [ExcelColumnName("抬头类型")] public string TitleType { get; set; } = "";
    [ExcelColumnName("发票抬头")] public string Title { get; set; } = "";
    [ExcelColumnName("统一社会信用代码")] public string TaxNumber { get; set; } = "";
    [ExcelColumnName("邮箱")] public string Email { get; set; } = "";
    [ExcelColumnName("开票金额(元)")] public decimal Amount { get; set; }
    [ExcelColumnName("订单数")] public int Orders { get; set; }
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("发票号码")] public string InvoiceNumber { get; set; } = "";
    [ExcelColumnName("发票代码")] public string InvoiceCode { get; set; } = "";
    [ExcelColumnName("拒绝/冲红原因")] public string Reason { get; set; } = "";
    [ExcelColumnName("申请时间")] public string CreatedAt { get; set; } = "";
    [ExcelColumnName("开票时间")] public string IssuedAt { get; set; } = "";
}

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
