using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClientRequests.ServiceDefaults.Data;

public static class PostgreSqlConventions
{
    /// <summary>
    /// Npgsql writes DateTimeOffset to <c>timestamptz</c> only with offset zero and throws otherwise; a time that
    /// arrives with an offset (a filter in a query string) is the same instant in UTC, so it is converted on the way in.
    /// Call from the PostgreSQL context's ConfigureConventions.
    /// </summary>
    public static void Apply(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<UtcConverter>();
    }

    sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
