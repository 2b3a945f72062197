using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.Sqlite
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
                type: "TEXT",
                precision: 9,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DiagnosticsStatus",
                table: "Piles",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DiagnosticsStatusAt",
                table: "Piles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirmwareStatus",
                table: "Piles",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirmwareStatusAt",
                table: "Piles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReservedFor",
                table: "Guns",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReservedUntil",
                table: "Guns",
                type: "TEXT",
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
