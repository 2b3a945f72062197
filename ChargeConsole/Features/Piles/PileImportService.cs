using System.Globalization;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Excel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Piles;

public sealed record ImportError(int RowNumber, string Message);

public sealed record ImportResult(int Imported, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Excel import of piles: every row is checked first, and nothing is written unless every row is valid,
/// so an operator fixes the file and imports it again without half an import to clean up.
/// </summary>
public sealed class PileImportService(IDbContextFactory<ChargeDbContext> dbFactory, IValidator<PileForm> validator, AuditTrail audit, TimeProvider clock)
{
    public const int MaxRows = 20_000;
    private static readonly string[] Columns = ["电桩编码", "电桩名称", "所属电站", "型号", "类型", "功率(kW)", "枪数", "协议版本"];

    public sealed class TemplateRow
    {
        [ExcelColumnName("电桩编码")] public string Code { get; set; } = "";
        [ExcelColumnName("电桩名称")] public string Name { get; set; } = "";
        [ExcelColumnName("所属电站")] public string Station { get; set; } = "";
        [ExcelColumnName("型号")] public string Model { get; set; } = "";
        [ExcelColumnName("类型")] public string Type { get; set; } = "";
        [ExcelColumnName("功率(kW)")] public decimal PowerKw { get; set; }
        [ExcelColumnName("枪数")] public int GunCount { get; set; }
        [ExcelColumnName("协议版本")] public string Protocol { get; set; } = "";
    }

    /// <summary>The downloadable template: the columns, with one example row.</summary>
    public static byte[] TemplateBytes() => ExcelFiles.ToBytes(new[]
    {
        new TemplateRow { Code = "32010200000001", Name = "1号直流桩", Station = "（填写已有电站名称）", Model = "DC120", Type = "直流", PowerKw = 120, GunCount = 2, Protocol = "1.5" },
    });

    public async Task<ImportResult> ImportAsync(AccessScope scope, Stream file, CancellationToken ct = default)
    {
        if (scope.IsInvestor) return new ImportResult(0, [new ImportError(0, "投资人账号不能导入电桩")]);

        List<ExcelRow> rows;
        try
        {
            rows = ExcelFiles.ReadRows(file).Take(MaxRows + 1).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or FormatException or NotSupportedException)
        {
            return new ImportResult(0, [new ImportError(0, "无法读取文件，请使用下载的模板（.xlsx）填写后上传")]);
        }
        if (rows.Count == 0) return new ImportResult(0, [new ImportError(0, "文件中没有数据行")]);
        if (rows.Count > MaxRows) return new ImportResult(0, [new ImportError(0, $"一次最多导入 {MaxRows} 行")]);
        var missing = Columns.Where(c => !rows[0].Cells.ContainsKey(c)).ToList();
        if (missing.Count > 0) return new ImportResult(0, [new ImportError(1, $"缺少列：{string.Join("、", missing)}，请使用下载的模板")]);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stations = await db.Stations.AsNoTracking().Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Name, s => s.Id, ct);

        var errors = new List<ImportError>();
        var forms = new List<(int Row, PileForm Form)>();
        var seen = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            var (form, parseErrors) = Parse(row, stations);
            var rowErrors = parseErrors.Select(e => e.Message).ToList();
            var validation = await validator.ValidateAsync(form, ct);
            // A cell that could not be read is reported once, not again as "missing" by the validator.
            rowErrors.AddRange(validation.Errors.Where(e => parseErrors.All(p => p.Property != e.PropertyName)).Select(e => e.ErrorMessage));
            if (form.Code.Length > 0 && !seen.TryAdd(form.Code, row.RowNumber))
                rowErrors.Add($"电桩编码【{form.Code}】与第 {seen[form.Code]} 行重复");
            if (rowErrors.Count > 0) errors.Add(new ImportError(row.RowNumber, string.Join("；", rowErrors.Distinct())));
            else forms.Add((row.RowNumber, form));
        }

        foreach (var chunk in forms.Chunk(500))
        {
            var codes = chunk.Select(f => f.Form.Code).ToArray();
            var taken = (await db.Piles.Where(p => codes.Contains(p.Code)).Select(p => p.Code).ToListAsync(ct)).ToHashSet();
            errors.AddRange(chunk.Where(f => taken.Contains(f.Form.Code)).Select(f => new ImportError(f.Row, $"电桩编码【{f.Form.Code}】已存在")));
        }
        if (errors.Count > 0)
        {
            await audit.WriteAsync(scope.UserName, "导入电桩", $"{rows.Count} 行", false, $"{errors.Count} 行有误，未导入", ct);
            return new ImportResult(0, errors.OrderBy(e => e.RowNumber).ToList());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var (_, form) in forms)
            {
                var pile = new Pile { Code = form.Code, CreatedAt = now };
                PileService.Apply(pile, form);
                if (pile.Name.Length == 0) pile.Name = pile.Code;
                PileService.SyncGuns(pile);
                db.Piles.Add(pile);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await audit.WriteAsync(scope.UserName, "导入电桩", $"{forms.Count} 台", true, $"导入 {forms.Count} 台电桩", ct);
        return new ImportResult(forms.Count, []);
    }

    private static (PileForm Form, List<(string Property, string Message)> Errors) Parse(ExcelRow row, IReadOnlyDictionary<string, int> stations)
    {
        var errors = new List<(string Property, string Message)>();
        var form = new PileForm
        {
            Code = row.Text("电桩编码"),
            Name = row.Text("电桩名称"),
            Model = row.Text("型号"),
        };
        var station = row.Text("所属电站");
        if (station.Length == 0) errors.Add((nameof(PileForm.StationId), "请填写所属电站"));
        else if (stations.TryGetValue(station, out var stationId)) form.StationId = stationId;
        else errors.Add((nameof(PileForm.StationId), $"电站【{station}】不存在"));

        switch (row.Text("类型"))
        {
            case "直流" or "DC" or "dc": form.Type = PileType.DC; break;
            case "交流" or "AC" or "ac": form.Type = PileType.AC; break;
            case var t: errors.Add((nameof(PileForm.Type), t.Length == 0 ? "请填写类型（直流/交流）" : $"类型【{t}】无效，应为 直流 或 交流")); break;
        }

        var power = row.Text("功率(kW)");
        if (decimal.TryParse(power, NumberStyles.Number, CultureInfo.InvariantCulture, out var kw)) form.PowerKw = kw;
        else errors.Add((nameof(PileForm.PowerKw), power.Length == 0 ? "请填写功率" : $"功率【{power}】不是数字"));

        var guns = row.Text("枪数");
        if (int.TryParse(guns, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ||
            (decimal.TryParse(guns, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && (n = (int)d) == d))
            form.GunCount = n;
        else { form.GunCount = 1; errors.Add((nameof(PileForm.GunCount), guns.Length == 0 ? "请填写枪数" : $"枪数【{guns}】不是整数")); }

        switch (row.Text("协议版本"))
        {
            case "" or "1.5" or "V1.5" or "v1.5": form.Protocol = PileProtocol.Ykc15; break;
            case "1.6" or "V1.6" or "v1.6": form.Protocol = PileProtocol.Ykc16; break;
            case var ocpp when ocpp.Replace(" ", "").Equals("OCPP1.6J", StringComparison.OrdinalIgnoreCase): form.Protocol = PileProtocol.Ocpp16J; break;
            case var p: errors.Add((nameof(PileForm.Protocol), $"协议版本【{p}】无效，应为 1.5、1.6 或 OCPP1.6J")); break;
        }
        return (form, errors);
    }
}
