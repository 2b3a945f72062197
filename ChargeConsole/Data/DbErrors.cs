using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Data;

public static class DbErrors
{
    /// <summary>Whether a save failed on a unique index (SQLite 19/2067, SQL Server 2601/2627, PostgreSQL 23505): another writer got there first.</summary>
    public static bool IsUniqueViolation(this DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        Microsoft.Data.SqlClient.SqlException s => s.Number is 2601 or 2627,
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
