using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientRequests.Departments.Data.Migrations.SqlServer
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
                type: "int",
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
