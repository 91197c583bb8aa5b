using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientRequests.Requests.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Before",
                table: "TimelineEntries",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClockRevision",
                table: "RequestWorkItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "Ola_AtRiskAt",
                table: "RequestWorkItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Ola_DueAt",
                table: "RequestWorkItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "Ola_Elapsed",
                table: "RequestWorkItems",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<long>(
                name: "Ola_EvaluatedAt",
                table: "RequestWorkItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Ola_State",
                table: "RequestWorkItems",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<TimeSpan>(
                name: "Ola_Target",
                table: "RequestWorkItems",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<long>(
                name: "FirstResponseSla_AtRiskAt",
                table: "Requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FirstResponseSla_DueAt",
                table: "Requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "FirstResponseSla_Elapsed",
                table: "Requests",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<long>(
                name: "FirstResponseSla_EvaluatedAt",
                table: "Requests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "FirstResponseSla_State",
                table: "Requests",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<TimeSpan>(
                name: "FirstResponseSla_Target",
                table: "Requests",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<long>(
                name: "ResolutionSla_AtRiskAt",
                table: "Requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "ResolutionSla_Elapsed",
                table: "Requests",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<long>(
                name: "ResolutionSla_EvaluatedAt",
                table: "Requests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ResolutionSla_State",
                table: "Requests",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<TimeSpan>(
                name: "ResolutionSla_Target",
                table: "Requests",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<long>(
                name: "WantedBy",
                table: "Requests",
                type: "INTEGER",
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
