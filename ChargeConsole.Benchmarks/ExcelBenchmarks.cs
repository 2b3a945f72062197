using System.Diagnostics;
using ChargeConsole.Data.Entities;
using ChargeConsole.Features.Piles;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace ChargeConsole.Benchmarks;

internal static class ExcelBenchmarks
{
    private static readonly AccessScope Operator = new("bench", "bench", false, null);

    /// <summary>Issue target: 10,000 piles (20,000 guns) from an xlsx in under 15 s.</summary>
    public static async Task<int> ImportPilesAsync(int count)
    {
        await using var db = await BenchDatabase.CreateAsync();
        await using (var ctx = db.Context())
        {
            ctx.Stations.Add(new Station { Name = "压测电站", Address = "南京", Latitude = 32, Longitude = 118, CreatedAt = DateTime.UtcNow });
            await ctx.SaveChangesAsync();
        }
        var file = new MemoryStream();
        file.SaveAs(Enumerable.Range(1, count).Select(i => new PileImportService.TemplateRow
        {
            Code = $"3201{i:0000000000}", Name = $"{i}号桩", Station = "压测电站", Model = "DC120", Type = "直流", PowerKw = 120, GunCount = 2, Protocol = "1.5",
        }));
        Console.WriteLine($"generated xlsx: {count} rows, {file.Length / 1024} KiB");
        file.Position = 0;

        var import = db.Services.GetRequiredService<PileImportService>();
        var watch = Stopwatch.StartNew();
        var result = await import.ImportAsync(Operator, file);
        watch.Stop();

        await using var check = db.Context();
        var piles = await check.Piles.CountAsync();
        var guns = await check.Guns.CountAsync();
        Console.WriteLine($"import-piles: {result.Imported} imported ({piles} piles, {guns} guns in the database), errors {result.Errors.Count}, " +
                          $"elapsed {watch.Elapsed.TotalSeconds:0.00} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
        return result.Succeeded && piles == count ? 0 : 1;
    }

    /// <summary>Issue target: an export of 100,000 rows streams with peak memory under 300 MB.</summary>
    public static async Task<int> ExportGunsAsync(int rows)
    {
        await using var db = await BenchDatabase.CreateAsync();
        await SeedGunsWithSqlAsync(db, rows);
        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64 / 1048576;

        var watch = Stopwatch.StartNew();
        string path;
        long size;
        await using (var ctx = db.Context())
        {
            var result = await ExcelFiles.DownloadAsync(GunService.Export(ctx, Operator, new GunFilter()), "bench", CancellationToken.None);
            // Read the file back through the result's stream, as the response would send it.
            var stream = (FileStream)((Microsoft.AspNetCore.Http.HttpResults.FileStreamHttpResult)result).FileStream;
            path = stream.Name;
            size = stream.Length;
            await stream.CopyToAsync(Stream.Null);
            await stream.DisposeAsync();
        }
        watch.Stop();
        var removed = !File.Exists(path); // deleted on close, as in production
        Console.WriteLine($"export-guns: {rows} rows, xlsx {size / 1024} KiB, elapsed {watch.Elapsed.TotalSeconds:0.00} s, " +
                          $"working set before export {before} MB, process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB, temp file removed: {removed}");
        return 0;
    }

    private static async Task SeedGunsWithSqlAsync(BenchDatabase db, int rows)
    {
        await using var ctx = db.Context();
        await LoadDatabase.SeedPilesAsync(ctx, "3201", (rows + 1) / 2);
        Console.WriteLine($"seeded {await ctx.Guns.CountAsync()} guns");
    }
}
