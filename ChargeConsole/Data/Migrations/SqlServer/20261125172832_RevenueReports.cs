using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RevenueReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FirstChargeAt",
                table: "AppUsers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FirstChargeStationId",
                table: "AppUsers",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DailyInvestorStats",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    StationId = table.Column<int>(type: "int", nullable: false),
                    InvestorId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Orders = table.Column<int>(type: "int", nullable: false),
                    SplitBase = table.Column<long>(type: "bigint", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyInvestorStats", x => new { x.Day, x.StationId, x.InvestorId });
                });

            migrationBuilder.CreateTable(
                name: "DailyStationStats",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    StationId = table.Column<int>(type: "int", nullable: false),
                    Orders = table.Column<int>(type: "int", nullable: false),
                    Energy = table.Column<long>(type: "bigint", nullable: false),
                    ElectricityFee = table.Column<long>(type: "bigint", nullable: false),
                    ServiceFee = table.Column<long>(type: "bigint", nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: false),
                    SplitBase = table.Column<long>(type: "bigint", nullable: false),
                    InvestorsAmount = table.Column<long>(type: "bigint", nullable: false),
                    PlatformAmount = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyStationStats", x => new { x.Day, x.StationId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_RevenueShares_Platform",
                table: "RevenueShares",
                columns: new[] { "ChargingOrderId", "IsReversal" },
                unique: true,
                filter: "InvestorId IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AppUsers_FirstChargeStationId_FirstChargeAt",
                table: "AppUsers",
                columns: new[] { "FirstChargeStationId", "FirstChargeAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyInvestorStats_InvestorId_Day",
                table: "DailyInvestorStats",
                columns: new[] { "InvestorId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyStationStats_StationId_Day",
                table: "DailyStationStats",
                columns: new[] { "StationId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyInvestorStats");

            migrationBuilder.DropTable(
                name: "DailyStationStats");

            migrationBuilder.DropIndex(
                name: "IX_RevenueShares_Platform",
                table: "RevenueShares");

            migrationBuilder.DropIndex(
                name: "IX_AppUsers_FirstChargeStationId_FirstChargeAt",
                table: "AppUsers");

            migrationBuilder.DropColumn(
                name: "FirstChargeAt",
                table: "AppUsers");

            migrationBuilder.DropColumn(
                name: "FirstChargeStationId",
                table: "AppUsers");
        }
    }
}
