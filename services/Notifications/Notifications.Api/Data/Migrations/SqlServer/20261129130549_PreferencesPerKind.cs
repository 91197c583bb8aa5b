using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientRequests.Notifications.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PreferencesPerKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_Channel_SentAt",
                table: "Notifications");

            migrationBuilder.AddColumn<string>(
                name: "Kinds",
                table: "Preferences",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<TimeOnly>(
                name: "QuietEnd",
                table: "Preferences",
                type: "time",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "QuietStart",
                table: "Preferences",
                type: "time",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Preferences",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC");

            migrationBuilder.AddColumn<bool>(
                name: "Digest",
                table: "Notifications",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DueAt",
                table: "Notifications",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<int>(
                name: "FailedAttempts",
                table: "Notifications",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Channel_SentAt_DueAt",
                table: "Notifications",
                columns: new[] { "Channel", "SentAt", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_Channel_SentAt_DueAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Kinds",
                table: "Preferences");

            migrationBuilder.DropColumn(
                name: "QuietEnd",
                table: "Preferences");

            migrationBuilder.DropColumn(
                name: "QuietStart",
                table: "Preferences");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Preferences");

            migrationBuilder.DropColumn(
                name: "Digest",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "FailedAttempts",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Channel_SentAt",
                table: "Notifications",
                columns: new[] { "Channel", "SentAt" });
        }
    }
}
