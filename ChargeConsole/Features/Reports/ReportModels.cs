using ChargeConsole.Domain.Values;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Reports;

/// <summary>Filters the reports share; each report uses the ones the manual names for it. Dates are China days, months their first day.</summary>
public sealed record ReportFilter
{
    /// <summary>Staff may pick an investor; an investor is always themselves.</summary>
    public string? InvestorId { get; set; }
    public int? StationId { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public string? OrderNo { get; set; }
}

/// <summary>月度统计: one station's month. <see cref="MineFen"/> is the chosen (or signed-in) investor's part.</summary>
public sealed record MonthlyRow
{
    public int Month { get; init; } // yyyyMM, sorts as time does
    public int StationId { get; init; }
    public string Station { get; init; } = "";
    public long Orders { get; init; }
    public long Energy { get; init; }
    public long ElectricityFen { get; init; }
    public long ServiceFen { get; init; }
    public long TotalFen { get; init; }
    public long InvestorsFen { get; init; }
    public long PlatformFen { get; init; }
    public long MineFen { get; init; }
    public string MonthText => $"{Month / 100}-{Month % 100:00}";
}

/// <summary>投资人收益: one investor's part of one settled order.</summary>
public sealed record InvestorRevenueRow
{
    public long Id { get; init; }
    public string OrderNo { get; init; } = "";
    public string Station { get; init; } = "";
    public string Investor { get; init; } = "";
    public DateTime SettledAt { get; init; }
    public Money Base { get; init; }
    public decimal SharePercent { get; init; }
    public Money Amount { get; init; }
}

public sealed class InvestorRevenueExportRow
{
    [ExcelColumnName("订单号")] public string OrderNo { get; set; } = "";
    [ExcelColumnName("电站")] public string Station { get; set; } = "";
    [ExcelColumnName("投资人")] public string Investor { get; set; } = "";
    [ExcelColumnName("结算时间")] public string SettledAt { get; set; } = "";
    [ExcelColumnName("分润基数(元)")] public decimal Base { get; set; }
    [ExcelColumnName("占比(%)")] public decimal Share { get; set; }
    [ExcelColumnName("金额(元)")] public decimal Amount { get; set; }
}

/// <summary>充电统计's per-station line, and one station's figures in the other reports.</summary>
public sealed record StationTotalRow
{
    public int StationId { get; init; }
    public string Station { get; init; } = "";
    public long Orders { get; init; }
    public long Energy { get; init; }
    public long TotalFen { get; init; }
    public long SplitBaseFen { get; init; }
    public long InvestorsFen { get; init; }
    public long PlatformFen { get; init; }
    /// <summary>How many times the station's guns went into fault over the period.</summary>
    public long Faults { get; init; }
}

public sealed class StationTotalExportRow
{
    [ExcelColumnName("电站")] public string Station { get; set; } = "";
    [ExcelColumnName("充电次数")] public long Orders { get; set; }
    [ExcelColumnName("电量(kWh)")] public decimal Energy { get; set; }
    [ExcelColumnName("充电金额(元)")] public decimal Total { get; set; }
    [ExcelColumnName("故障次数")] public long Faults { get; set; }
}

public sealed class InvestorStationExportRow
{
    [ExcelColumnName("投资人")] public string Investor { get; set; } = "";
    [ExcelColumnName("电站")] public string Station { get; set; } = "";
    [ExcelColumnName("收益(元)")] public decimal Amount { get; set; }
}

/// <summary>电站收益占比: one party's part of one station's split base.</summary>
public sealed class StationShareExportRow
{
    [ExcelColumnName("电站")] public string Station { get; set; } = "";
    [ExcelColumnName("充电金额(元)")] public decimal Total { get; set; }
    [ExcelColumnName("分润基数(元)")] public decimal Base { get; set; }
    [ExcelColumnName("分配给")] public string Party { get; set; } = "";
    [ExcelColumnName("金额(元)")] public decimal Amount { get; set; }
}

public sealed record DayTotal(DateOnly Day, long Orders, long Energy, long TotalFen);

/// <summary>One investor's revenue at one station over the period.</summary>
public sealed record InvestorStationRow(string InvestorId, string Investor, int StationId, string Station, long AmountFen);

public sealed record MonthTotal(int Month, long AmountFen);
