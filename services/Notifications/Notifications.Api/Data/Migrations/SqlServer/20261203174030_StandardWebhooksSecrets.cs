using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientRequests.Notifications.Data.Migrations.SqlServer
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
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PreviousSigningKey",
                table: "WebhookSubscriptions",
                type: "varbinary(800)",
                maxLength: 800,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SigningKey",
                table: "WebhookSubscriptions",
                type: "varbinary(800)",
                maxLength: 800,
                nullable: false,
                defaultValue: new byte[0]);

            // The old free-text secret was used as its UTF-8 bytes: those bytes are the key, so every receiver's
            // signatures still verify, with the secret "whsec_" + base64(old secret) (ADR 0025). The old column goes in
            // the next migration, on its own: SQLite rebuilds the table for it, which cannot run in this transaction.
            migrationBuilder.Sql(@"UPDATE [WebhookSubscriptions] SET [SigningKey] = CAST(CAST([Secret] COLLATE Latin1_General_100_CI_AS_SC_UTF8 AS varchar(800)) AS varbinary(800));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"UPDATE [WebhookSubscriptions] SET [Secret] = CAST(CAST([SigningKey] AS varchar(800)) COLLATE Latin1_General_100_CI_AS_SC_UTF8 AS nvarchar(200));");

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
