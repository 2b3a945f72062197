using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoredValueInvoicesCouponsContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InvoiceOrders_ChargingOrderId",
                table: "InvoiceOrders");

            migrationBuilder.DropIndex(
                name: "IX_CouponClaims_CouponId_AppUserId",
                table: "CouponClaims");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_Status",
                table: "Campaigns");

            migrationBuilder.AddColumn<long>(
                name: "Fee",
                table: "Withdrawals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PaidOut",
                table: "Withdrawals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ProcessedBy",
                table: "Withdrawals",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestId",
                table: "Withdrawals",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Withdrawals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "ByUser",
                table: "Refunds",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Submitted",
                table: "Refunds",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "WithdrawalId",
                table: "Refunds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "BonusReclaimed",
                table: "RechargeOrders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "RechargeOrders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayerOpenId",
                table: "RechargeOrders",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentIssue",
                table: "RechargeOrders",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PrepayId",
                table: "RechargeOrders",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestId",
                table: "RechargeOrders",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "Invoices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandledBy",
                table: "Invoices",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestId",
                table: "Invoices",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "Invoices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Invoices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "Active",
                table: "InvoiceOrders",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

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

            migrationBuilder.AddColumn<int>(
                name: "Frequency",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Placement",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Campaigns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CampaignViews",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    AppUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignViews", x => new { x.CampaignId, x.AppUserId });
                });

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

            migrationBuilder.CreateTable(
                name: "DailyGunFaults",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GunId = table.Column<int>(type: "INTEGER", nullable: false),
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Faults = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyGunFaults", x => new { x.Day, x.GunId });
                });

            migrationBuilder.CreateTable(
                name: "SystemSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SystemSettings", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Withdrawals_AppUserId_RequestId",
                table: "Withdrawals",
                columns: new[] { "AppUserId", "RequestId" },
                unique: true,
                filter: "RequestId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_WithdrawalId",
                table: "Refunds",
                column: "WithdrawalId");

            migrationBuilder.CreateIndex(
                name: "IX_RechargeOrders_AppUserId_RequestId",
                table: "RechargeOrders",
                columns: new[] { "AppUserId", "RequestId" },
                unique: true,
                filter: "RequestId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_AppUserId_RequestId",
                table: "Invoices",
                columns: new[] { "AppUserId", "RequestId" },
                unique: true,
                filter: "RequestId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceOrders_ActiveOrder",
                table: "InvoiceOrders",
                column: "ChargingOrderId",
                unique: true,
                filter: "Active = 1");

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
                name: "IX_Campaigns_Placement_Status",
                table: "Campaigns",
                columns: new[] { "Placement", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CouponIssueRuns_CouponId_Status",
                table: "CouponIssueRuns",
                columns: new[] { "CouponId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CouponIssueRuns_Status_LeaseUntil",
                table: "CouponIssueRuns",
                columns: new[] { "Status", "LeaseUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyGunFaults_StationId_Day",
                table: "DailyGunFaults",
                columns: new[] { "StationId", "Day" });

            migrationBuilder.AddForeignKey(
                name: "FK_Refunds_Withdrawals_WithdrawalId",
                table: "Refunds",
                column: "WithdrawalId",
                principalTable: "Withdrawals",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Refunds_Withdrawals_WithdrawalId",
                table: "Refunds");

            migrationBuilder.DropTable(
                name: "CampaignViews");

            migrationBuilder.DropTable(
                name: "CouponIssueRuns");

            migrationBuilder.DropTable(
                name: "DailyGunFaults");

            migrationBuilder.DropTable(
                name: "SystemSettings");

            migrationBuilder.DropIndex(
                name: "IX_Withdrawals_AppUserId_RequestId",
                table: "Withdrawals");

            migrationBuilder.DropIndex(
                name: "IX_Refunds_WithdrawalId",
                table: "Refunds");

            migrationBuilder.DropIndex(
                name: "IX_RechargeOrders_AppUserId_RequestId",
                table: "RechargeOrders");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_AppUserId_RequestId",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_InvoiceOrders_ActiveOrder",
                table: "InvoiceOrders");

            migrationBuilder.DropIndex(
                name: "IX_Coupons_ClaimToken",
                table: "Coupons");

            migrationBuilder.DropIndex(
                name: "IX_CouponClaims_CouponId_AppUserId_Seq",
                table: "CouponClaims");

            migrationBuilder.DropIndex(
                name: "IX_ChargingOrders_CouponClaimId",
                table: "ChargingOrders");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_Placement_Status",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "Fee",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "PaidOut",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "ProcessedBy",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "ByUser",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "Submitted",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "WithdrawalId",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "BonusReclaimed",
                table: "RechargeOrders");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "RechargeOrders");

            migrationBuilder.DropColumn(
                name: "PayerOpenId",
                table: "RechargeOrders");

            migrationBuilder.DropColumn(
                name: "PaymentIssue",
                table: "RechargeOrders");

            migrationBuilder.DropColumn(
                name: "PrepayId",
                table: "RechargeOrders");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "RechargeOrders");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "HandledBy",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "Active",
                table: "InvoiceOrders");

            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "Coupons");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "CouponClaims");

            migrationBuilder.DropColumn(
                name: "Frequency",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "Placement",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceOrders_ChargingOrderId",
                table: "InvoiceOrders",
                column: "ChargingOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_CouponClaims_CouponId_AppUserId",
                table: "CouponClaims",
                columns: new[] { "CouponId", "AppUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Status",
                table: "Campaigns",
                column: "Status");
        }
    }
}
