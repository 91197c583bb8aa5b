using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClientRequests.ServiceDefaults.Data;

public static class SqliteConventions
{
    /// <summary>
    /// SQLite cannot order or compare DateTimeOffset values; stored as binary ticks (all our times are UTC)
    /// they sort and compare in SQL. Call from the SQLite context's ConfigureConventions.
    /// </summary>
    public static void Apply(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
