using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientRequests.Departments.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ServiceOwnedClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ClockPaused",
                table: "WorkItems",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ClockRevision",
                table: "WorkItems",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RequestVersion",
                table: "WorkItems",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClockPaused",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "ClockRevision",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "RequestVersion",
                table: "WorkItems");
        }
    }
}
