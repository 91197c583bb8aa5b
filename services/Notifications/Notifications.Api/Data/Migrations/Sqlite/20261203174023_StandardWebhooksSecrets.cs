using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientRequests.Notifications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StandardWebhooksSecrets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PreviousKeyValidUntil",
                table: "WebhookSubscriptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PreviousSigningKey",
                table: "WebhookSubscriptions",
                type: "BLOB",
                maxLength: 800,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SigningKey",
                table: "WebhookSubscriptions",
                type: "BLOB",
                maxLength: 800,
                nullable: false,
                defaultValue: new byte[0]);

            // The old free-text secret was used as its UTF-8 bytes: those bytes are the key, so every receiver's
            // signatures still verify, with the secret "whsec_" + base64(old secret) (ADR 0025). The old column goes in
            // the next migration, on its own: SQLite rebuilds the table for it, which cannot run in this transaction.
            migrationBuilder.Sql(@"UPDATE ""WebhookSubscriptions"" SET ""SigningKey"" = CAST(""Secret"" AS BLOB);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"UPDATE ""WebhookSubscriptions"" SET ""Secret"" = CAST(""SigningKey"" AS TEXT);");

            migrationBuilder.DropColumn(
                name: "PreviousKeyValidUntil",
                table: "WebhookSubscriptions");

            migrationBuilder.DropColumn(
                name: "PreviousSigningKey",
                table: "WebhookSubscriptions");

            migrationBuilder.DropColumn(
                name: "SigningKey",
                table: "WebhookSubscriptions");
        }
    }
}
