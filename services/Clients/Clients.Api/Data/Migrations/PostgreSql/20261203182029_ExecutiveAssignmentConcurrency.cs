using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientRequests.Clients.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ExecutiveAssignmentConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No schema change: ExecutiveAssignments.ManagerId became a concurrency token (checked in UPDATE ... WHERE).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
