using Microsoft.Data.Sqlite;

namespace ClientRequests.Chaos.Tests;

public sealed record RequestRow(Guid Id, string? ExternalReference, string Status);
public sealed record RequestWorkItemRow(Guid Id, Guid RequestId, string DepartmentCode, string Status, int LastSequence);
public sealed record TimelineRow(Guid RequestId, Guid? WorkItemId, int? Sequence, string Kind, string? Status);
public sealed record DepartmentWorkItemRow(Guid Id, Guid RequestId, string DepartmentCode, string Status, int Sequence);

/// <summary>
/// What the requests and departments services have stored, read straight from their SQLite files (read-only
/// connections; WAL lets them read beside the running services). The services' own APIs page, filter and check
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
        return new DatabaseSnapshot(
            await QueryAsync(requests, "SELECT Id, ExternalReference, Status FROM Requests",
                r => new RequestRow(Guid.Parse(r.GetString(0)), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2))),
            await QueryAsync(requests, "SELECT Id, RequestId, DepartmentCode, Status, LastSequence FROM RequestWorkItems",
                r => new RequestWorkItemRow(Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetInt32(4))),
            await QueryAsync(requests, "SELECT RequestId, WorkItemId, Sequence, Kind, Status FROM TimelineEntries",
                r => new TimelineRow(Guid.Parse(r.GetString(0)), r.IsDBNull(1) ? null : Guid.Parse(r.GetString(1)),
                    r.IsDBNull(2) ? null : r.GetInt32(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4))),
            await QueryAsync(departments, "SELECT Id, RequestId, DepartmentCode, Status, Sequence FROM WorkItems",
                r => new DepartmentWorkItemRow(Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetInt32(4))),
            await PendingAsync(requests),
            await PendingAsync(departments));
    }

    static async Task<SqliteConnection> OpenAsync(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    static async Task<IReadOnlyList<T>> QueryAsync<T>(SqliteTransaction transaction, string sql, Func<SqliteDataReader, T> read)
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
    static async Task<int> PendingAsync(SqliteTransaction transaction)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM OutboxMessages WHERE SentAt IS NULL";
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
