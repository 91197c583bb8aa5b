using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientRequests.Requests.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ServiceOwnedClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "DueAt",
                table: "Requests",
                newName: "ResolutionSla_DueAt");

            migrationBuilder.AddColumn<string>(
                name: "After",
                table: "TimelineEntries",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Before",
                table: "TimelineEntries",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClockRevision",
                table: "RequestWorkItems",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Ola_AtRiskAt",
                table: "RequestWorkItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Ola_DueAt",
                table: "RequestWorkItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "Ola_Elapsed",
                table: "RequestWorkItems",
                type: "interval",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Ola_EvaluatedAt",
                table: "RequestWorkItems",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "Ola_State",
                table: "RequestWorkItems",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<TimeSpan>(
                name: "Ola_Target",
                table: "RequestWorkItems",
                type: "interval",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstResponseSla_AtRiskAt",
                table: "Requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstResponseSla_DueAt",
                table: "Requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "FirstResponseSla_Elapsed",
                table: "Requests",
                type: "interval",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstResponseSla_EvaluatedAt",
                table: "Requests",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "FirstResponseSla_State",
                table: "Requests",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<TimeSpan>(
                name: "FirstResponseSla_Target",
                table: "Requests",
                type: "interval",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolutionSla_AtRiskAt",
                table: "Requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "ResolutionSla_Elapsed",
                table: "Requests",
                type: "interval",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolutionSla_EvaluatedAt",
                table: "Requests",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "ResolutionSla_State",
                table: "Requests",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<TimeSpan>(
                name: "ResolutionSla_Target",
                table: "Requests",
                type: "interval",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WantedBy",
                table: "Requests",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "After",
                table: "TimelineEntries");

            migrationBuilder.DropColumn(
                name: "Before",
                table: "TimelineEntries");

            migrationBuilder.DropColumn(
                name: "ClockRevision",
                table: "RequestWorkItems");

            migrationBuilder.DropColumn(
                name: "Ola_AtRiskAt",
                table: "RequestWorkItems");

            migrationBuilder.DropColumn(
                name: "Ola_DueAt",
                table: "RequestWorkItems");

            migrationBuilder.DropColumn(
                name: "Ola_Elapsed",
                table: "RequestWorkItems");

            migrationBuilder.DropColumn(
                name: "Ola_EvaluatedAt",
                table: "RequestWorkItems");

            migrationBuilder.DropColumn(
                name: "Ola_State",
                table: "RequestWorkItems");

            migrationBuilder.DropColumn(
                name: "Ola_Target",
                table: "RequestWorkItems");

            migrationBuilder.DropColumn(
                name: "FirstResponseSla_AtRiskAt",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "FirstResponseSla_DueAt",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "FirstResponseSla_Elapsed",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "FirstResponseSla_EvaluatedAt",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "FirstResponseSla_State",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "FirstResponseSla_Target",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "ResolutionSla_AtRiskAt",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "ResolutionSla_Elapsed",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "ResolutionSla_EvaluatedAt",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "ResolutionSla_State",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "ResolutionSla_Target",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "WantedBy",
                table: "Requests");

            migrationBuilder.RenameColumn(
                name: "ResolutionSla_DueAt",
                table: "Requests",
                newName: "DueAt");
        }
    }
}
