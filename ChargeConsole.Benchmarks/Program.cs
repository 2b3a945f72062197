using ChargeConsole.Benchmarks;

return args.FirstOrDefault() switch
{
    "import-piles" => await ExcelBenchmarks.ImportPilesAsync(Count(args, 10_000)),
    "export-guns" => await ExcelBenchmarks.ExportGunsAsync(Count(args, 100_000)),
    "codec" => Codec(),
    "simulate" => await PileFleetRunner.RunAsync(args),
    "settle-db" => await SettlementLoad.CreateDatabaseAsync(args.ElementAtOrDefault(1) ?? "data/settle.db", int.Parse(args.ElementAtOrDefault(2) ?? "1000"), int.Parse(args.ElementAtOrDefault(3) ?? "5")),
    "settle" => await SettlementLoad.RunAsync(args),
    "orders-grid" => await OrdersGridBenchmark.RunAsync(args.ElementAtOrDefault(1) ?? "data/orders.db", int.Parse(args.ElementAtOrDefault(2) ?? "1000000")),
    "reports" => await ReportsBenchmark.RunAsync(args.ElementAtOrDefault(1) ?? "data/reports.db", int.Parse(args.ElementAtOrDefault(2) ?? "1000000")),
    "backfill-start" => await ReportsBenchmark.StartDuringBackfillAsync(args.ElementAtOrDefault(1) ?? "data/backfill.db", int.Parse(args.ElementAtOrDefault(2) ?? "1000000")),
    "coupons-issue" => await CouponIssueLoad.RunAsync(Count(args, 200_000)),
    "payments" => await PaymentCallbackLoad.RunAsync(args),
    "load-db" => await LoadDatabase.CreateAsync(args),
    "commands" => await ClusterCommandLoad.RunAsync(args),
    _ => Usage(),
};

static int Codec()
{
    BenchmarkDotNet.Running.BenchmarkRunner.Run<HeartbeatDecodeBenchmark>();
    return 0;
}

static int Count(string[] args, int fallback) => args.Length > 1 && int.TryParse(args[1], out var n) ? n : fallback;

static int Usage()
{
    Console.WriteLine("""
        usage: dotnet run -c Release --project ChargeConsole.Benchmarks -- COMMAND [N]
          import-piles [N]   import N piles (2 guns each) from a generated xlsx into a fresh SQLite file (default 10000)
          export-guns [N]    export N gun rows to xlsx, streaming, and report peak memory (default 100000)
          codec              BenchmarkDotNet: heartbeat framing + decode throughput and allocations
          load-db PATH [N] [--ocpp M]  create a SQLite console database at PATH with N registered 2-gun YKC piles (codes
                             32990000000001…) and M OCPP 1.6J ones (codes 32980000000001…)
          load-db --postgres CONN [N]  add N such piles to a PostgreSQL console database (for scripts/cluster.sh)
          commands [--postgres CONN] [--gateway PORT] [--silo IP:PORT] [--count N] [--concurrency C]
                             through one node's Orleans gateway, N gun reads to online piles held by other nodes and by that
                             node itself; round-trip percentiles to the pile's answer
          settle-db PATH [PILES] [R]  a database with PILES piles (codes 32990000000001…), one funded user each, and R orders charging per pile
          settle [--host H] [--port P] [--count PILES] [--records R]
                             connect PILES simulated piles and send R transaction records each; report records settled per second
          orders-grid PATH [N]       seed N charging orders into PATH (kept for reruns) and time filtered pages of the orders grid
          reports PATH [N]           seed N settled orders over a year on 50 stations with 20 investors into PATH (kept for reruns), time the
                             start-up split backfill, the home pages and every report, and export a month of 投资人收益 with peak memory
          backfill-start PATH [N]    seed N settled orders without splits into PATH (kept; never backfilled by this command), start the console on it,
                             and time its first answer, its answers while the background backfill runs, and the backfill's end
          coupons-issue [N]  全体发放 of one coupon to N users (default 200000) on a fresh SQLite file: time, peak memory, slowest progress read
          payments [--url U] [--db PATH] [--keys DIR] [--count N] [--concurrency C]
                             against a running demo console (sandbox on): N signed, encrypted payment callbacks, C at a time;
                             report callbacks credited per second, then duplicates per second, and check each order was credited once
          simulate [--host H] [--port P] [--from CODE] [--count N] [--guns G] [--charging SHARE]
                   [--heartbeat S] [--report S] [--duration S] [--ocpp]
                             run N simulated piles with consecutive codes against a running console (Ctrl+C stops);
                             --ocpp: OCPP 1.6J charge points on the console's HTTP port P (heartbeat: the console's Ocpp:HeartbeatSeconds)
        """);
    return 2;
}
