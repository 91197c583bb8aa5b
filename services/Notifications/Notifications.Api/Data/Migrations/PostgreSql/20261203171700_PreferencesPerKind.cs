using ClientRequests.Notifications.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientRequests.Notifications.Data.Migrations.PostgreSql
{
    /// <summary>
    /// The PostgreSQL provider came after SQLite's and SQL Server's PreferencesPerKind, so its Initial already creates
    /// preferences per kind. This migration keeps the three providers' histories the same list of names (one
    /// migration per schema change on every provider) and changes nothing.
    /// </summary>
    [DbContext(typeof(PostgreSqlNotificationsDbContext))]
    [Migration("20261203171700_PreferencesPerKind")]
    public partial class PreferencesPerKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
