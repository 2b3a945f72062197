using ChargeConsole.Benchmarks;

return args.FirstOrDefault() switch
{
    "import-piles" => await ExcelBenchmarks.ImportPilesAsync(Count(args, 10_000)),
    "export-guns" => await ExcelBenchmarks.ExportGunsAsync(Count(args, 100_000)),
    _ => Usage(),
};

static int Count(string[] args, int fallback) => args.Length > 1 && int.TryParse(args[1], out var n) ? n : fallback;

static int Usage()
{
    Console.WriteLine("""
        usage: dotnet run -c Release --project ChargeConsole.Benchmarks -- COMMAND [N]
          import-piles [N]   import N piles (2 guns each) from a generated xlsx into a fresh SQLite file (default 10000)
          export-guns [N]    export N gun rows to xlsx, streaming, and report peak memory (default 100000)
        """);
    return 2;
}
