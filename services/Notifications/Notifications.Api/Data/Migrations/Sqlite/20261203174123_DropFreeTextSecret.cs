using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientRequests.Notifications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropFreeTextSecret : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Secret",
                table: "WebhookSubscriptions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Secret",
                table: "WebhookSubscriptions",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }
    }
}
