using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Coupons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CouponClaims_CouponId_AppUserId",
                table: "CouponClaims");

            migrationBuilder.AddColumn<string>(
                name: "ClaimToken",
                table: "Coupons",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Seq",
                table: "CouponClaims",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CouponIssueRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouponId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalUsers = table.Column<int>(type: "INTEGER", nullable: false),
                    LastUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    Issued = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouponIssueRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_ClaimToken",
                table: "Coupons",
                column: "ClaimToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouponClaims_CouponId_AppUserId_Seq",
                table: "CouponClaims",
                columns: new[] { "CouponId", "AppUserId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChargingOrders_CouponClaimId",
                table: "ChargingOrders",
                column: "CouponClaimId",
                unique: true,
                filter: "CouponClaimId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CouponIssueRuns_CouponId_Status",
                table: "CouponIssueRuns",
                columns: new[] { "CouponId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CouponIssueRuns_Status_LeaseUntil",
                table: "CouponIssueRuns",
                columns: new[] { "Status", "LeaseUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CouponIssueRuns");

            migrationBuilder.DropIndex(
                name: "IX_Coupons_ClaimToken",
                table: "Coupons");

            migrationBuilder.DropIndex(
                name: "IX_CouponClaims_CouponId_AppUserId_Seq",
                table: "CouponClaims");

            migrationBuilder.DropIndex(
                name: "IX_ChargingOrders_CouponClaimId",
                table: "ChargingOrders");

            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "Coupons");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "CouponClaims");

            migrationBuilder.CreateIndex(
                name: "IX_CouponClaims_CouponId_AppUserId",
                table: "CouponClaims",
                columns: new[] { "CouponId", "AppUserId" });
        }
    }
}
