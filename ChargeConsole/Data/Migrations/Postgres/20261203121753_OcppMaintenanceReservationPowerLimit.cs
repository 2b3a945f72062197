using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OcppMaintenanceReservationPowerLimit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "PowerLimitKw",
                table: "Stations",
                type: "numeric(9,2)",
                precision: 9,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DiagnosticsStatus",
                table: "Piles",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DiagnosticsStatusAt",
                table: "Piles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirmwareStatus",
                table: "Piles",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirmwareStatusAt",
                table: "Piles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReservedFor",
                table: "Guns",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReservedUntil",
                table: "Guns",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PowerLimitKw",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "DiagnosticsStatus",
                table: "Piles");

            migrationBuilder.DropColumn(
                name: "DiagnosticsStatusAt",
                table: "Piles");

            migrationBuilder.DropColumn(
                name: "FirmwareStatus",
                table: "Piles");

            migrationBuilder.DropColumn(
                name: "FirmwareStatusAt",
                table: "Piles");

            migrationBuilder.DropColumn(
                name: "ReservedFor",
                table: "Guns");

            migrationBuilder.DropColumn(
                name: "ReservedUntil",
                table: "Guns");
        }
    }
}
