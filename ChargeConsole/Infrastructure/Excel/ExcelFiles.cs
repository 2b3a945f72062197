using MiniExcelLibs;

namespace ChargeConsole.Infrastructure.Excel;

/// <summary>xlsx in and out through MiniExcel, the one place that knows how files are written and read.</summary>
public static class ExcelFiles
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Writes <paramref name="rows"/> (enumerated once, streaming from the database) to a temporary file and
    /// returns it as a download; the file is deleted when the response has been sent.
    /// </summary>
    public static async Task<IResult> DownloadAsync<TRow>(IEnumerable<TRow> rows, string fileName, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cc-export-{Guid.NewGuid():N}.xlsx");
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            await file.SaveAsAsync(rows, sheetName: "Sheet1", cancellationToken: ct);
        }
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return Results.File(stream, ContentType, $"{fileName}-{DateTime.UtcNow.AddHours(8):yyyyMMddHHmmss}.xlsx");
    }

    public static byte[] ToBytes<TRow>(IEnumerable<TRow> rows)
    {
        using var ms = new MemoryStream();
        ms.SaveAs(rows);
        return ms.ToArray();
    }

    /// <summary>Reads the first sheet with its header row. Each row comes with its 1-based sheet row number.</summary>
    public static IEnumerable<ExcelRow> ReadRows(Stream stream)
    {
        var rowNumber = 1; // the header
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: true))
        {
            rowNumber++;
            if (row.Values.All(v => v is null || string.IsNullOrWhiteSpace(v.ToString()))) continue;
            yield return new ExcelRow(rowNumber, row);
        }
    }
}

public sealed record ExcelRow(int RowNumber, IDictionary<string, object?> Cells)
{
    public string Text(string column) =>
        Cells.TryGetValue(column, out var v) && v is not null ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!.Trim() : "";
}
