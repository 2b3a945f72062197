using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Issue20Fixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Anomaly",
                table: "Refunds",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OverLimitWaived",
                table: "ChargingOrders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "SignInAttempts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Tries = table.Column<int>(type: "int", nullable: false),
                    WindowStart = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInAttempts", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CouponIssueRuns_OneRunning",
                table: "CouponIssueRuns",
                column: "CouponId",
                unique: true,
                filter: "Status = 0");

            migrationBuilder.CreateIndex(
                name: "IX_SignInAttempts_WindowStart",
                table: "SignInAttempts",
                column: "WindowStart");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignInAttempts");

            migrationBuilder.DropIndex(
                name: "IX_CouponIssueRuns_OneRunning",
                table: "CouponIssueRuns");

            migrationBuilder.DropColumn(
                name: "Anomaly",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "OverLimitWaived",
                table: "ChargingOrders");
        }
    }
}
