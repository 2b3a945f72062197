using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.SqlServer
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

            migrationBuilder.AlterColumn<string>(
                name: "Remark",
                table: "Coupons",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(256)",
                oldMaxLength: 256,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Coupons",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(256)",
                oldMaxLength: 256);

            migrationBuilder.AddColumn<string>(
                name: "ClaimToken",
                table: "Coupons",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Seq",
                table: "CouponClaims",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CouponIssueRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CouponId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    TotalUsers = table.Column<int>(type: "int", nullable: false),
                    LastUserId = table.Column<int>(type: "int", nullable: false),
                    Processed = table.Column<int>(type: "int", nullable: false),
                    Issued = table.Column<int>(type: "int", nullable: false),
                    Skipped = table.Column<int>(type: "int", nullable: false),
                    Error = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    StartedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LeaseOwner = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
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

            migrationBuilder.AlterColumn<string>(
                name: "Remark",
                table: "Coupons",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Coupons",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50);

            migrationBuilder.CreateIndex(
                name: "IX_CouponClaims_CouponId_AppUserId",
                table: "CouponClaims",
                columns: new[] { "CouponId", "AppUserId" });
        }
    }
}
