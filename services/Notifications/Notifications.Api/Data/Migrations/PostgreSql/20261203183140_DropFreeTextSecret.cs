using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientRequests.Notifications.Data.Migrations.PostgreSql
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }
    }
}
