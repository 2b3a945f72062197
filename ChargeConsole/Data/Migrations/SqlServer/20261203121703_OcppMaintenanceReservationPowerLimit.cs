using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.SqlServer
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
                type: "decimal(9,2)",
                precision: 9,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DiagnosticsStatus",
                table: "Piles",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DiagnosticsStatusAt",
                table: "Piles",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirmwareStatus",
                table: "Piles",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirmwareStatusAt",
                table: "Piles",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReservedFor",
                table: "Guns",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReservedUntil",
                table: "Guns",
                type: "datetime2",
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
