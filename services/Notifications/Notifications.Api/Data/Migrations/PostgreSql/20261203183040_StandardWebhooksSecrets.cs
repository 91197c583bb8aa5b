using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientRequests.Notifications.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StandardWebhooksSecrets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PreviousKeyValidUntil",
                table: "WebhookSubscriptions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PreviousSigningKey",
                table: "WebhookSubscriptions",
                type: "bytea",
                maxLength: 800,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SigningKey",
                table: "WebhookSubscriptions",
                type: "bytea",
                maxLength: 800,
                nullable: false,
                defaultValue: new byte[0]);

            // The old free-text secret was used as its UTF-8 bytes: those bytes are the key, so every receiver's
            // signatures still verify, with the secret "whsec_" + base64(old secret) (ADR 0025). The old column goes in
            // the next migration, as on SQLite, where the table is rebuilt for it outside the transaction.
            migrationBuilder.Sql(@"UPDATE ""WebhookSubscriptions"" SET ""SigningKey"" = convert_to(""Secret"", 'UTF8');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to text: a secret migrated from free text is its old self again (a whsec_ key of random bytes has no text form).
            migrationBuilder.Sql(@"UPDATE ""WebhookSubscriptions"" SET ""Secret"" = convert_from(""SigningKey"", 'UTF8');");

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
