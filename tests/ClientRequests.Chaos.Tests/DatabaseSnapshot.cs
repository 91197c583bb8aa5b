using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClientRequests.Chaos.Tests;

public sealed record RequestRow(Guid Id, string? ExternalReference, string Status);
public sealed record RequestWorkItemRow(Guid Id, Guid RequestId, string DepartmentCode, string Status, int LastSequence);
public sealed record TimelineRow(Guid RequestId, Guid? WorkItemId, int? Sequence, string Kind, string? Status);
public sealed record DepartmentWorkItemRow(Guid Id, Guid RequestId, string DepartmentCode, string Status, int Sequence);

/// <summary>
/// What the requests and departments services have stored, read straight from their SQLite files (read-only
/// connections; WAL lets them read beside the running services), or from the production shape's PostgreSQL databases. The services' own APIs page, filter and check
/// access; the files are the truth the promise is about.
/// </summary>
public sealed record DatabaseSnapshot(
    IReadOnlyList<RequestRow> Requests, IReadOnlyList<RequestWorkItemRow> RequestWorkItems, IReadOnlyList<TimelineRow> Timeline,
    IReadOnlyList<DepartmentWorkItemRow> DepartmentWorkItems, int RequestsOutboxPending, int DepartmentsOutboxPending)
{
    public static async Task<DatabaseSnapshot> ReadAsync(string dataFolder)
    {
        await using var requestsFile = await OpenAsync(Path.Combine(dataFolder, "requests.db"));
        await using var departmentsFile = await OpenAsync(Path.Combine(dataFolder, "departments.db"));
        // One read transaction per file: every table of a file is read as of one moment.
        await using var requests = requestsFile.BeginTransaction(deferred: true);
        await using var departments = departmentsFile.BeginTransaction(deferred: true);
        return await ReadAsync(requests, departments);
    }

    /// <summary>The same from the production shape's PostgreSQL databases (one snapshot per database).</summary>
    public static async Task<DatabaseSnapshot> ReadPostgresAsync(string requestsConnection, string departmentsConnection)
    {
        await using var requestsDb = new NpgsqlConnection(requestsConnection);
        await using var departmentsDb = new NpgsqlConnection(departmentsConnection);
        await requestsDb.OpenAsync();
        await departmentsDb.OpenAsync();
        await using var requests = await requestsDb.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        await using var departments = await departmentsDb.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        return await ReadAsync(requests, departments);
    }

    // Quoted names: PostgreSQL folds unquoted ones to lower case; SQLite takes them as they are.
    static async Task<DatabaseSnapshot> ReadAsync(DbTransaction requests, DbTransaction departments) =>
        new(
            await QueryAsync(requests, """SELECT "Id", "ExternalReference", "Status" FROM "Requests" """,
                r => new RequestRow(ReadGuid(r, 0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2))),
            await QueryAsync(requests, """SELECT "Id", "RequestId", "DepartmentCode", "Status", "LastSequence" FROM "RequestWorkItems" """,
                r => new RequestWorkItemRow(ReadGuid(r, 0), ReadGuid(r, 1), r.GetString(2), r.GetString(3), r.GetInt32(4))),
            await QueryAsync(requests, """SELECT "RequestId", "WorkItemId", "Sequence", "Kind", "Status" FROM "TimelineEntries" """,
                r => new TimelineRow(ReadGuid(r, 0), r.IsDBNull(1) ? null : ReadGuid(r, 1),
                    r.IsDBNull(2) ? null : r.GetInt32(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4))),
            await QueryAsync(departments, """SELECT "Id", "RequestId", "DepartmentCode", "Status", "Sequence" FROM "WorkItems" """,
                r => new DepartmentWorkItemRow(ReadGuid(r, 0), ReadGuid(r, 1), r.GetString(2), r.GetString(3), r.GetInt32(4))),
            await PendingAsync(requests),
            await PendingAsync(departments));

    /// <summary>SQLite keeps a Guid as text, PostgreSQL as uuid.</summary>
    static Guid ReadGuid(DbDataReader reader, int column) => reader.GetValue(column) is Guid id ? id : Guid.Parse(reader.GetString(column));

    static async Task<SqliteConnection> OpenAsync(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    static async Task<IReadOnlyList<T>> QueryAsync<T>(DbTransaction transaction, string sql, Func<DbDataReader, T> read)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    /// <summary>Outbox rows not yet published, parked ones included.</summary>
    static async Task<int> PendingAsync(DbTransaction transaction)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """SELECT COUNT(*) FROM "OutboxMessages" WHERE "SentAt" IS NULL""";
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
