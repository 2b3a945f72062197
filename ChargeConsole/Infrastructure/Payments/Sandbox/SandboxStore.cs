using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ChargeConsole.Infrastructure.Payments.Sandbox;

/// <summary>
/// The sandbox's own memory, as WeChat Pay's database is to WeChat Pay: its orders and refunds in a SQLite file of
/// their own (never the console's database), so a restart of the console forgets no payment and never issues an id
/// twice. Several console processes on one machine may share the file (each change is one IMMEDIATE transaction).
/// Bounded: beyond <see cref="SandboxOptions.MaxRemembered"/> rows of a kind the least recently written are forgotten.
/// </summary>
public sealed class SandboxStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);
    private readonly string _connection;
    private readonly int _max;

    public SandboxStore(string path, int maxRemembered)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connection = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _max = Math.Max(100, maxRemembered);
        using var db = Open();
        Execute(db, null, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS orders (no TEXT PRIMARY KEY, body TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS refunds (no TEXT PRIMARY KEY, trade_no TEXT NOT NULL, body TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS refunds_trade ON refunds (trade_no);
            """);
    }

    /// <summary>A transaction id as WeChat Pay's look (4200…, 28 digits), random enough never to repeat.</summary>
    public static string NewTransactionId(DateTimeOffset now) => "4200" + now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd") + Digits(16);

    /// <summary>A refund id (50…, 29 digits).</summary>
    public static string NewRefundId(DateTimeOffset now) => "503" + now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd") + Digits(18);

    private static string Digits(int n) => RandomNumberGenerator.GetString("0123456789", n);

    /// <summary>Reads, changes and writes in one IMMEDIATE transaction: no other process changes the same rows meanwhile.</summary>
    public T Change<T>(Func<Session, T> change)
    {
        using var db = Open();
        using var tx = db.BeginTransaction(deferred: false);
        var result = change(new Session(db, tx));
        tx.Commit();
        return result;
    }

    private SqliteConnection Open()
    {
        var db = new SqliteConnection(_connection);
        db.Open();
        return db;
    }

    private static void Execute(SqliteConnection db, SqliteTransaction? tx, string sql, params (string Name, object Value)[] args)
    {
        using var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        cmd.ExecuteNonQuery();
    }

    /// <summary>One transaction's view of the store.</summary>
    public sealed class Session(SqliteConnection db, SqliteTransaction tx)
    {
        public T? Order<T>(string no) where T : class => Read<T>("SELECT body FROM orders WHERE no = $no", ("$no", no)).FirstOrDefault();

        public T? Refund<T>(string no) where T : class => Read<T>("SELECT body FROM refunds WHERE no = $no", ("$no", no)).FirstOrDefault();

        public IReadOnlyList<T> RefundsOf<T>(string tradeNo) where T : class => Read<T>("SELECT body FROM refunds WHERE trade_no = $t", ("$t", tradeNo));

        public void PutOrder<T>(string no, T order) => Execute(db, tx, "INSERT OR REPLACE INTO orders (no, body) VALUES ($no, $body)",
            ("$no", no), ("$body", JsonSerializer.Serialize(order, Json)));

        public void PutRefund<T>(string no, string tradeNo, T refund) => Execute(db, tx, "INSERT OR REPLACE INTO refunds (no, trade_no, body) VALUES ($no, $t, $body)",
            ("$no", no), ("$t", tradeNo), ("$body", JsonSerializer.Serialize(refund, Json)));

        /// <summary>Forgets the least recently written rows beyond <paramref name="max"/> of each kind.</summary>
        public void Trim(int max)
        {
            foreach (var table in new[] { "orders", "refunds" })
                Execute(db, tx, $"DELETE FROM {table} WHERE rowid <= (SELECT MAX(rowid) FROM {table}) - $max", ("$max", max));
        }

        private List<T> Read<T>(string sql, params (string Name, object Value)[] args) where T : class
        {
            using var cmd = db.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
            using var reader = cmd.ExecuteReader();
            var list = new List<T>();
            while (reader.Read()) list.Add(JsonSerializer.Deserialize<T>(reader.GetString(0), Json)!);
            return list;
        }
    }

    public int MaxRemembered => _max;
}
