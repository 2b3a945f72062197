using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class GunFaultDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DailyGunFaults",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    GunId = table.Column<int>(type: "int", nullable: false),
                    StationId = table.Column<int>(type: "int", nullable: false),
                    Faults = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyGunFaults", x => new { x.Day, x.GunId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_DailyGunFaults_StationId_Day",
                table: "DailyGunFaults",
                columns: new[] { "StationId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyGunFaults");
        }
    }
}
