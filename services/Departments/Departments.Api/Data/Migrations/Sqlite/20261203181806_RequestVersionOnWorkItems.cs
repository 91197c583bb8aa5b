using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientRequests.Departments.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RequestVersionOnWorkItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RequestVersion",
                table: "WorkItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RequestVersion",
                table: "WorkItems");
        }
    }
}
