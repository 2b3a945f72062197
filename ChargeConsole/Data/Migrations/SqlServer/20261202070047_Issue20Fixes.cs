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
                name: "JobProgress",
                columns: table => new
                {
                    Key = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    Done = table.Column<long>(type: "bigint", nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: false),
                    Message = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LeaseOwner = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobProgress", x => x.Key);
                });

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

            // A database the old race left with two running 全体发放 of one coupon keeps the oldest; the other is ended.
            migrationBuilder.Sql("UPDATE CouponIssueRuns SET Status = 2, Error = '同一优惠券同时有多个全体发放，已保留最早的一个' " +
                "WHERE Status = 0 AND Id NOT IN (SELECT MIN(Id) FROM CouponIssueRuns WHERE Status = 0 GROUP BY CouponId)");

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
                name: "JobProgress");

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
