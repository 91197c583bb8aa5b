using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientRequests.Requests.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AccountTeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClientTeams",
                columns: table => new
                {
                    ClientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AccountManagerId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    AsOf = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientTeams", x => x.ClientId);
                });

            migrationBuilder.CreateTable(
                name: "ClientTeamMembers",
                columns: table => new
                {
                    ClientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientTeamMembers", x => new { x.UserId, x.ClientId });
                    table.ForeignKey(
                        name: "FK_ClientTeamMembers_ClientTeams_ClientId",
                        column: x => x.ClientId,
                        principalTable: "ClientTeams",
                        principalColumn: "ClientId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientTeamMembers_ClientId",
                table: "ClientTeamMembers",
                column: "ClientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientTeamMembers");

            migrationBuilder.DropTable(
                name: "ClientTeams");
        }
    }
}
